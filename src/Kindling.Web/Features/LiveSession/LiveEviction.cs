using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>When someone leaves or is removed from a cohort, closes their open live-session connections on every instance.</summary>
public sealed class LiveEviction(KindlingDb db, Presence presence, ILogger<LiveEviction> log, PresenceMirror? mirror = null)
{
    public async Task EvictAsync(Guid cohortId, string userId)
    {
        var sessions = await db.Sessions.Where(s => s.CohortId == cohortId).Select(s => s.Id).ToListAsync();
        if (mirror is null)
        {
            presence.Evict(userId, sessions);
            return;
        }
        try { await mirror.PublishEvictionAsync(userId, sessions); }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            log.LogWarning(e, "Could not tell the other instances to close {UserId}'s live connections; closing this instance's.", userId);
            presence.Evict(userId, sessions);
        }
    }
}
