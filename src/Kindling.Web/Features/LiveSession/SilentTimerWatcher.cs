using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>When the timer of an agenda item with a silent prompt runs out, reveals that prompt's responses all at once.</summary>
public sealed class SilentTimerWatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SilentTimerWatcher> log) : ClockedJob(clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromSeconds(1);
    protected override string Doing => "Revealing silent rounds";
    protected override Task RunOnceAsync() => RevealDueAsync();

    public async Task RevealDueAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await db.LiveDocuments.Where(d => d.TimerEndsUtc != null && d.TimerEndsUtc <= now && d.LockedUtc == null)
            // Every instance runs this; the key (section and timer end) makes the reveal happen once.
            .SelectMany(d => db.LiveSections.Where(s => s.SessionId == d.SessionId && s.ActivityIndex == d.CurrentSection && s.Silent && s.RevealedUtc == null),
                (d, s) => new { s.SessionId, s.Id, Ends = d.TimerEndsUtc!.Value })
            .ToListAsync();
        foreach (var item in due)
        {
            using var inner = scopes.CreateScope();
            var store = inner.ServiceProvider.GetRequiredService<LiveStore>();
            var commands = inner.ServiceProvider.GetRequiredService<FacilitatorCommands>();
            var system = new LiveContext(item.SessionId, Guid.Empty, "timer", "Timer", CohortRole.Facilitator, false, RecordingPolicy.NoRecording, "");
            var done = await store.CommitAsync(system, $"reveal:{item.Id:N}:{item.Ends.Ticks}", async () =>
            {
                var section = await store.Db.LiveSections.SingleAsync(s => s.Id == item.Id);
                return await commands.RevealCore(section);
            });
            if (done.Event is not null) await inner.ServiceProvider.GetRequiredService<LiveBroadcaster>().PublishAsync(done.Event);
        }
    }
}
