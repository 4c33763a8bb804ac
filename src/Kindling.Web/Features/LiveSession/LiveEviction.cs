using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Closes a person's open live-session connections on every instance: in a cohort's sessions when they leave or are
/// removed from it, or all of them when their sign-in is no longer valid (signed out, password or security stamp
/// changed).
/// </summary>
public sealed class LiveEviction(
    KindlingDb db,
    Presence presence,
    ILogger<LiveEviction> log,
    PresenceMirror? mirror = null
)
{
    public async Task EvictAsync(Guid cohortId, string userId)
    {
        var sessions = await db.Sessions.Where(s => s.CohortId == cohortId).Select(s => s.Id).ToListAsync();
        await EvictAsync(userId, sessions);
    }

    /// <summary>Every connection of the person, whichever session it is in or waits for.</summary>
    public Task EvictEverywhereAsync(string userId) => EvictAsync(userId, null);

    private async Task EvictAsync(string userId, IReadOnlyCollection<Guid>? sessions)
    {
        if (mirror is null)
        {
            presence.Evict(userId, sessions);
            return;
        }
        try
        {
            await mirror.PublishEvictionAsync(userId, sessions);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            log.LogWarning(
                e,
                "Could not tell the other instances to close {UserId}'s live connections; closing this "
                    + "instance's.",
                userId
            );
            presence.Evict(userId, sessions);
        }
    }
}
