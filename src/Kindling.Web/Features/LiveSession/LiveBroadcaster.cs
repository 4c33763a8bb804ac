using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR;
using LiveEventRow = Kindling.Domain.LiveEvent;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Sends a committed change once per group: the whole session, or, for a private change, its one reader plus a placeholder for the rest.</summary>
public sealed class LiveBroadcaster(IHubContext<SessionHub, ISessionClient> hub, TimeProvider clock)
{
    public async Task PublishAsync(LiveEventRow row)
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
