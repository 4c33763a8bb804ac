using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// What only a facilitator may do to a live document: moderate, shape prompts, silent rounds, locking, and closing
/// the session's feedback.
/// </summary>
public sealed class FacilitatorCommands(LiveStore store)
{
    public Task<LiveStore.Committed> ModerateAsync(LiveContext ctx, ModerateResponse c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                await RequireAsync(tx, ctx);
                if (c.Hidden is null && c.Pinned is null && c.MoveToSectionId is null)
                    throw new LiveRuleException(
                        "Choose what to do with the response: hide or show it, pin or unpin it, or move it."
                    );
                var r =
                    await tx.Db.LiveResponses.FirstOrDefaultAsync(x =>
                        x.Id == c.ResponseId && x.SessionId == ctx.SessionId && !x.Deleted
                    ) ?? throw new LiveRuleException("That response no longer exists.");
                // Moderation is broadcast to everyone, so it must not touch a silent round before its reveal.
                if (await AwaitingRevealAsync(tx, r.SectionId))
                    throw new LiveRuleException(
                        "That response is part of a silent round; reveal the round before moderating it."
                    );
                if (c.MoveToSectionId is Guid to)
                {
                    if (!await tx.Db.LiveSections.AnyAsync(s => s.Id == to && s.SessionId == ctx.SessionId))
                        throw new LiveRuleException("That prompt is not part of this session.");
                    if (await AwaitingRevealAsync(tx, to))
                        throw new LiveRuleException(
                            "Responses cannot be moved into a silent round before it is revealed."
                        );
                    r.SectionId = to;
                }
                r.Hidden = c.Hidden ?? r.Hidden;
                r.Pinned = c.Pinned ?? r.Pinned;
                r.UpdatedUtc = tx.Now;
                // Null when the author's account was deleted: the response stays, by "a former member".
                var name = await tx
                    .Db.Users.Where(u => u.Id == r.AuthorId)
                    .Select(u => (string?)u.DisplayName)
                    .FirstOrDefaultAsync();
                // A hidden response travels without its text; showing it again sends the text back.
                object data = r.Hidden
                    ? new
                    {
                        id = r.Id,
                        sectionId = r.SectionId,
                        hidden = true,
                        pinned = r.Pinned,
                    }
                    : LiveViews.Public(r, name);
                return new Change(EventTypes.ResponseModerated, data, r.Id);
            }
        );

    public Task<LiveStore.Committed> AddPromptAsync(LiveContext ctx, AddPrompt c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                await RequireAsync(tx, ctx);
                var prompt = (c.Prompt ?? "").Trim();
                if (prompt.Length is 0 or > 2000)
                    throw new LiveRuleException("A prompt needs 1 to 2,000 characters.");
                var sections = await tx
                    .Db.LiveSections.Where(s => s.SessionId == ctx.SessionId)
                    .OrderBy(s => s.Position)
                    .ToListAsync();
                var activity = sections.Where(s => s.ActivityIndex == c.ActivityIndex).ToList();
                if (activity.Count == 0)
                    throw new LiveRuleException("That agenda item does not exist.");
                var position = activity.Max(s => s.Position) + 1;
                foreach (var s in sections.Where(s => s.Position >= position))
                    s.Position++;
                var first = activity[0];
                var section = new LiveSection
                {
                    SessionId = ctx.SessionId,
                    Position = position,
                    ActivityIndex = c.ActivityIndex,
                    Kind = first.Kind,
                    Title = first.Title,
                    Prompt = prompt,
                    Minutes = first.Minutes,
                    Recordable = first.Recordable,
                    // A prompt added to a running silent round is silent too, so it is revealed with the rest.
                    Silent = activity.Any(s => s.AwaitingReveal),
                };
                tx.Db.LiveSections.Add(section);
                return new Change(EventTypes.SectionAdded, LiveViews.View(section), section.Id);
            }
        );

    public Task<LiveStore.Committed> MovePromptAsync(LiveContext ctx, MovePrompt c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                await RequireAsync(tx, ctx);
                var sections = await tx
                    .Db.LiveSections.Where(s => s.SessionId == ctx.SessionId)
                    .OrderBy(s => s.Position)
                    .ToListAsync();
                var moving =
                    sections.FirstOrDefault(s => s.Id == c.SectionId)
                    ?? throw new LiveRuleException("That prompt is not part of this session.");
                if (c.Position < 0 || c.Position >= sections.Count)
                    throw new LiveRuleException($"Pick a position from 0 to {sections.Count - 1}.");
                sections.Remove(moving);
                sections.Insert(c.Position, moving);
                for (var i = 0; i < sections.Count; i++)
                    sections[i].Position = i;
                return new Change(EventTypes.SectionMoved, new { order = sections.Select(s => s.Id) }, moving.Id);
            }
        );

    public Task<LiveStore.Committed> SetSilentAsync(LiveContext ctx, SetSilent c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                await RequireAsync(tx, ctx);
                var s = await SectionAsync(tx, ctx, c.SectionId);
                if (!c.Silent && s.AwaitingReveal)
                    throw new LiveRuleException(
                        "Reveal the silent round to end it; responses written in silence are shown all at once."
                    );
                if (c.Silent && await tx.Db.LiveResponses.AnyAsync(r => r.SectionId == s.Id && !r.Deleted))
                    throw new LiveRuleException(
                        "This prompt already has visible responses; add a new prompt for the silent round."
                    );
                s.Silent = c.Silent;
                s.RevealedUtc = null;
                return new Change(EventTypes.SectionSilent, LiveViews.View(s), s.Id);
            }
        );

    public Task<LiveStore.Committed> RevealAsync(LiveContext ctx, Reveal c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                await RequireAsync(tx, ctx);
                return await RevealCoreAsync(tx, await SectionAsync(tx, ctx, c.SectionId));
            }
        );

    /// <summary>
    /// The timer of a silent activity ran out (<see cref="SilentTimerWatcher"/>, on every instance): the key (section
    /// and timer end) makes the reveal happen once.
    /// </summary>
    public Task<LiveStore.Committed> RevealAtTimerEndAsync(Guid sessionId, Guid sectionId, DateTime endsUtc)
    {
        var system = new LiveContext(
            sessionId,
            Guid.Empty,
            "timer",
            "Timer",
            CohortRole.Facilitator,
            false,
            RecordingPolicy.NoRecording,
            ""
        );
        return store.CommitAsync(
            system,
            $"reveal:{sectionId:N}:{endsUtc.Ticks}",
            async tx => await RevealCoreAsync(tx, await tx.Db.LiveSections.SingleAsync(s => s.Id == sectionId))
        );
    }

    private static async Task<Change> RevealCoreAsync(LiveTx tx, LiveSection s)
    {
        if (!s.AwaitingReveal)
            throw new LiveRuleException("This prompt is not in a silent round.");
        s.RevealedUtc = tx.Now;
        var responses = await tx
            .Db.LiveResponses.Where(r => r.SectionId == s.Id && !r.Deleted && !r.Hidden)
            .OrderBy(r => r.CreatedUtc)
            .Select(r => new
            {
                R = r,
                Name = tx.Db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();
        var shown = responses.Select(x => LiveViews.Public(x.R, x.Name)).ToList();
        return new Change(EventTypes.SectionRevealed, new LiveViews.Revealed(LiveViews.View(s), shown), s.Id);
    }

    /// <summary>The one change a locked document takes: unlocking it (or locking it again).</summary>
    public Task<LiveStore.Committed> SetLockedAsync(LiveContext ctx, SetLocked c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                var doc = await RequireAsync(tx, ctx);
                doc.LockedUtc = c.Locked ? tx.Now : null;
                doc.TimerEndsUtc = c.Locked ? null : doc.TimerEndsUtc;
                return new Change(EventTypes.Locked, new { locked = c.Locked }, ctx.SessionId);
            },
            whileLocked: true
        );

    /// <summary>Feedback is not part of the document: it closes (or opens again) whatever the lock.</summary>
    public Task<LiveStore.Committed> SetFeedbackClosedAsync(LiveContext ctx, bool closed) =>
        store.CommitAsync(
            ctx,
            null,
            async tx =>
            {
                var doc = await RequireAsync(tx, ctx);
                if ((doc.FeedbackClosedUtc is not null) == closed)
                    throw new LiveRuleException(closed ? "Feedback is already closed." : "Feedback is already open.");
                doc.FeedbackClosedUtc = closed ? tx.Now : null;
                return new Change(FeatureEvents.FeedbackClosed, new { closed }, ctx.SessionId);
            },
            whileLocked: true
        );

    private static Task<bool> AwaitingRevealAsync(LiveTx tx, Guid sectionId) =>
        tx.Db.LiveSections.AwaitingReveal().AnyAsync(s => s.Id == sectionId);

    private static async Task<LiveSection> SectionAsync(LiveTx tx, LiveContext ctx, Guid id) =>
        await tx.Db.LiveSections.FirstOrDefaultAsync(s => s.Id == id && s.SessionId == ctx.SessionId)
        ?? throw new LiveRuleException("That prompt is not part of this session.");

    /// <summary>
    /// The caller is a facilitator; returns the document (LiveStore has already refused the change if it is locked).
    /// </summary>
    public static async Task<LiveDocument> RequireAsync(LiveTx tx, LiveContext ctx)
    {
        if (!ctx.IsFacilitator)
            throw new LiveRuleException("Only a facilitator of this cohort can do that.");
        return await tx.Db.LiveDocuments.SingleAsync(d => d.SessionId == ctx.SessionId);
    }
}
