using Kindling.Data;
using Kindling.Domain;
using Kindling.LiveClient;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Schedule;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Creates a session's live document from its lesson: one prompt section per activity prompt, in agenda order, then the
/// session's open discussion block, so the run of show covers the whole call. Whoever opens it (a facilitator, a member
/// arriving, <see cref="RoomOpeningWatcher"/> at the opening time), people already waiting in the room hear at once.
/// The lesson is the version the session teaches (its cohort's pin); from now on the session keeps it.
/// </summary>
public sealed class OpenLiveDocument(
    KindlingDb db,
    LessonCache lessons,
    LessonVersions versions,
    TimeProvider clock,
    IHubContext<SessionHub, ISessionClient> hub,
    ICohortEvents events,
    ILogger<OpenLiveDocument> log
)
{
    /// <summary>How long before its start a session's document opens by itself when a member arrives.</summary>
    public static readonly TimeSpan OpensBeforeStart = TimeSpan.FromMinutes(15);

    /// <summary>When the document of a session starting at <paramref name="startsUtc"/> opens by itself.</summary>
    public static DateTime OpensUtc(DateTime startsUtc) => startsUtc - OpensBeforeStart;

    public async Task<bool> OpenAsync(Guid sessionId)
    {
        if (await db.LiveDocuments.AnyAsync(d => d.SessionId == sessionId))
            return false;
        var session = await db.Sessions.WithLesson().SingleAsync(s => s.Id == sessionId);
        if (session.LessonVersionId is null)
        {
            var pinned = await versions.PinAsync(session.CohortId, session.LessonId);
            session.LessonVersion = await db.LessonVersions.SingleAsync(v => v.Id == pinned);
        }
        var lesson = lessons.Of(session);
        var position = 0;
        var previous = await ShareSlot.PreviousAssignmentAsync(db, lessons, session);
        // A lesson with its own share activity places the slot itself; otherwise every session after the first
        // opens with it.
        if (lesson.Share is null && previous is not null)
            db.LiveSections.Add(ShareSlot.Section(sessionId, position++, previous.Title));
        for (var i = 0; i < lesson.Activities.Count; i++)
        {
            var a = lesson.Activities[i];
            var prompts = a.Prompts.Count > 0 ? a.Prompts : [a.Title];
            foreach (var p in prompts)
                db.LiveSections.Add(
                    new LiveSection
                    {
                        SessionId = sessionId,
                        Position = position++,
                        ActivityIndex = i,
                        Kind = a.Kind == ActivityKinds.Share ? ShareSlot.NotesKind : a.Kind,
                        Title = a.Title,
                        Prompt = p,
                        Minutes = a.Minutes,
                        Recordable = a.Recordable,
                        Silent = a.Silent,
                    }
                );
            if (a.Kind == ActivityKinds.Share)
                db.LiveSections.Add(ShareSlot.Section(sessionId, position++, previous?.Title, i, a));
        }
        if (session.DiscussionMinutes > 0)
            db.LiveSections.Add(
                new LiveSection
                {
                    SessionId = sessionId,
                    Position = position++,
                    ActivityIndex = lesson.Activities.Count,
                    Kind = "open-discussion",
                    Title = SessionView.DiscussionTitle,
                    Minutes = session.DiscussionMinutes,
                    Recordable = false,
                    Prompt =
                        "What would you like to talk through together? Add a topic, a question or something you "
                        + "learned from your assignment, and the group picks it up.",
                }
            );
        var now = clock.GetUtcNow().UtcDateTime;
        // A session ended before anyone opened its room stays ended: its document opens locked, and nothing starts.
        var ended = await db.SessionWrapUps.AnyAsync(w => w.SessionId == sessionId);
        db.LiveDocuments.Add(
            new LiveDocument
            {
                SessionId = sessionId,
                OpenedUtc = now,
                TimerDurationMs = (lesson.Activities.FirstOrDefault()?.Minutes ?? 5) * 60_000L,
                LockedUtc = ended ? now : null,
            }
        );
        if (!ended)
            await events.AddAsync(
                db,
                session.CohortId,
                CohortEventNames.SessionStarted,
                new
                {
                    session = EventSession.Of(
                        events,
                        session.CohortId,
                        sessionId,
                        session.Lesson!.Title,
                        session.StartsUtc
                    ),
                    roomUrl = events.Link($"/cohorts/{session.CohortId}/sessions/{sessionId}/live"),
                    openedUtc = now,
                }
            );
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return false;
        } // opened concurrently by another facilitator
        // Connections waiting for the document are in the session's group (SessionHub.Join): they join again now.
        try
        {
            await hub.Clients.Group(LiveGroups.Session(sessionId)).Opened(sessionId);
        }
        catch (Exception e)
        {
            log.LogWarning(
                e,
                "Could not tell the waiting room of session {SessionId} that it opened; they look again shortly.",
                sessionId
            );
        }
        return true;
    }
}

/// <summary>
/// The slot at the start of every session after the first where participants post the link to the worksheet they
/// chose to share from the last assignment. It has its own agenda index (-1) so the lesson's activities keep theirs.
/// </summary>
public static partial class ShareSlot
{
    public const string Kind = "share";

    /// <summary>The lesson's own prompts in its share activity: talk about what the assignment taught you.</summary>
    public const string NotesKind = "share-notes";
    public const int ActivityIndex = -1;
    public const string Title = ActivityKinds.AutomaticShareTitle;

    /// <summary>As the seed plans it: ten minutes at the start of every session after the first.</summary>
    public const int Minutes = ActivityKinds.AutomaticShareMinutes;

    public sealed record Previous(string? Title);

    /// <summary>Null for the cohort's first session; otherwise the most recent earlier assignment (its title may be
    /// null when no earlier lesson has one).</summary>
    public static async Task<Previous?> PreviousAssignmentAsync(KindlingDb db, LessonCache lessons, Session session)
    {
        var earlier = await db
            .Sessions.Where(s =>
                s.CohortId == session.CohortId && s.Id != session.Id && s.StartsUtc <= session.StartsUtc
            )
            .WithLesson()
            .OrderBy(s => s.StartsUtc)
            .ToListAsync();
        if (earlier.Count == 0)
            return null;
        var title = earlier.Select(s => lessons.Of(s).Assignment?.Title).LastOrDefault(t => t is not null);
        return new Previous(title);
    }

    /// <summary>The slot's link list: on its own (index -1) or as the last prompt of the lesson's share
    /// activity.</summary>
    public static LiveSection Section(
        Guid sessionId,
        int position,
        string? assignmentTitle,
        int activityIndex = ActivityIndex,
        LessonActivity? activity = null
    ) =>
        new()
        {
            SessionId = sessionId,
            Position = position,
            ActivityIndex = activityIndex,
            Kind = Kind,
            Title = activity?.Title ?? Title,
            Minutes = activity?.Minutes ?? Minutes,
            Prompt = assignmentTitle is null
                ? "Share the worksheet from last session's assignment with the cohort (its Sharing page) and it is "
                    + "listed here; or post a link to it."
                : $"Share your worksheet for “{assignmentTitle}” with the cohort (its Sharing page) and it is listed "
                    + $"here; or post a link to it.",
        };

    /// <summary>The cohort's shared worksheets, newest first: the slot lists them so nobody has to paste
    /// links.</summary>
    public static async Task<IReadOnlyList<SharedWorksheetView>> SharedWorksheetsAsync(KindlingDb db, Guid cohortId)
    {
        var rows = await db
            .Worksheets.AsNoTracking()
            .Where(w => w.CohortId == cohortId && w.SharedUtc != null)
            .Join(
                db.Projects,
                w => w.ProjectId,
                p => p.Id,
                (w, p) =>
                    new
                    {
                        w.Id,
                        w.Title,
                        p.Name,
                        SharedUtc = w.SharedUtc!.Value,
                    }
            )
            .ToListAsync();
        return rows.OrderByDescending(w => w.SharedUtc)
            .Select(w => new SharedWorksheetView(w.Id, w.Title, w.Name, WorksheetUrl(cohortId, w.Id), w.SharedUtc))
            .ToList();
    }

    private static string WorksheetUrl(Guid cohortId, Guid worksheetId) =>
        $"/cohorts/{cohortId}/worksheets/{worksheetId}";

    /// <summary>
    /// Responses in the share slot are links and nothing else: an https:// address, or the address of a worksheet in
    /// this cohort (/cohorts/{c}/worksheets/{w}), which opens for readers only if its project shared it.
    /// </summary>
    public static string Check(LiveSection section, string text)
    {
        if (section.Kind != Kind)
            return text;
        if (text.Length <= 2000 && !text.Any(char.IsWhiteSpace) && WorksheetPath().IsMatch(text))
            return text;
        if (
            text.Length > 2000
            || text.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || string.IsNullOrEmpty(uri.Host)
        )
            throw new LiveRuleException(
                "Share a link that starts with https:// (for example "
                    + "https://docs.example.org/my-worksheet) or a Kindling worksheet address "
                    + "(/cohorts/…/worksheets/…), "
                    + "with no other text."
            );
        return text;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^/cohorts/[0-9a-fA-F-]{36}/worksheets/[0-9a-fA-F-]{36}$")]
    private static partial System.Text.RegularExpressions.Regex WorksheetPath();
}
