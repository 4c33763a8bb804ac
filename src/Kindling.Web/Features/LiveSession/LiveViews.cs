using System.Text.Json;
using Kindling.Data;
using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;
using LiveEventDto = Kindling.LiveClient.LiveEvent;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Reads of a live document, always from the reader's point of view: anonymity, hidden and silent responses
/// are applied here.</summary>
public static class LiveViews
{
    public const int MaxCatchUp = 2000;

    /// <summary>A response as broadcast to everyone: never carries the author of an anonymous response.</summary>
    public static ResponseView Public(LiveResponse r, string? authorName) =>
        new(
            r.Id,
            r.SectionId,
            AnonymousAuthors.Public(r.Anonymous, authorName),
            r.Anonymous,
            false,
            r.Text,
            r.Hidden,
            r.Pinned,
            r.CreatedUtc,
            r.UpdatedUtc
        );

    public static SectionView View(LiveSection s) =>
        new(
            s.Id,
            s.Position,
            s.ActivityIndex,
            s.Kind,
            s.Title,
            s.Prompt,
            s.Minutes,
            s.Recordable,
            s.Silent,
            s.RevealedUtc is not null
        );

    public static TimerState Timer(LiveDocument d, IReadOnlyList<LiveSection> sections, RecordingPolicy policy) =>
        new(
            d.CurrentSection,
            d.TimerEndsUtc,
            d.TimerPausedMs,
            d.TimerDurationMs,
            // Only a presentation may ever be recorded (the lesson parser enforces it too); discussion never is.
            policy == RecordingPolicy.PresentationMayBeRecorded
                && sections.Any(s => s.ActivityIndex == d.CurrentSection && s.Recordable && s.Kind == "presentation")
        );

    public static async Task<Snapshot?> SnapshotAsync(KindlingDb db, LiveContext ctx)
    {
        var doc = await db.LiveDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.SessionId == ctx.SessionId);
        if (doc is null)
            return null;
        var sections = await SectionsAsync(db, ctx.SessionId);
        var hiddenSilent = sections.Where(s => s.AwaitingReveal).Select(s => s.Id).ToHashSet();
        var rows = await RowsAsync(db, db.LiveResponses.Where(r => r.SessionId == ctx.SessionId && !r.Deleted));
        var responses = rows.Where(x => Visible(ctx, hiddenSilent, x.R.SectionId, x.R.AuthorId, x.R.Hidden))
            .Select(x => View(ctx, x))
            .ToList();
        return Build(ctx, doc, sections, responses);
    }

    /// <summary>
    /// The room page's first view: under each prompt at most <paramref name="perSection"/> responses (pinned first,
    /// then oldest first; all of them under <paramref name="fullSection"/>), with how many the reader may see in all.
    /// Only those responses' texts are read, so a session with thousands of responses renders quickly; the hub's
    /// snapshot then brings the rest to a browser with JavaScript.
    /// </summary>
    public static async Task<(Snapshot? Snapshot, IReadOnlyDictionary<Guid, int> Counts)> FirstViewAsync(
        KindlingDb db,
        LiveContext ctx,
        int perSection,
        Guid? fullSection
    )
    {
        var doc = await db.LiveDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.SessionId == ctx.SessionId);
        if (doc is null)
            return (null, new Dictionary<Guid, int>());
        var sections = await SectionsAsync(db, ctx.SessionId);
        var hiddenSilent = sections.Where(s => s.AwaitingReveal).Select(s => s.Id).ToHashSet();
        var heads = await db
            .LiveResponses.AsNoTracking()
            .Where(r => r.SessionId == ctx.SessionId && !r.Deleted)
            .Select(r => new
            {
                r.Id,
                r.SectionId,
                r.AuthorId,
                r.Hidden,
                r.Pinned,
                r.CreatedUtc,
            })
            .ToListAsync();
        var bySection = heads
            .Where(h => Visible(ctx, hiddenSilent, h.SectionId, h.AuthorId, h.Hidden))
            .GroupBy(h => h.SectionId)
            .ToList();
        var chosen = bySection
            .SelectMany(g =>
                g.Key == fullSection ? g : g.OrderByDescending(h => h.Pinned).ThenBy(h => h.CreatedUtc).Take(perSection)
            )
            .Select(h => h.Id)
            .ToList();
        var rows = await RowsAsync(db, db.LiveResponses.Where(r => chosen.Contains(r.Id)));
        var responses = rows.Select(x => View(ctx, x)).ToList();
        return (Build(ctx, doc, sections, responses), bySection.ToDictionary(g => g.Key, g => g.Count()));
    }

    private sealed record Row(LiveResponse R, string? Name);

    private static Task<List<LiveSection>> SectionsAsync(KindlingDb db, Guid sessionId) =>
        db.LiveSections.AsNoTracking().Where(s => s.SessionId == sessionId).OrderBy(s => s.Position).ToListAsync();

    private static Task<List<Row>> RowsAsync(KindlingDb db, IQueryable<LiveResponse> responses) =>
        responses
            .AsNoTracking()
            .OrderBy(r => r.CreatedUtc)
            .Select(r => new Row(
                r,
                db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault()
            ))
            .ToListAsync();

    /// <summary>A silent round's responses are the author's own until revealed; a hidden response is seen by its
    /// author and the facilitators.</summary>
    private static bool Visible(
        LiveContext ctx,
        HashSet<Guid> hiddenSilent,
        Guid section,
        string author,
        bool hidden
    ) =>
        (!hiddenSilent.Contains(section) || author == ctx.UserId)
        && (!hidden || ctx.IsFacilitator || author == ctx.UserId);

    private static ResponseView View(LiveContext ctx, Row x) =>
        new(
            x.R.Id,
            x.R.SectionId,
            AnonymousAuthors.NameFor(ctx, x.R.Anonymous, x.R.AuthorId, x.Name),
            x.R.Anonymous,
            x.R.AuthorId == ctx.UserId,
            x.R.Text,
            x.R.Hidden,
            x.R.Pinned,
            x.R.CreatedUtc,
            x.R.UpdatedUtc
        );

    private static Snapshot Build(
        LiveContext ctx,
        LiveDocument doc,
        List<LiveSection> sections,
        List<ResponseView> responses
    ) =>
        new(
            ctx.SessionId,
            doc.Seq,
            ctx.Title,
            ctx.Role.ToString(),
            doc.LockedUtc is not null,
            doc.AllowAnonymous,
            doc.CurrentSection,
            Timer(doc, sections, ctx.Recording),
            sections.Select(View).ToList(),
            responses
        );

    /// <summary>Events after <paramref name="since"/>, or null when the client is too far behind and should take a
    /// snapshot.</summary>
    public static async Task<List<LiveEventDto>?> SinceAsync(KindlingDb db, LiveContext ctx, long since, DateTime now)
    {
        var rows = await db
            .LiveEvents.AsNoTracking()
            .Where(e => e.SessionId == ctx.SessionId && e.Seq > since)
            .OrderBy(e => e.Seq)
            .Take(MaxCatchUp + 1)
            .ToListAsync();
        if (rows.Count > MaxCatchUp)
            return null;
        var events = rows.Select(r => LiveStore.ToDto(r, ctx.UserId, now)).ToList();
        return await RedactAsync(db, ctx, events);
    }

    /// <summary>
    /// Replayed events carry the text as it was sent then; a response hidden or deleted since then must not come back
    /// that way. Its text is blanked for everyone who could no longer read it (its author keeps it; facilitators keep
    /// hidden ones).
    /// </summary>
    private static async Task<List<LiveEventDto>> RedactAsync(KindlingDb db, LiveContext ctx, List<LiveEventDto> events)
    {
        var carried = events
            .Select(e => (e.Seq, Views: Carried(e)))
            .Where(x => x.Views.Count > 0)
            .ToDictionary(x => x.Seq, x => x.Views);
        if (carried.Count == 0)
            return events;
        var ids = carried.Values.SelectMany(v => v).Select(v => v.Id).Distinct().ToList();
        var gone = (
            await db
                .LiveResponses.AsNoTracking()
                .Where(r => ids.Contains(r.Id) && (r.Hidden || r.Deleted) && r.AuthorId != ctx.UserId)
                .Select(r => new
                {
                    r.Id,
                    r.Hidden,
                    r.Deleted,
                })
                .ToListAsync()
        ).Where(r => r.Deleted || !ctx.IsFacilitator).ToDictionary(r => r.Id, r => r.Hidden);
        if (gone.Count == 0)
            return events;
        ResponseView Blank(ResponseView v) =>
            gone.TryGetValue(v.Id, out var hidden) ? v with { Text = "", Hidden = hidden } : v;
        return events
            .Select(e =>
            {
                if (!carried.TryGetValue(e.Seq, out var views) || !views.Any(v => gone.ContainsKey(v.Id)))
                    return e;
                object data =
                    e.Type == EventTypes.SectionRevealed
                        ? new Revealed(
                            e.Data.GetProperty("section").Deserialize<SectionView>(LiveStore.Json)!,
                            views.Select(Blank).ToList()
                        )
                        : Blank(views[0]);
                return e with { Data = JsonSerializer.SerializeToElement(data, LiveStore.Json) };
            })
            .ToList();
    }

    /// <summary>The responses (with their text) an event carries: one for a response change, all of them for a
    /// reveal.</summary>
    private static List<ResponseView> Carried(LiveEventDto e) =>
        e.Type switch
        {
            EventTypes.ResponseAdded
            or EventTypes.ResponseUpdated
            or EventTypes.ResponseModerated when e.Data.TryGetProperty("text", out _) =>
            [
                e.Data.Deserialize<ResponseView>(LiveStore.Json)!,
            ],
            EventTypes.SectionRevealed => e
                .Data.GetProperty("responses")
                .Deserialize<List<ResponseView>>(LiveStore.Json)!,
            _ => [],
        };

    /// <summary>The data of a reveal event: the section and every response it shows.</summary>
    public sealed record Revealed(SectionView Section, IReadOnlyList<ResponseView> Responses);
}
