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
public sealed class LiveStore(KindlingDb db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public KindlingDb Db => db;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record Committed(Ack Ack, LiveEventRow? Event);

    public async Task<Committed> CommitAsync(LiveContext ctx, string? clientKey, Func<Task<Change>> apply)
    {
        if (string.IsNullOrWhiteSpace(clientKey)) clientKey = null;
        if (clientKey is { Length: > 64 }) return new(Ack.Fail("The change key is too long; use at most 64 characters."), null);
        if (clientKey is not null && await PreviousAsync(ctx.SessionId, clientKey) is { } previous) return Replay(ctx, previous);
        var strategy = db.Database.CreateExecutionStrategy();
        using var queued = await LiveWriteGate.EnterAsync(db, ctx.SessionId);
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                var claimed = await db.LiveDocuments.Where(d => d.SessionId == ctx.SessionId)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Seq, d => d.Seq + 1));
                if (claimed == 0) return new Committed(Ack.Fail("This session's document is not open yet."), null);
                var seq = await db.LiveDocuments.Where(d => d.SessionId == ctx.SessionId).Select(d => d.Seq).SingleAsync();
                var change = await apply();
                var row = new LiveEventRow
                {
                    SessionId = ctx.SessionId, Seq = seq, Type = change.Type, Payload = JsonSerializer.Serialize(change.Data, Json),
                    AudienceUserId = change.OnlyUserId, ActorId = ctx.UserId, ClientKey = clientKey, EntityId = change.EntityId, AtUtc = Now,
                };
                db.LiveEvents.Add(row);
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                return new Committed(new Ack(true, seq, change.EntityId, null), row);
            });
        }
        catch (LiveRuleException e)
        {
            db.ChangeTracker.Clear();
            return new(Ack.Fail(e.Message), null);
        }
        catch (DbUpdateException) when (clientKey is not null)
        {
            // The same change raced itself (a retry while the first was committing): answer with the first.
            db.ChangeTracker.Clear();
            var first = await PreviousAsync(ctx.SessionId, clientKey);
            return first is null ? new(Ack.Fail("The change could not be saved; try again."), null) : Replay(ctx, first);
        }
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
