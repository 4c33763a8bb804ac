using System.Collections.Concurrent;
using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Who is connected to which live session on this instance, and the "who is here" list sent to the session when it changes.
/// </summary>
/// <remarks>
/// Sending the whole list to everyone on every join costs N² deliveries when N people arrive together (300 joins took
/// 40 s in the load benchmark, docs/performance.md). Changes are therefore coalesced: the first change sends at once;
/// changes during a send, or during a short pause after it that grows with the session (0.25 s, plus 2 ms per member,
/// at most 3 s), are covered by one more list. The pause is real time, not the app's clock: it only paces the network.
/// </remarks>
public sealed class Presence
{
    private readonly IHubContext<SessionHub, ISessionClient> hub;
    private readonly ILogger<Presence> log;
    private readonly PresenceMirror? mirror;
    private readonly ConcurrentDictionary<string, HubCallerContext> _callers = new();

    public Presence(IHubContext<SessionHub, ISessionClient> hub, ILogger<Presence> log, PresenceMirror? mirror = null)
    {
        (this.hub, this.log, this.mirror) = (hub, log, mirror);
        mirror?.OnEviction(Evict);
    }

    private readonly ConcurrentDictionary<string, (Guid SessionId, PresentMember Member)> _connections = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, PresentMember>> _sessions = new();
    private readonly ConcurrentDictionary<Guid, Pump> _pumps = new();

    public void Join(Guid sessionId, string connectionId, LiveContext ctx)
    {
        var member = new PresentMember(ctx.UserId, ctx.UserName, ctx.Role.ToString());
        if (_connections.TryGetValue(connectionId, out var before) && before.SessionId != sessionId) Leave(connectionId);
        _connections[connectionId] = (sessionId, member);
        _sessions.GetOrAdd(sessionId, _ => new())[connectionId] = member;
        Changed(sessionId);
    }

    /// <summary>Keeps the caller's connection so it can be closed when the person loses access (<see cref="Evict"/>).</summary>
    public void Track(HubCallerContext caller) => _callers[caller.ConnectionId] = caller;

    /// <summary>
    /// Closes this instance's connections of a person in the given sessions (they were removed from the cohort): their
    /// client reconnects, and joining again is refused, so no further change of the session reaches them.
    /// </summary>
    public int Evict(string userId, IReadOnlyCollection<Guid> sessionIds)
    {
        var closed = 0;
        foreach (var (connectionId, entry) in _connections)
        {
            if (entry.Member.UserId != userId || !sessionIds.Contains(entry.SessionId)) continue;
            // Out of the groups first, so not one more change reaches them, then the connection is closed.
            _ = hub.Groups.RemoveFromGroupAsync(connectionId, LiveGroups.Session(entry.SessionId));
            _ = hub.Groups.RemoveFromGroupAsync(connectionId, LiveGroups.Person(entry.SessionId, userId));
            if (_callers.TryGetValue(connectionId, out var caller)) { caller.Abort(); closed++; }
            Leave(connectionId);
        }
        return closed;
    }

    public void Leave(string connectionId)
    {
        _callers.TryRemove(connectionId, out _);
        if (!_connections.TryRemove(connectionId, out var gone)) return;
        if (_sessions.TryGetValue(gone.SessionId, out var members)) members.TryRemove(connectionId, out _);
        Changed(gone.SessionId);
    }

    /// <summary>Who is here across every instance serving the session (this instance alone without Redis).</summary>
    public async Task<IReadOnlyList<PresentMember>> AllMembersAsync(Guid sessionId) =>
        mirror is null ? Members(sessionId) : await mirror.MembersAsync(sessionId);

    /// <summary>Who is connected to the session on this instance.</summary>
    public IReadOnlyList<PresentMember> Members(Guid sessionId) =>
        _sessions.TryGetValue(sessionId, out var members)
            ? members.Values.DistinctBy(m => m.UserId).OrderBy(m => m.Name).ToList()
            : [];

    private void Changed(Guid sessionId)
    {
        var pump = _pumps.GetOrAdd(sessionId, _ => new Pump());
        lock (pump)
        {
            pump.Dirty = true;
            if (pump.Sending) return;
            pump.Sending = true;
        }
        _ = Task.Run(() => SendAsync(sessionId, pump));
    }

    private async Task SendAsync(Guid sessionId, Pump pump)
    {
        while (true)
        {
            lock (pump)
            {
                if (!pump.Dirty) { pump.Sending = false; return; }
                pump.Dirty = false;
            }
            var members = Members(sessionId);
            try
            {
                if (mirror is not null) members = await mirror.SyncAsync(sessionId, members);
                await hub.Clients.Group(LiveGroups.Session(sessionId)).Presence(members);
            }
            catch (Exception e) { log.LogWarning(e, "Sending the presence list of session {SessionId} failed.", sessionId); }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(3000, 250 + 2 * members.Count)));
        }
    }

    private sealed class Pump
    {
        public bool Dirty, Sending;
    }
}
