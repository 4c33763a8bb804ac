using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Messages.Digest;

/// <summary>Writes due daily digests once an hour (<see cref="DigestWriter"/>).</summary>
public sealed class DigestJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DigestJob> log)
    : ClockedJob(clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromHours(1);
    protected override string Doing => "Writing daily digests";

    protected override async Task RunOnceAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DigestWriter>().WriteDueAsync();
    }
}
