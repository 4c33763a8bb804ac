using System.Collections.Concurrent;
using Kindling.LiveClient;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Who is connected to which live session on this instance.</summary>
public sealed class Presence
{
    private readonly ConcurrentDictionary<string, (Guid SessionId, PresentMember Member)> _connections = new();

    public IReadOnlyList<PresentMember> Join(Guid sessionId, string connectionId, LiveContext ctx)
    {
        _connections[connectionId] = (sessionId, new PresentMember(ctx.UserId, ctx.UserName, ctx.Role.ToString()));
        return Members(sessionId);
    }

    public IEnumerable<(Guid SessionId, IReadOnlyList<PresentMember> Members)> Leave(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var gone)) yield return (gone.SessionId, Members(gone.SessionId));
    }

    public IReadOnlyList<PresentMember> Members(Guid sessionId) =>
        _connections.Values.Where(c => c.SessionId == sessionId).Select(c => c.Member)
            .DistinctBy(m => m.UserId).OrderBy(m => m.Name).ToList();
}
