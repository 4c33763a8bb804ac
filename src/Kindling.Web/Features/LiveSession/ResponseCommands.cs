using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Members writing in the document: add, edit and delete their own responses, and the one-click roll
/// call.</summary>
public sealed class ResponseCommands(LiveStore store)
{
    public const int MaxText = 4000;

    public Task<LiveStore.Committed> AddAsync(LiveContext ctx, AddResponse c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                var (doc, section) = await WritableSectionAsync(tx, ctx, c.SectionId);
                var text = ShareSlot.Check(section, CleanText(c.Text));
                if (c.Anonymous && !doc.AllowAnonymous)
                    throw new LiveRuleException("Anonymous responses are turned off in this session.");
                var now = tx.Now;
                var r = new LiveResponse
                {
                    SessionId = ctx.SessionId,
                    SectionId = section.Id,
                    AuthorId = ctx.UserId,
                    Anonymous = c.Anonymous,
                    Text = text,
                    CreatedUtc = now,
                    UpdatedUtc = now,
                };
                if (section.Kind == RollCallKind)
                    await AttendanceRecorder.RollCallAsync(tx.Db, ctx.SessionId, ctx.UserId, now);
                return Added(tx, ctx, section, r);
            }
        );

    /// <summary>Stores a new response and says who sees it: everyone, or its author alone in a silent round.</summary>
    private static Change Added(LiveTx tx, LiveContext ctx, LiveSection section, LiveResponse r)
    {
        tx.Db.LiveResponses.Add(r);
        return new Change(EventTypes.ResponseAdded, LiveViews.Public(r, ctx.UserName), r.Id, PrivateTo(section, ctx));
    }

    /// <summary>A roll-call entry from someone with no roll-call profile who gave no answer.</summary>
    public const string HereAlone = "Here";

    /// <summary>The section kind of the roll call: answering there, by the button or in writing, records
    /// attendance.</summary>
    private const string RollCallKind = "roll-call";

    public Task<LiveStore.Committed> RollCallAsync(LiveContext ctx, RollCall c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                var section =
                    await tx
                        .Db.LiveSections.Where(s => s.SessionId == ctx.SessionId && s.Kind == RollCallKind)
                        .OrderBy(s => s.Position)
                        .FirstOrDefaultAsync()
                    ?? throw new LiveRuleException("This session has no roll call.");
                await WritableSectionAsync(tx, ctx, section.Id);
                var u = await tx.Db.Users.Where(x => x.Id == ctx.UserId).SingleAsync();
                // The author's name heads every response already, so the entry carries the rest of the roll-call
                // profile.
                var parts = new[] { u.Pronouns, u.Title, u.Organisation, u.SocialHandles, u.Feeling, c.Answer }
                    .Select(p => p?.Trim())
                    .Where(p => !string.IsNullOrEmpty(p))
                    .DefaultIfEmpty(HereAlone);
                var now = tx.Now;
                var r = new LiveResponse
                {
                    SessionId = ctx.SessionId,
                    SectionId = section.Id,
                    AuthorId = ctx.UserId,
                    Text = CleanText(string.Join(" · ", parts)),
                    CreatedUtc = now,
                    UpdatedUtc = now,
                };
                await AttendanceRecorder.RollCallAsync(tx.Db, ctx.SessionId, ctx.UserId, now);
                return Added(tx, ctx, section, r);
            }
        );

    public Task<LiveStore.Committed> EditAsync(LiveContext ctx, EditResponse c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                var r = await OwnAsync(tx, ctx, c.ResponseId);
                var (_, section) = await WritableSectionAsync(tx, ctx, r.SectionId);
                r.Text = ShareSlot.Check(section, CleanText(c.Text));
                r.UpdatedUtc = tx.Now;
                // A hidden response stays hidden from peers when its author edits it: the new text goes to the author
                // alone.
                var only = r.Hidden ? ctx.UserId : PrivateTo(section, ctx);
                return new Change(EventTypes.ResponseUpdated, LiveViews.Public(r, ctx.UserName), r.Id, only);
            }
        );

    public Task<LiveStore.Committed> DeleteAsync(LiveContext ctx, DeleteResponse c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                var r = await OwnAsync(tx, ctx, c.ResponseId);
                var (_, section) = await WritableSectionAsync(tx, ctx, r.SectionId);
                r.Deleted = true;
                r.UpdatedUtc = tx.Now;
                var data = new { id = r.Id, sectionId = r.SectionId };
                return new Change(EventTypes.ResponseDeleted, data, r.Id, PrivateTo(section, ctx));
            }
        );

    /// <summary>Until a silent prompt is revealed, a change to it is seen by its author alone.</summary>
    private static string? PrivateTo(LiveSection s, LiveContext ctx) => s.AwaitingReveal ? ctx.UserId : null;

    private static async Task<LiveResponse> OwnAsync(LiveTx tx, LiveContext ctx, Guid id)
    {
        var r =
            await tx.Db.LiveResponses.FirstOrDefaultAsync(x => x.Id == id && x.SessionId == ctx.SessionId && !x.Deleted)
            ?? throw new LiveRuleException("That response no longer exists.");
        if (r.AuthorId != ctx.UserId)
            throw new LiveRuleException("You can only change your own responses.");
        return r;
    }

    private static async Task<(LiveDocument, LiveSection)> WritableSectionAsync(
        LiveTx tx,
        LiveContext ctx,
        Guid sectionId
    )
    {
        if (!ctx.CanWrite)
            throw new LiveRuleException("Observers can read the document but not write in it.");
        // The lock is checked by LiveStore.
        var doc = await tx.Db.LiveDocuments.AsNoTracking().SingleAsync(d => d.SessionId == ctx.SessionId);
        var section =
            await tx
                .Db.LiveSections.AsNoTracking()
                .FirstOrDefaultAsync(s => s.Id == sectionId && s.SessionId == ctx.SessionId)
            ?? throw new LiveRuleException("That prompt is not part of this session.");
        await BreakoutViews.CheckWriteAsync(tx.Db, ctx, section);
        return (doc, section);
    }

    public static string CleanText(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
            throw new LiveRuleException("Write something before sending.");
        if (t.Length > MaxText)
            throw new LiveRuleException(
                $"A response can be at most {MaxText:N0} characters; this one has {t.Length:N0}."
            );
        return t;
    }
}
