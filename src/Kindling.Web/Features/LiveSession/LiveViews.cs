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
    public static ResponseView Public(LiveResponse r, string authorName) =>
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
        var sections = await db
            .LiveSections.AsNoTracking()
            .Where(s => s.SessionId == ctx.SessionId)
            .OrderBy(s => s.Position)
            .ToListAsync();
        var hiddenSilent = sections.Where(s => s.AwaitingReveal).Select(s => s.Id).ToHashSet();
        var rows = await db
            .LiveResponses.AsNoTracking()
            .Where(r => r.SessionId == ctx.SessionId && !r.Deleted)
            .OrderBy(r => r.CreatedUtc)
            .Select(r => new
            {
                R = r,
                Name = db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();
        var responses = rows.Where(x => !hiddenSilent.Contains(x.R.SectionId) || x.R.AuthorId == ctx.UserId)
            .Where(x => !x.R.Hidden || ctx.IsFacilitator || x.R.AuthorId == ctx.UserId)
            .Select(x =>
            {
                var name = AnonymousAuthors.NameFor(ctx, x.R.Anonymous, x.R.AuthorId, x.Name);
                return new ResponseView(
                    x.R.Id,
                    x.R.SectionId,
                    name,
                    x.R.Anonymous,
                    x.R.AuthorId == ctx.UserId,
                    x.R.Text,
                    x.R.Hidden,
                    x.R.Pinned,
                    x.R.CreatedUtc,
                    x.R.UpdatedUtc
                );
            })
            .ToList();
        return new Snapshot(
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
    }

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
