using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Opens a session's document when its opening time comes (<see cref="OpenLiveDocument.OpensUtc"/>), so people already
/// waiting in the room see it at once rather than when someone next loads the page. Every instance runs this; the
/// document is created once (<see cref="OpenLiveDocument.OpenAsync"/>) and that instance tells the waiting room.
/// </summary>
public sealed class RoomOpeningWatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RoomOpeningWatcher> log)
    : ClockedJob(clock, log)
{
    /// <summary>Sessions that started longer ago than this are left alone: their document opens if someone
    /// arrives.</summary>
    private static readonly TimeSpan LateBy = TimeSpan.FromHours(1);

    protected override TimeSpan Every => TimeSpan.FromSeconds(1);
    protected override string Doing => "Opening due session documents";

    protected override Task RunOnceAsync() => OpenDueAsync();

    public async Task OpenDueAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var opensBy = now + OpenLiveDocument.OpensBeforeStart;
        var startedAfter = now - LateBy;
        var due = await db
            .Sessions.Where(s =>
                s.StartsUtc <= opensBy && s.StartsUtc > startedAfter && !db.LiveDocuments.Any(d => d.SessionId == s.Id)
            )
            .Select(s => s.Id)
            .ToListAsync();
        foreach (var sessionId in due)
        {
            using var inner = scopes.CreateScope();
            await inner.ServiceProvider.GetRequiredService<OpenLiveDocument>().OpenAsync(sessionId);
        }
    }
}
