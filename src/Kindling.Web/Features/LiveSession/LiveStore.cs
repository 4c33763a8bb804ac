using System.Text.Json;
using Kindling.Data;
using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;
using LiveEventRow = Kindling.Domain.LiveEvent;
using LiveEventDto = Kindling.LiveClient.LiveEvent;

namespace Kindling.Web.Features.LiveSession;

/// <summary>What a change produced: stored, numbered, and who may see it.</summary>
public sealed record Change(string Type, object Data, Guid? EntityId = null, string? OnlyUserId = null);

/// <summary>
/// The write path of a live session: check the retry key, take the next sequence number, apply the change and store
/// its event in one transaction; only after the commit is the change acknowledged and broadcast.
/// </summary>
/// <remarks>
/// This is also the one gate for the document lock: while a facilitator has locked the document, every change is
/// refused here (responses, roll call, questions, votes, answers, breakouts, facilitator tools), unless its command says
/// it is not part of the document (unlocking itself, closing feedback). The check and the write share one transaction.
/// Changes that arrive while another transaction is running are committed together (<see cref="LiveWriteGate"/>): one
/// transaction, one durable commit, each change inside its own savepoint so a refused change leaves no trace and the
/// sequence stays gap-free. A change's code reads and writes through <see cref="Db"/>, which during a group commit is
/// the leading caller's context (the one holding the transaction), whichever caller's store the code was written against.
/// </remarks>
public sealed class LiveStore(KindlingDb db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly AsyncLocal<KindlingDb?> Writing = new();
    private const string Savepoint = "live_change";

    /// <summary>The context to use: inside a change being committed, the transaction's; otherwise this scope's.</summary>
    public KindlingDb Db => Writing.Value ?? db;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record Committed(Ack Ack, LiveEventRow? Event);

    /// <summary>The answer to any change of a locked document.</summary>
    public const string LockedMessage = "The facilitator has locked this document, so it is read-only now; a facilitator can unlock it.";

    private sealed class Queued(LiveContext ctx, string? clientKey, Func<Task<Change>> apply, KindlingDb own, bool whileLocked) : LiveWriteGate.Entry
    {
        public bool WhileLocked { get; } = whileLocked;
        public LiveContext Ctx { get; } = ctx;
        public string? ClientKey { get; } = clientKey;
        public Func<Task<Change>> Apply { get; } = apply;
        public KindlingDb Own { get; } = own;
    }

    /// <summary>Raised by a change inside a group commit when its key was taken meanwhile: answered from the first commit afterwards.</summary>
    private static readonly Committed KeyTaken = new(Ack.Fail("key taken"), null);

    /// <param name="whileLocked">Only for changes that are not part of the document (unlocking it, closing feedback): run even while it is locked.</param>
    public async Task<Committed> CommitAsync(LiveContext ctx, string? clientKey, Func<Task<Change>> apply, bool whileLocked = false)
    {
        if (string.IsNullOrWhiteSpace(clientKey)) clientKey = null;
        if (clientKey is { Length: > 64 }) return new(Ack.Fail("The change key is too long; use at most 64 characters."), null);
        if (clientKey is not null && await PreviousAsync(ctx.SessionId, clientKey) is { } previous) return Replay(ctx, previous);
        var done = await LiveWriteGate.CommitAsync(db, ctx.SessionId, new Queued(ctx, clientKey, apply, db, whileLocked), CommitBatchAsync);
        if (!ReferenceEquals(done, KeyTaken)) return done;
        // The same change raced itself (a retry while the first was committing): answer with the first.
        db.ChangeTracker.Clear();
        var first = await PreviousAsync(ctx.SessionId, clientKey!);
        return first is null ? new(Ack.Fail("The change could not be saved; try again."), null) : Replay(ctx, first);
    }

    /// <summary>One transaction for the batch, on this (the leading caller's) context; settles every entry.</summary>
    private async Task CommitBatchAsync(IReadOnlyList<Queued> batch)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var results = new Committed?[batch.Count];
        var errors = new Exception?[batch.Count];
        await strategy.ExecuteAsync(async () =>
        {
            Array.Clear(results);
            Array.Clear(errors);
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync();
            var alone = batch.Count == 1; // alone, a failure rolls the whole transaction back instead of a savepoint
            for (var i = 0; i < batch.Count; i++)
            {
                if (!alone) await tx.CreateSavepointAsync(Savepoint);
                try { results[i] = await ApplyAsync(batch[i]); }
                catch (Exception e) when (alone || e is not OperationCanceledException)
                {
                    if (!alone) await tx.RollbackToSavepointAsync(Savepoint);
                    results[i] = e switch
                    {
                        LiveRuleException rule => new Committed(Ack.Fail(rule.Message), null),
                        DbUpdateException when batch[i].ClientKey is not null => KeyTaken,
                        _ => null,
                    };
                    if (results[i] is null) errors[i] = e;
                }
                finally
                {
                    db.ChangeTracker.Clear();
                    if (!ReferenceEquals(batch[i].Own, db)) batch[i].Own.ChangeTracker.Clear();
                }
            }
            if (results.Any(r => r?.Event is not null)) await tx.CommitAsync();
            else await tx.RollbackAsync();
        });
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } e) batch[i].Failed(e);
            else batch[i].Done(results[i]!);
        }
    }

    /// <summary>Claims the session's next sequence number, applies the change through this transaction's context and stores its event.</summary>
    private async Task<Committed> ApplyAsync(Queued q)
    {
        Writing.Value = db;
        var document = db.LiveDocuments.Where(d => d.SessionId == q.Ctx.SessionId);
        var claimed = await (q.WhileLocked ? document : document.Where(d => d.LockedUtc == null))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Seq, d => d.Seq + 1));
        if (claimed == 0)
            return new Committed(Ack.Fail(await document.AnyAsync() ? LockedMessage : "This session's document is not open yet."), null);
        var seq = await db.LiveDocuments.Where(d => d.SessionId == q.Ctx.SessionId).Select(d => d.Seq).SingleAsync();
        var change = await q.Apply();
        if (!ReferenceEquals(q.Own, db) && q.Own.ChangeTracker.HasChanges())
            throw new InvalidOperationException("A live change must write through LiveStore.Db; this one changed its own context, which a group commit does not save.");
        var row = new LiveEventRow
        {
            SessionId = q.Ctx.SessionId, Seq = seq, Type = change.Type, Payload = JsonSerializer.Serialize(change.Data, Json),
            AudienceUserId = change.OnlyUserId, ActorId = q.Ctx.UserId, ClientKey = q.ClientKey, EntityId = change.EntityId, AtUtc = Now,
        };
        db.LiveEvents.Add(row);
        await db.SaveChangesAsync();
        return new Committed(new Ack(true, seq, change.EntityId, null), row);
    }

    /// <summary>A retry answers with the first commit, but only to the person who made it: a key is not a way to read others' changes.</summary>
    private static Committed Replay(LiveContext ctx, LiveEventRow previous) =>
        previous.ActorId == ctx.UserId
            ? new(new Ack(true, previous.Seq, previous.EntityId, null), null)
            : new(Ack.Fail("That change key was already used; send the change again with a new key."), null);

    private Task<LiveEventRow?> PreviousAsync(Guid sessionId, string clientKey) =>
        db.LiveEvents.AsNoTracking().FirstOrDefaultAsync(e => e.SessionId == sessionId && e.ClientKey == clientKey);

    /// <summary>The event as a given reader receives it: a change meant for one person reaches everyone else as a bare placeholder.</summary>
    public static LiveEventDto ToDto(LiveEventRow row, string? readerId, DateTime now) =>
        row.AudienceUserId is not null && row.AudienceUserId != readerId
            ? new LiveEventDto(row.Seq, EventTypes.Private, JsonSerializer.SerializeToElement(new { }), now)
            : new LiveEventDto(row.Seq, row.Type, JsonDocument.Parse(row.Payload).RootElement.Clone(), now);
}

/// <summary>A rule of the live session was broken; the message is shown to the person.</summary>
public sealed class LiveRuleException(string message) : Exception(message);
