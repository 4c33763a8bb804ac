using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>When the timer of an agenda item with a silent prompt runs out, reveals that prompt's responses all at
/// once.</summary>
public sealed class SilentTimerWatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SilentTimerWatcher> log)
    : ClockedJob(clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromSeconds(1);
    protected override string Doing => "Revealing silent rounds";

    protected override Task RunOnceAsync() => RevealDueAsync();

    public async Task RevealDueAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        var now = Clock.GetUtcNow().UtcDateTime;
        // Every instance runs this; the reveal's key (section and timer end) makes it happen once.
        var due = await db
            .LiveSections.AwaitingReveal()
            .Join(
                db.LiveDocuments.Where(d => d.TimerEndsUtc != null && d.TimerEndsUtc <= now && d.LockedUtc == null),
                s => s.SessionId,
                d => d.SessionId,
                (s, d) => new { Section = s, Document = d }
            )
            .Where(x => x.Section.ActivityIndex == x.Document.CurrentSection)
            .Select(x => new
            {
                x.Section.SessionId,
                x.Section.Id,
                Ends = x.Document.TimerEndsUtc!.Value,
            })
            .ToListAsync();
        foreach (var item in due)
        {
            using var inner = scopes.CreateScope();
            var commands = inner.ServiceProvider.GetRequiredService<FacilitatorCommands>();
            var done = await commands.RevealAtTimerEndAsync(item.SessionId, item.Id, item.Ends);
            if (done.Event is not null)
                await inner.ServiceProvider.GetRequiredService<LiveBroadcaster>().PublishAsync(done);
        }
    }
}
