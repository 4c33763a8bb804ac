using Kindling.Data;
using Kindling.Domain;
using Kindling.LiveClient;
using Kindling.Web.Features.LiveSession;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.FollowUp;

/// <summary>
/// Ends a session, by a facilitator's hand (the wrap-up page) or by itself (<see cref="AutoEnder"/>): locks the live
/// document through the live write path (so everyone in the room sees it locked at once), records the end, publishes
/// the notes and stores the default draft of the "after the session" message. Ending an ended session changes
/// nothing; with two instances ending at once, the session's row lock lets one of them end it.
/// </summary>
public sealed class SessionEnder(
    KindlingDb db,
    FacilitatorCommands facilitator,
    LiveBroadcaster broadcaster,
    WrapUpDrafts drafts,
    ICohortEvents events,
    TimeProvider clock
)
{
    /// <summary>The lock's change key: however many times a session is ended, its document is locked once.</summary>
    public const string LockKey = "session-ended";

    /// <summary>Who locks the document when a session ends by itself.</summary>
    public const string AutomaticActor = "auto-end";

    /// <param name="byUserId">The facilitator ending it; null when it ends automatically.</param>
    /// <param name="alongside">Rows to write in the same save as the end (e.g. the facilitators' notice): they are
    /// written only by the call that ends it.</param>
    /// <returns>The wrap-up, and whether this call ended the session (false: it had ended before).</returns>
    public async Task<(SessionWrapUp WrapUp, bool Ended)> EndAsync(
        Guid sessionId,
        string? byUserId,
        Func<SessionWrapUp, Task>? alongside = null,
        CancellationToken ct = default
    )
    {
        if (await FindAsync(sessionId, ct) is { } before)
            return (before, false);
        await LockAsync(sessionId, byUserId);
        db.ChangeTracker.Clear();
        var draft = await drafts.DefaultAsync(sessionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var wrapUp = new SessionWrapUp
        {
            SessionId = sessionId,
            EndedUtc = now,
            EndedById = byUserId,
            NotesPublishedUtc = now,
            MessageSubject = draft.Subject,
            MessageMarkdown = draft.Markdown,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The session's row lock: an instance ending it at the same moment waits here, then finds it ended.
        await db
            .Sessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(x => x.SetProperty(s => s.UpdatedUtc, s => s.UpdatedUtc), ct);
        if (await FindAsync(sessionId, ct) is { } meanwhile)
            return (meanwhile, false);
        db.SessionWrapUps.Add(wrapUp);
        await AnnounceAsync(wrapUp, ct);
        if (alongside is not null)
            await alongside(wrapUp);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (wrapUp, true);
    }

    /// <summary>The cohort's webhooks hear of it in the same save (<see cref="ICohortEvents"/>).</summary>
    private async Task AnnounceAsync(SessionWrapUp wrapUp, CancellationToken ct)
    {
        var s = await db
            .Sessions.Where(x => x.Id == wrapUp.SessionId)
            .Select(x => new
            {
                x.CohortId,
                x.Lesson!.Title,
                x.StartsUtc,
            })
            .SingleAsync(ct);
        var data = new
        {
            session = EventSession.Of(events, s.CohortId, wrapUp.SessionId, s.Title, s.StartsUtc),
            endedUtc = wrapUp.EndedUtc,
            endedAutomatically = wrapUp.EndedById is null,
        };
        await events.AddAsync(db, s.CohortId, CohortEventNames.SessionEnded, data, ct);
    }

    private Task<SessionWrapUp?> FindAsync(Guid sessionId, CancellationToken ct) =>
        db.SessionWrapUps.AsNoTracking().FirstOrDefaultAsync(w => w.SessionId == sessionId, ct);

    /// <summary>Locks the live document, if it was ever opened and is not locked already.</summary>
    private async Task LockAsync(Guid sessionId, string? byUserId)
    {
        var open = await db
            .LiveDocuments.Where(d => d.SessionId == sessionId)
            .Select(d => new { d.LockedUtc })
            .FirstOrDefaultAsync();
        if (open is null || open.LockedUtc is not null)
            return;
        var ctx =
            (byUserId is null ? null : await LiveContext.LoadAsync(db, sessionId, byUserId)) ?? Automatic(sessionId);
        var done = await facilitator.SetLockedAsync(ctx, new SetLocked(sessionId, true, LockKey));
        if (done.Event is not null)
            await broadcaster.PublishAsync(done);
    }

    private static LiveContext Automatic(Guid sessionId) =>
        new(
            sessionId,
            Guid.Empty,
            AutomaticActor,
            "Kindling",
            CohortRole.Facilitator,
            false,
            RecordingPolicy.NoRecording,
            ""
        );
}
