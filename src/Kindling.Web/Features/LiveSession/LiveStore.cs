using System.Diagnostics;
using System.Text.Json;
using Kindling.Data;
using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;
using LiveEventDto = Kindling.LiveClient.LiveEvent;
using LiveEventRow = Kindling.Domain.LiveEvent;

namespace Kindling.Web.Features.LiveSession;

/// <summary>What a change produced: stored, numbered, and who may see it.</summary>
public sealed record Change(string Type, object Data, Guid? EntityId = null, string? OnlyUserId = null);

/// <summary>
/// The transaction a live change runs in, handed to the change by <see cref="LiveStore.CommitAsync"/>: the change reads
/// and writes through <see cref="Db"/> and nothing else. During a group commit that is the leading caller's context
/// (the one holding the transaction), whichever request the change came from.
/// </summary>
public sealed class LiveTx(KindlingDb db, TimeProvider clock)
{
    public KindlingDb Db { get; } = db;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>
/// The write path of a live session: check the retry key, take the next sequence number, apply the change and store
/// its event in one transaction; only after the commit is the change acknowledged and broadcast.
/// </summary>
/// <remarks>
/// This is also the one gate for the document lock: while a facilitator has locked the document, every change is
/// refused here (responses, roll call, questions, votes, answers, breakouts, facilitator tools), unless its command
/// says it is not part of the document (unlocking itself, closing feedback). The check and the write share one
/// transaction. Changes that arrive while another transaction is running are committed together
/// (<see cref="LiveWriteGate"/>): one transaction, one durable commit, each change inside its own savepoint so a
/// refused change leaves no trace and the sequence stays gap-free. A change gets that transaction as a
/// <see cref="LiveTx"/>; this class exposes no context of its own (docs/live-write-path.md).
/// </remarks>
public sealed class LiveStore(KindlingDb db, LiveWriteGate gate, TimeProvider clock, LiveMetrics metrics)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string Savepoint = "live_change";

    public sealed record Committed(Ack Ack, LiveEventRow? Event)
    {
        /// <summary>When the transaction that stored <see cref="Event"/> committed (<see cref="Stopwatch"/>
        /// ticks; 0 when unknown): the broadcast latency is measured from here.</summary>
        public long CommittedAt { get; internal set; }
    }

    /// <summary>The answer to any change of a locked document.</summary>
    public const string LockedMessage =
        "The facilitator has locked this document, so it is read-only now; a facilitator can unlock it.";

    private sealed class Queued(LiveContext ctx, string? clientKey, Func<LiveTx, Task<Change>> apply, bool whileLocked)
        : LiveWriteGate.Entry
    {
        public bool WhileLocked { get; } = whileLocked;
        public LiveContext Ctx { get; } = ctx;
        public string? ClientKey { get; } = clientKey;
        public Func<LiveTx, Task<Change>> Apply { get; } = apply;
    }

    /// <summary>
    /// Raised by a change inside a group commit when its key was taken meanwhile: answered from the first commit
    /// afterwards.
    /// </summary>
    private static readonly Committed KeyTaken = new(Ack.Fail("key taken"), null);

    /// <param name="apply">The change: reads and writes through the <see cref="LiveTx"/> it is given.</param>
    /// <param name="whileLocked">
    /// Only for changes that are not part of the document (unlocking it, closing feedback): they run even while it is
    /// locked.
    /// </param>
    public async Task<Committed> CommitAsync(
        LiveContext ctx,
        string? clientKey,
        Func<LiveTx, Task<Change>> apply,
        bool whileLocked = false
    )
    {
        if (string.IsNullOrWhiteSpace(clientKey))
            clientKey = null;
        if (clientKey is { Length: > 64 })
            return new(Ack.Fail("The change key is too long; use at most 64 characters."), null);
        if (clientKey is not null && await PreviousAsync(ctx.SessionId, clientKey) is { } previous)
            return Replay(ctx, previous);
        var lane = LiveWriteGate.LaneOf(ctx.SessionId, singleWriter: db.Database.IsSqlite());
        var done = await gate.CommitAsync(lane, new Queued(ctx, clientKey, apply, whileLocked), CommitBatchAsync);
        if (!ReferenceEquals(done, KeyTaken))
            return done;
        // The same change raced itself (a retry while the first was committing): answer with the first.
        db.ChangeTracker.Clear();
        var first = await PreviousAsync(ctx.SessionId, clientKey!);
        return first is null ? new(Ack.Fail("The change could not be saved; try again."), null) : Replay(ctx, first);
    }

    /// <summary>One transaction for the batch, on this (the leading caller's) context; settles every entry.</summary>
    private async Task CommitBatchAsync(IReadOnlyList<Queued> batch)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var live = new LiveTx(db, clock);
        var results = new Committed?[batch.Count];
        var errors = new Exception?[batch.Count];
        var started = Stopwatch.GetTimestamp();
        await strategy.ExecuteAsync(async () =>
        {
            Array.Clear(results);
            Array.Clear(errors);
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync();
            var alone = batch.Count == 1; // alone, a failure rolls the whole transaction back instead of a savepoint
            for (var i = 0; i < batch.Count; i++)
            {
                if (!alone)
                    await tx.CreateSavepointAsync(Savepoint);
                try
                {
                    results[i] = await ApplyAsync(live, batch[i]);
                }
                catch (Exception e) when (alone || e is not OperationCanceledException)
                {
                    if (!alone)
                        await tx.RollbackToSavepointAsync(Savepoint);
                    results[i] = e switch
                    {
                        LiveRuleException rule => new Committed(Ack.Fail(rule.Message), null),
                        DbUpdateException when batch[i].ClientKey is not null => KeyTaken,
                        _ => null,
                    };
                    if (results[i] is null)
                        errors[i] = e;
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            if (results.Any(r => r?.Event is not null))
                await tx.CommitAsync();
            else
                await tx.RollbackAsync();
        });
        var committedAt = Stopwatch.GetTimestamp();
        var stored = 0;
        foreach (var r in results)
            if (r?.Event is not null)
            {
                r.CommittedAt = committedAt;
                stored++;
            }
        metrics.Committed(batch.Count, stored, started, committedAt);
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } e)
                batch[i].Failed(e);
            else
                batch[i].Done(results[i]!);
        }
    }

    /// <summary>
    /// Claims the session's next sequence number (refused while the document is locked), applies the change in this
    /// transaction and stores its event.
    /// </summary>
    private static async Task<Committed> ApplyAsync(LiveTx live, Queued q)
    {
        var db = live.Db;
        var document = db.LiveDocuments.Where(d => d.SessionId == q.Ctx.SessionId);
        var claimed = await (q.WhileLocked ? document : document.Where(d => d.LockedUtc == null)).ExecuteUpdateAsync(
            s => s.SetProperty(d => d.Seq, d => d.Seq + 1)
        );
        if (claimed == 0)
            return new Committed(
                Ack.Fail(await document.AnyAsync() ? LockedMessage : "This session's document is not open yet."),
                null
            );
        var seq = await document.Select(d => d.Seq).SingleAsync();
        var change = await q.Apply(live);
        var row = new LiveEventRow
        {
            SessionId = q.Ctx.SessionId,
            Seq = seq,
            Type = change.Type,
            AudienceUserId = change.OnlyUserId,
            Payload = JsonSerializer.Serialize(change.Data, Json),
            ActorId = q.Ctx.UserId,
            ClientKey = q.ClientKey,
            EntityId = change.EntityId,
            AtUtc = live.Now,
        };
        db.LiveEvents.Add(row);
        await db.SaveChangesAsync();
        return new Committed(new Ack(true, seq, change.EntityId, null), row);
    }

    /// <summary>A retry answers with the first commit, but only to the person who made it: a key is not a way to read
    /// others' changes.</summary>
    private static Committed Replay(LiveContext ctx, LiveEventRow previous) =>
        previous.ActorId == ctx.UserId
            ? new(new Ack(true, previous.Seq, previous.EntityId, null), null)
            : new(Ack.Fail("That change key was already used; send the change again with a new key."), null);

    private Task<LiveEventRow?> PreviousAsync(Guid sessionId, string clientKey) =>
        db.LiveEvents.AsNoTracking().FirstOrDefaultAsync(e => e.SessionId == sessionId && e.ClientKey == clientKey);

    /// <summary>The event as a given reader receives it: a change meant for one person reaches everyone else as a bare
    /// placeholder.</summary>
    public static LiveEventDto ToDto(LiveEventRow row, string? readerId, DateTime now) =>
        row.AudienceUserId is not null && row.AudienceUserId != readerId
            ? new LiveEventDto(row.Seq, EventTypes.Private, JsonSerializer.SerializeToElement(new { }), now)
            : new LiveEventDto(row.Seq, row.Type, JsonDocument.Parse(row.Payload).RootElement.Clone(), now);
}

/// <summary>A rule of the live session was broken; the message is shown to the person.</summary>
public sealed class LiveRuleException(string message) : Exception(message);
