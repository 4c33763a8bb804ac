using Kindling.Data;
using Kindling.LiveClient;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure.Reads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// The live session room. The document is rendered here first, from the reader's own snapshot (so it reads without
/// JavaScript and never shows what the reader may not see); /js/live/room.js then joins the hub and keeps it current.
/// </summary>
public class RoomModel(KindlingDb db, OpenLiveDocument opener, LessonCache lessons, ReadCache reads, TimeProvider clock)
    : CohortPageModel
{
    /// <summary>Responses rendered under each prompt in the page itself; the rest arrive through the hub (or with
    /// "show all", without JavaScript).</summary>
    public const int FirstResponses = 30;

    [FromRoute]
    public Guid SessionId { get; set; }

    /// <summary>The prompt whose responses are all rendered ("show all" without JavaScript).</summary>
    [FromQuery(Name = "all")]
    public Guid? All { get; set; }

    /// <summary>How many responses the reader may see under each prompt, rendered or not.</summary>
    public IReadOnlyDictionary<Guid, int> Counts { get; private set; } = new Dictionary<Guid, int>();
    public LiveContext Live { get; private set; } = null!;
    public Snapshot? Snapshot { get; private set; }
    public DateTime StartsUtc { get; private set; }
    public DateTime OpensUtc => OpenLiveDocument.OpensUtc(StartsUtc);
    public string? JoinUrl { get; private set; }

    /// <summary>Worksheets the cohort's projects chose to share, shown in the "share your insights" slot.</summary>
    public IReadOnlyList<SharedWorksheetView> SharedWorksheets { get; private set; } = [];

    public string FeedbackUrl => $"/cohorts/{CohortId}/sessions/{SessionId}/feedback";
    public string DocumentUrl => $"/cohorts/{CohortId}/sessions/{SessionId}/document";
    public string MarkdownUrl => $"/cohorts/{CohortId}/sessions/{SessionId}/document.md";
    public string SessionUrl => $"/cohorts/{CohortId}/sessions/{SessionId}";

    /// <summary>The facilitator's end of the session (Features/FollowUp, linked by address: it builds on this
    /// feature).</summary>
    public string WrapUpUrl => $"/cohorts/{CohortId}/sessions/{SessionId}/wrap-up";
    public string NotesUrl => $"/cohorts/{CohortId}/sessions/{SessionId}/notes";

    /// <summary>What the lesson adds beside some agenda items, by activity index: a list to pick from (the core values
    /// of a roll call) and, for the presentation, the slides.</summary>
    public IReadOnlyDictionary<int, ActivityExtras> Extras { get; private set; } =
        new Dictionary<int, ActivityExtras>();

    /// <summary>When the session was ended (its notes are published then); null while it runs.</summary>
    public DateTime? EndedUtc { get; private set; }

    private sealed record Setting(
        LiveContext Live,
        DateTime StartsUtc,
        string? JoinUrl,
        IReadOnlyDictionary<int, ActivityExtras> Extras,
        DateTime? EndedUtc
    );

    private sealed record Document(
        Snapshot? Snapshot,
        IReadOnlyDictionary<Guid, int> Counts,
        IReadOnlyList<SharedWorksheetView> SharedWorksheets
    );

    public async Task<IActionResult> OnGetAsync()
    {
        // What this reader sees is kept until a table it read is written (ReadCache): while the session runs, every
        // response outdates it; a room opened again between writes costs no query.
        var userId = CohortAccess.UserId(User) ?? "";
        var setting = await reads.GetAsync("room", userId, SessionId, LoadSettingAsync);
        if (setting is null || setting.Live.CohortId != CohortId)
            return NotFound();
        (Live, StartsUtc, JoinUrl, Extras, EndedUtc) = setting;
        // The same rule as joining through the hub: shortly before the start the document opens by itself.
        if (OpensUtc <= clock.GetUtcNow().UtcDateTime)
            await opener.OpenAsync(SessionId);
        (Snapshot, Counts, SharedWorksheets) = await reads.GetAsync(
            "room-document",
            userId,
            (SessionId, All),
            LoadDocumentAsync,
            keptAtMost: TimeSpan.FromMinutes(1)
        );
        return Page();
    }

    private async Task<Setting?> LoadSettingAsync()
    {
        var ctx = await LiveContext.LoadAsync(db, SessionId, CohortAccess.UserId(User));
        if (ctx is null)
            return null;
        var session = await db.Sessions.AsNoTracking().WithLesson().SingleAsync(s => s.Id == SessionId);
        var ended = await db
            .SessionWrapUps.Where(w => w.SessionId == SessionId)
            .Select(w => (DateTime?)w.EndedUtc)
            .FirstOrDefaultAsync();
        return new(
            ctx,
            session.StartsUtc,
            session.JoinUrl,
            ActivityExtras.Of(lessons.Of(session), session.SlidesUrl),
            ended
        );
    }

    private async Task<Document> LoadDocumentAsync()
    {
        var (snapshot, counts) = await LiveViews.FirstViewAsync(db, Live, FirstResponses, All);
        var shared =
            snapshot?.Sections.Any(s => s.Kind == ShareSlot.Kind) == true
                ? await ShareSlot.SharedWorksheetsAsync(db, CohortId)
                : [];
        return new(snapshot, counts, shared);
    }

    /// <summary>The snapshot's sections grouped by agenda item, in document order.</summary>
    public IEnumerable<IGrouping<int, SectionView>> Activities() =>
        Snapshot is null ? [] : Snapshot.Sections.OrderBy(s => s.Position).GroupBy(s => s.ActivityIndex);

    /// <summary>What this reader sees under one prompt: pinned first, then oldest first; hidden ones only for those who
    /// may see them.</summary>
    public IEnumerable<ResponseView> ResponsesFor(SectionView s) =>
        Snapshot!.Responses.Where(r => r.SectionId == s.Id).OrderByDescending(r => r.Pinned).ThenBy(r => r.CreatedUtc);

    /// <summary>Responses under the prompt that the page leaves to the hub (or to "show all").</summary>
    public int NotShown(SectionView s) =>
        Counts.GetValueOrDefault(s.Id) - Snapshot!.Responses.Count(r => r.SectionId == s.Id);

    public string AuthorLabel(ResponseView r) =>
        (r.Mine, r.Anonymous, r.AuthorName) switch
        {
            (true, true, _) => "You (anonymous to others)",
            (true, false, _) => "You",
            (false, true, { } name) => $"Anonymous ({name})",
            (false, true, null) => "Anonymous",
            _ => r.AuthorName ?? "",
        };
}
