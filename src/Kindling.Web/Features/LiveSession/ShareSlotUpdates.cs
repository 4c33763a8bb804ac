using Kindling.Data;
using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// When a worksheet of a cohort is shared or made private, sends the new list to every open room of that cohort with a
/// "share your insights" slot, so it appears there without a reload. Rooms also fetch the list whenever they (re)join.
/// </summary>
public sealed class ShareSlotUpdates(
    KindlingDb db,
    IHubContext<SessionHub, ISessionClient> hub,
    ILogger<ShareSlotUpdates> log
)
{
    public async Task PublishAsync(Guid cohortId)
    {
        try
        {
            var sessions = await db
                .LiveSections.Where(x =>
                    x.Kind == ShareSlot.Kind && db.Sessions.Any(s => s.Id == x.SessionId && s.CohortId == cohortId)
                )
                .Select(x => x.SessionId)
                .Distinct()
                .ToListAsync();
            if (sessions.Count == 0)
                return;
            var list = new SharedWorksheetList(true, null, await ShareSlot.SharedWorksheetsAsync(db, cohortId));
            foreach (var sessionId in sessions)
                await hub.Clients.Group(LiveGroups.Session(sessionId)).SharedWorksheets(list);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is saved; open rooms show it when they next join.
            log.LogWarning(e, "Could not send the shared worksheets of cohort {CohortId} to its open rooms.", cohortId);
        }
    }
}
