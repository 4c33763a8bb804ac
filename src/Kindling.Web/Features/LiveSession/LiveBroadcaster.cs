using System.Collections.Concurrent;
using System.Diagnostics;
using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using LiveEventRow = Kindling.Domain.LiveEvent;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Sends a committed change once per group: the whole session, or, for a private change, its one reader plus a
/// placeholder for the rest.</summary>
/// <remarks>
/// Each session has one send loop. A change published while the loop is idle goes out at once as one <c>Event</c>.
/// After each send the loop stays for <see cref="LiveOptions.BroadcastWindowMs"/>; changes published meanwhile go out
/// together when it ends, as one <c>Events</c> message per group, in sequence order. So a quiet session sees no added
/// delay, and a busy one sends at most one message per group per window: the per-recipient cost of a send (a WebSocket
/// frame to every connection, and its decoding at every client) is paid once per batch instead of once per change,
/// which is what limits deliveries per second (docs/performance.md). The window is timed by the pacing clock
/// (<see cref="PacingKey"/>, real time by default), not the app's clock: it only paces the network.
/// </remarks>
public sealed class LiveBroadcaster(
    IHubContext<SessionHub, ISessionClient> hub,
    TimeProvider clock,
    IOptions<LiveOptions> options,
    [FromKeyedServices(LiveBroadcaster.PacingKey)] TimeProvider pacing,
    LiveMetrics metrics,
    ILogger<LiveBroadcaster> log
)
{
    /// <summary>The service key of the clock that times the broadcast window.</summary>
    public const string PacingKey = "live-pacing";

    private readonly ConcurrentDictionary<Guid, Outbox> _outboxes = new();
    private readonly TimeSpan _window = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.BroadcastWindowMs, 0, 1000));

    /// <summary>
    /// Completes once the change has been handed to every connection of its groups. The change is already committed:
    /// if sending fails (e.g. the Redis backplane is unreachable) the command still succeeds, and clients fetch the
    /// missing number when they notice the gap or reconnect.
    /// </summary>
    public Task PublishAsync(LiveStore.Committed done) => PublishAsync(done.Event!, done.CommittedAt);

    /// <param name="committedAt">When its transaction committed (<see cref="Stopwatch"/> ticks), for the broadcast
    /// latency; 0: now.</param>
    public Task PublishAsync(LiveEventRow row, long committedAt = 0)
    {
        var box = _outboxes.GetOrAdd(row.SessionId, _ => new Outbox());
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (committedAt == 0 && metrics.TimesBroadcasts)
            committedAt = Stopwatch.GetTimestamp();
        lock (box)
        {
            box.Waiting.Add((row, sent, committedAt));
            if (box.Sending)
                return sent.Task;
            box.Sending = true;
        }
        _ = PumpAsync(box);
        return sent.Task;
    }

    /// <summary>Whether a session's send loop is running (sending or in its window), and how many committed changes
    /// wait for it.</summary>
    public (bool Sending, int Waiting) State(Guid sessionId)
    {
        if (!_outboxes.TryGetValue(sessionId, out var box))
            return (false, 0);
        lock (box)
            return (box.Sending, box.Waiting.Count);
    }

    private async Task PumpAsync(Outbox box)
    {
        for (var first = true; ; first = false)
        {
            if (!first && _window > TimeSpan.Zero)
                await Task.Delay(_window, pacing);
            List<(LiveEventRow Row, TaskCompletionSource Sent, long CommittedAt)> batch;
            lock (box)
            {
                if (box.Waiting.Count == 0)
                {
                    box.Sending = false;
                    return;
                }
                (batch, box.Waiting) = (box.Waiting, []);
            }
            batch.Sort((a, b) => a.Row.Seq.CompareTo(b.Row.Seq));
            try
            {
                await SendAsync(batch.ConvertAll(b => b.Row));
                if (metrics.TimesBroadcasts)
                {
                    var sentAt = Stopwatch.GetTimestamp();
                    foreach (var b in batch)
                        metrics.Broadcast(b.CommittedAt, sentAt);
                }
            }
            catch (Exception e)
            {
                metrics.BroadcastFailed(batch.Count);
                log.LogWarning(
                    e,
                    "Broadcasting events {First}–{Last} of session {SessionId} failed; clients will catch up.",
                    batch[0].Row.Seq,
                    batch[^1].Row.Seq,
                    batch[0].Row.SessionId
                );
            }
            foreach (var (_, sent, _) in batch)
                sent.TrySetResult();
        }
    }

    private async Task SendAsync(List<LiveEventRow> rows)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = hub.Clients.Group(LiveGroups.Session(rows[0].SessionId));
        if (rows.Count == 1)
            await session.Event(LiveStore.ToDto(rows[0], null, now));
        else
            await session.Events(rows.ConvertAll(r => LiveStore.ToDto(r, null, now)));
        foreach (var row in rows.Where(r => r.AudienceUserId is not null))
            await hub
                .Clients.Group(LiveGroups.Person(row.SessionId, row.AudienceUserId!))
                .Event(LiveStore.ToDto(row, row.AudienceUserId, now));
    }

    private sealed class Outbox
    {
        public bool Sending;
        public List<(LiveEventRow Row, TaskCompletionSource Sent, long CommittedAt)> Waiting = [];
    }
}
