using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Schedule.Reminders;

/// <summary>Looks for due session reminders every minute (<see cref="SessionReminders"/>).</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReminderJob> log)
    : ClockedJob(clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromMinutes(1);
    protected override string Doing => "Writing session reminders";

    protected override async Task RunOnceAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionReminders>().SendDueAsync();
    }
}
