using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR;
using LiveEventRow = Kindling.Domain.LiveEvent;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Sends a committed change once per group: the whole session, or, for a private change, its one reader plus a placeholder for the rest.</summary>
public sealed class LiveBroadcaster(IHubContext<SessionHub, ISessionClient> hub, TimeProvider clock, ILogger<LiveBroadcaster> log)
{
    /// <summary>
    /// The change is already committed: if sending fails (e.g. the Redis backplane is unreachable) the command still
    /// succeeds, and clients fetch the missing number when they notice the gap or reconnect.
    /// </summary>
    public async Task PublishAsync(LiveEventRow row)
    {
        try { await SendAsync(row); }
        catch (Exception e) { log.LogWarning(e, "Broadcasting event {Seq} of session {SessionId} failed; clients will catch up.", row.Seq, row.SessionId); }
    }

    private async Task SendAsync(LiveEventRow row)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (row.AudienceUserId is null)
        {
            await hub.Clients.Group(LiveGroups.Session(row.SessionId)).Event(LiveStore.ToDto(row, null, now));
            return;
        }
        await hub.Clients.Group(LiveGroups.Session(row.SessionId)).Event(LiveStore.ToDto(row, null, now));
        await hub.Clients.Group(LiveGroups.Person(row.SessionId, row.AudienceUserId)).Event(LiveStore.ToDto(row, row.AudienceUserId, now));
    }
}
