using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>What only a facilitator may do to a live document: moderate, shape prompts, silent rounds and locking.</summary>
public sealed class FacilitatorCommands(LiveStore store)
{
    public Task<LiveStore.Committed> ModerateAsync(LiveContext ctx, ModerateResponse c) => store.CommitAsync(ctx, c.ClientKey, async () =>
    {
        await RequireAsync(ctx);
        if (c.Hidden is null && c.Pinned is null && c.MoveToSectionId is null)
            throw new LiveRuleException("Choose what to do with the response: hide or show it, pin or unpin it, or move it.");
        var r = await store.Db.LiveResponses.FirstOrDefaultAsync(x => x.Id == c.ResponseId && x.SessionId == ctx.SessionId && !x.Deleted)
            ?? throw new LiveRuleException("That response no longer exists.");
        // Moderation is broadcast to everyone, so it must not touch a silent round before its reveal.
        if (await SilentUnrevealedAsync(r.SectionId))
            throw new LiveRuleException("That response is part of a silent round; reveal the round before moderating it.");
        if (c.MoveToSectionId is Guid to)
        {
            if (!await store.Db.LiveSections.AnyAsync(s => s.Id == to && s.SessionId == ctx.SessionId))
                throw new LiveRuleException("That prompt is not part of this session.");
            if (await SilentUnrevealedAsync(to))
                throw new LiveRuleException("Responses cannot be moved into a silent round before it is revealed.");
            r.SectionId = to;
        }
        r.Hidden = c.Hidden ?? r.Hidden;
        r.Pinned = c.Pinned ?? r.Pinned;
        r.UpdatedUtc = store.Now;
        var name = await store.Db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).SingleAsync();
        // A hidden response travels without its text; showing it again sends the text back.
        object data = r.Hidden ? new { id = r.Id, sectionId = r.SectionId, hidden = true, pinned = r.Pinned } : LiveViews.Public(r, name);
        return new Change(EventTypes.ResponseModerated, data, r.Id);
    });

    public Task<LiveStore.Committed> AddPromptAsync(LiveContext ctx, AddPrompt c) => store.CommitAsync(ctx, c.ClientKey, async () =>
    {
        await RequireAsync(ctx);
        var prompt = (c.Prompt ?? "").Trim();
        if (prompt.Length is 0 or > 2000) throw new LiveRuleException("A prompt needs 1 to 2,000 characters.");
        var sections = await store.Db.LiveSections.Where(s => s.SessionId == ctx.SessionId).OrderBy(s => s.Position).ToListAsync();
        var activity = sections.Where(s => s.ActivityIndex == c.ActivityIndex).ToList();
        if (activity.Count == 0) throw new LiveRuleException("That agenda item does not exist.");
        var position = activity.Max(s => s.Position) + 1;
        foreach (var s in sections.Where(s => s.Position >= position)) s.Position++;
        var first = activity[0];
        var section = new LiveSection
        {
            SessionId = ctx.SessionId, Position = position, ActivityIndex = c.ActivityIndex, Kind = first.Kind,
            Title = first.Title, Prompt = prompt, Minutes = first.Minutes, Recordable = first.Recordable,
            // A prompt added to a running silent round is silent too, so it is revealed with the rest.
            Silent = activity.Any(s => s.Silent && s.RevealedUtc is null),
        };
        store.Db.LiveSections.Add(section);
        return new Change(EventTypes.SectionAdded, LiveViews.View(section), section.Id);
    });

    public Task<LiveStore.Committed> MovePromptAsync(LiveContext ctx, MovePrompt c) => store.CommitAsync(ctx, c.ClientKey, async () =>
    {
        await RequireAsync(ctx);
        var sections = await store.Db.LiveSections.Where(s => s.SessionId == ctx.SessionId).OrderBy(s => s.Position).ToListAsync();
        var moving = sections.FirstOrDefault(s => s.Id == c.SectionId) ?? throw new LiveRuleException("That prompt is not part of this session.");
        if (c.Position < 0 || c.Position >= sections.Count) throw new LiveRuleException($"Pick a position from 0 to {sections.Count - 1}.");
        sections.Remove(moving);
        sections.Insert(c.Position, moving);
        for (var i = 0; i < sections.Count; i++) sections[i].Position = i;
        return new Change(EventTypes.SectionMoved, new { order = sections.Select(s => s.Id) }, moving.Id);
    });

    public Task<LiveStore.Committed> SetSilentAsync(LiveContext ctx, SetSilent c) => store.CommitAsync(ctx, c.ClientKey, async () =>
    {
        await RequireAsync(ctx);
        var s = await SectionAsync(ctx, c.SectionId);
        if (!c.Silent && s.Silent && s.RevealedUtc is null)
            throw new LiveRuleException("Reveal the silent round to end it; responses written in silence are shown all at once.");
        if (c.Silent && await store.Db.LiveResponses.AnyAsync(r => r.SectionId == s.Id && !r.Deleted))
            throw new LiveRuleException("This prompt already has visible responses; add a new prompt for the silent round.");
        s.Silent = c.Silent;
        s.RevealedUtc = null;
        return new Change(EventTypes.SectionSilent, LiveViews.View(s), s.Id);
    });

    public Task<LiveStore.Committed> RevealAsync(LiveContext ctx, Reveal c) => store.CommitAsync(ctx, c.ClientKey, async () =>
    {
        await RequireAsync(ctx);
        var s = await SectionAsync(ctx, c.SectionId);
        return await RevealCore(s);
    });

    /// <summary>Also used when the timer of a silent activity runs out.</summary>
    public async Task<Change> RevealCore(LiveSection s)
    {
        if (!s.Silent || s.RevealedUtc is not null) throw new LiveRuleException("This prompt is not in a silent round.");
        s.RevealedUtc = store.Now;
        var responses = await store.Db.LiveResponses.Where(r => r.SectionId == s.Id && !r.Deleted && !r.Hidden).OrderBy(r => r.CreatedUtc)
            .Select(r => new { R = r, Name = store.Db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).First() }).ToListAsync();
        return new Change(EventTypes.SectionRevealed,
            new LiveViews.Revealed(LiveViews.View(s), responses.Select(x => LiveViews.Public(x.R, x.Name ?? "")).ToList()), s.Id);
    }

    /// <summary>The one change a locked document takes: unlocking it (or locking it again).</summary>
    public Task<LiveStore.Committed> SetLockedAsync(LiveContext ctx, SetLocked c) => store.CommitAsync(ctx, c.ClientKey, async () =>
    {
        var doc = await RequireAsync(ctx);
        doc.LockedUtc = c.Locked ? store.Now : null;
        doc.TimerEndsUtc = c.Locked ? null : doc.TimerEndsUtc;
        return new Change(EventTypes.Locked, new { locked = c.Locked }, ctx.SessionId);
    }, whileLocked: true);

    private Task<bool> SilentUnrevealedAsync(Guid sectionId) =>
        store.Db.LiveSections.AnyAsync(s => s.Id == sectionId && s.Silent && s.RevealedUtc == null);

    private async Task<LiveSection> SectionAsync(LiveContext ctx, Guid id) =>
        await store.Db.LiveSections.FirstOrDefaultAsync(s => s.Id == id && s.SessionId == ctx.SessionId)
        ?? throw new LiveRuleException("That prompt is not part of this session.");

    /// <summary>The caller is a facilitator; returns the document (LiveStore has already refused the change if it is locked).</summary>
    public async Task<LiveDocument> RequireAsync(LiveContext ctx)
    {
        if (!ctx.IsFacilitator) throw new LiveRuleException("Only a facilitator of this cohort can do that.");
        return await store.Db.LiveDocuments.SingleAsync(d => d.SessionId == ctx.SessionId);
    }
}
