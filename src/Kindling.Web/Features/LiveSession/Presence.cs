using System.Collections.Concurrent;
using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Who is connected to which live session on this instance, and the "who is here" list sent to the session when it
/// changes.
/// </summary>
/// <remarks>
/// Sending the whole list to everyone on every join costs N² deliveries when N people arrive together (300 joins took
/// 40 s in the load benchmark, docs/performance.md). Changes are therefore coalesced: the first change sends at once;
/// changes during a send, or during a short pause after it that grows with the session (0.25 s, plus 2 ms per member,
/// at most 3 s), are covered by one more message. The pause is real time, not the app's clock: it only paces the
/// network.
/// That message is a delta (who arrived, who left) and only the people who joined since the previous message get the
/// whole list, so a mass join does not write a 1,000-name list into every connection's buffers at once (that was most
/// of the server memory per participant). All messages an instance sends to a session leave from one loop, in order.
/// With the Redis backplane each instance knows only its own connections: its deltas are computed against the union
/// over instances (<see cref="PresenceMirror"/>), and clients hear deltas from every instance. A client applies each
/// change as "this person is here / gone", so it ends with the same list once every instance's last message about a
/// person agrees with the union; to make sure they do, an instance with people in a session compares the union with
/// what it last sent every <see cref="ReconcileEvery"/> and sends the difference (also how a stopped instance's people
/// drop out). Sending the whole union on every change instead made 1,000 joins over two instances take 100 s.
/// </remarks>
public sealed class Presence
{
    private readonly IHubContext<SessionHub, ISessionClient> hub;
    private readonly ILogger<Presence> log;
    private readonly PresenceMirror? mirror;
    private readonly ConcurrentDictionary<string, HubCallerContext> _callers = new();

    public Presence(
        IHubContext<SessionHub, ISessionClient> hub,
        ILogger<Presence> log,
        LiveMetrics metrics,
        PresenceMirror? mirror = null
    )
    {
        (this.hub, this.log, this.mirror) = (hub, log, mirror);
        mirror?.OnEviction(Evict);
        metrics.Observe(this);
    }

    private readonly ConcurrentDictionary<string, (Guid SessionId, PresentMember Member)> _connections = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, PresentMember>> _sessions = new();
    private readonly ConcurrentDictionary<Guid, Pump> _pumps = new();

    public void Join(Guid sessionId, string connectionId, LiveContext ctx)
    {
        var member = new PresentMember(ctx.UserId, ctx.UserName, ctx.Role.ToString());
        if (_connections.TryGetValue(connectionId, out var before) && before.SessionId != sessionId)
            Leave(connectionId);
        _connections[connectionId] = (sessionId, member);
        _sessions.GetOrAdd(sessionId, _ => new())[connectionId] = member;
        Changed(sessionId, newcomer: connectionId);
    }

    /// <summary>Keeps every connection of this instance (joined or still waiting for the document) so it can be closed
    /// (<see cref="Evict"/>).</summary>
    public void Track(HubCallerContext caller) => _callers[caller.ConnectionId] = caller;

    /// <summary>
    /// Closes this instance's connections of a person: those in the given sessions (they were removed from the cohort),
    /// or every one when <paramref name="sessionIds"/> is null (they signed out, changed their password or their
    /// security stamp changed otherwise). Their client reconnects and joining again is refused, so no further change of
    /// the session reaches them.
    /// </summary>
    public int Evict(string userId, IReadOnlyCollection<Guid>? sessionIds)
    {
        var doomed = _callers
            .Where(c => c.Value.UserIdentifier == userId)
            .Select(c => c.Key)
            .Where(id =>
                sessionIds is null
                || (_connections.TryGetValue(id, out var entry) && sessionIds.Contains(entry.SessionId))
            )
            .ToList();
        foreach (var connectionId in doomed)
            Close(connectionId);
        return doomed.Count;
    }

    /// <summary>This instance's connections with the user they signed in as (for re-checking sign-ins that went
    /// stale).</summary>
    public IReadOnlyList<(string ConnectionId, System.Security.Claims.ClaimsPrincipal? User)> Connections() =>
        _callers.Select(c => (c.Key, c.Value.User)).ToList();

    /// <summary>Takes a connection out of its session (no further change reaches it) and closes it.</summary>
    public void Close(string connectionId)
    {
        Forget(connectionId);
        if (_callers.TryGetValue(connectionId, out var caller))
            caller.Abort();
        Leave(connectionId);
    }

    /// <summary>Takes a connection out of its session's groups and the "who is here" list, leaving it open (its calls
    /// are refused).</summary>
    public void Forget(string connectionId)
    {
        if (!_connections.TryGetValue(connectionId, out var entry))
            return;
        _ = hub.Groups.RemoveFromGroupAsync(connectionId, LiveGroups.Session(entry.SessionId));
        _ = hub.Groups.RemoveFromGroupAsync(connectionId, LiveGroups.Person(entry.SessionId, entry.Member.UserId));
        if (
            _connections.TryRemove(connectionId, out var gone) && _sessions.TryGetValue(gone.SessionId, out var members)
        )
        {
            members.TryRemove(connectionId, out _);
            Changed(gone.SessionId);
        }
    }

    public void Leave(string connectionId)
    {
        _callers.TryRemove(connectionId, out _);
        if (!_connections.TryRemove(connectionId, out var gone))
            return;
        if (_sessions.TryGetValue(gone.SessionId, out var members))
            members.TryRemove(connectionId, out _);
        Changed(gone.SessionId);
    }

    /// <summary>Who is here across every instance serving the session (this instance alone without Redis).</summary>
    public async Task<IReadOnlyList<PresentMember>> AllMembersAsync(Guid sessionId) =>
        mirror is null ? Members(sessionId) : await mirror.MembersAsync(sessionId);

    /// <summary>The sessions someone is connected to on this instance.</summary>
    public IReadOnlyList<Guid> SessionIds() => _sessions.Where(s => !s.Value.IsEmpty).Select(s => s.Key).ToList();

    /// <summary>
    /// Sessions with someone connected on this instance, the people in them (a person counted once per session) and
    /// their connections. Walks every connection: for the metrics (read when scraped) and the admin page, not for a
    /// hot path.
    /// </summary>
    public (int Sessions, int People, int Connections) Counts()
    {
        var (sessions, people, connections) = (0, 0, 0);
        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, members) in _sessions)
        {
            users.Clear();
            foreach (var (_, member) in members)
            {
                connections++;
                users.Add(member.UserId);
            }
            if (users.Count == 0)
                continue;
            sessions++;
            people += users.Count;
        }
        return (sessions, people, connections);
    }

    /// <summary>Who is connected to the session on this instance.</summary>
    public IReadOnlyList<PresentMember> Members(Guid sessionId) =>
        _sessions.TryGetValue(sessionId, out var members)
            ? members.Values.DistinctBy(m => m.UserId).OrderBy(m => m.Name).ToList()
            : [];

    private void Changed(Guid sessionId, string? newcomer = null)
    {
        var pump = _pumps.GetOrAdd(sessionId, _ => new Pump());
        lock (pump)
        {
            pump.Dirty = true;
            if (newcomer is not null)
                pump.Newcomers.Add(newcomer);
            if (pump.Sending)
                return;
            pump.Sending = true;
        }
        _ = Task.Run(() => SendAsync(sessionId, pump));
    }

    private async Task SendAsync(Guid sessionId, Pump pump)
    {
        while (true)
        {
            string[] newcomers;
            lock (pump)
            {
                if (!pump.Dirty)
                {
                    pump.Sending = false;
                    ScheduleReconcile(sessionId, pump);
                    return;
                }
                pump.Dirty = false;
                newcomers = [.. pump.Newcomers];
                pump.Newcomers.Clear();
            }
            var members = Members(sessionId);
            try
            {
                if (mirror is not null)
                    members = await mirror.SyncAsync(sessionId, members);
                await SendChangesAsync(sessionId, pump, members, newcomers);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Sending the presence list of session {SessionId} failed.", sessionId);
                pump.Resync = true; // a delta may not have arrived: the next message is the whole list, to everyone
                lock (pump)
                    pump.Dirty = true;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(3000, 250 + 2 * members.Count)));
        }
    }

    /// <summary>How often an instance with people in a session checks the union over instances against what it last
    /// sent (with the Redis backplane only).</summary>
    public static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(5);

    /// <summary>With the backplane, one more round after <see cref="ReconcileEvery"/> while this instance has people
    /// in the session; at most one is pending per session. Called under the pump's lock.</summary>
    private void ScheduleReconcile(Guid sessionId, Pump pump)
    {
        if (mirror is null || pump.ReconcilePending || !_sessions.TryGetValue(sessionId, out var here) || here.IsEmpty)
            return;
        pump.ReconcilePending = true;
        _ = Task.Delay(ReconcileEvery)
            .ContinueWith(
                _ =>
                {
                    lock (pump)
                        pump.ReconcilePending = false;
                    Changed(sessionId);
                },
                TaskScheduler.Default
            );
    }

    /// <summary>The delta since the previous message to the whole session, then the whole list to those who just
    /// joined.</summary>
    private async Task SendChangesAsync(
        Guid sessionId,
        Pump pump,
        IReadOnlyList<PresentMember> members,
        string[] newcomers
    )
    {
        var now = members.ToDictionary(m => m.UserId);
        if (pump.Resync)
        {
            (pump.Sent, pump.Resync) = (now, false);
            await hub.Clients.Group(LiveGroups.Session(sessionId)).Presence(members);
            return;
        }
        var joined = members.Where(m => !pump.Sent.TryGetValue(m.UserId, out var was) || was != m).ToList();
        var left = pump.Sent.Keys.Where(id => !now.ContainsKey(id)).ToList();
        pump.Sent = now;
        if (joined.Count > 0 || left.Count > 0)
            await hub.Clients.Group(LiveGroups.Session(sessionId)).PresenceChanged(new PresenceDelta(joined, left));
        if (newcomers.Length > 0)
            await hub.Clients.Clients(newcomers).Presence(members);
    }

    private sealed class Pump
    {
        public bool Dirty,
            Sending,
            Resync,
            ReconcilePending;

        /// <summary>Connections that joined since the last message and need the whole list.</summary>
        public readonly HashSet<string> Newcomers = [];

        /// <summary>Who is here as last told to the session (by user id); only the sending loop touches it.</summary>
        public Dictionary<string, PresentMember> Sent = [];
    }
}
