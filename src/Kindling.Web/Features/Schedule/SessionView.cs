using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Schedule;

/// <summary>A session with what people need around it: its lesson, the pre-work and the agenda.</summary>
public sealed record SessionView(
    Session Session,
    Cohort Cohort,
    LessonDocument Lesson,
    AssignmentInfo? PreviousAssignment,
    bool HasEarlierSession = false
)
{
    public IReadOnlyList<Reading> Readings => Lesson.Readings;

    /// <summary>The slides people follow: the session's own link, else the lesson's; null when neither has
    /// one.</summary>
    public string? SlidesUrl => Session.SlidesUrl ?? Lesson.Slides;

    /// <summary>The agenda's last block, after the lesson: never recorded, so people can speak openly.</summary>
    public const string DiscussionTitle = "Open discussion and sharing insights from assignments";

    /// <summary>The agenda: the lesson's activities with start offsets, then the open discussion block. A session
    /// after the cohort's first whose lesson has no share activity opens with the live room's share slot, as the run
    /// of show does.</summary>
    public IEnumerable<(int StartMinute, string Title, string Kind, int Minutes, bool Recordable)> Agenda()
    {
        var at = 0;
        if (Lesson.Share is null && HasEarlierSession)
        {
            yield return (
                0,
                LiveSession.ShareSlot.Title,
                ActivityKinds.Label(ActivityKinds.Share),
                LiveSession.ShareSlot.Minutes,
                false
            );
            at = LiveSession.ShareSlot.Minutes;
        }
        foreach (var a in Lesson.Activities)
        {
            yield return (
                at,
                a.Title,
                a.KindLabel,
                a.Minutes,
                a.Recordable && Session.Recording == RecordingPolicy.PresentationMayBeRecorded
            );
            at += a.Minutes;
        }
        if (Session.DiscussionMinutes > 0)
            yield return (
                Math.Max(at, Session.PresentationMinutes),
                DiscussionTitle,
                "Open discussion",
                Session.DiscussionMinutes,
                false
            );
    }

    public static async Task<List<SessionView>> LoadAsync(
        KindlingDb db,
        LessonCache cache,
        Guid cohortId,
        Guid? onlySession = null
    )
    {
        var views = await LoadAsync(db, cache, db.Sessions.Where(s => s.CohortId == cohortId));
        return onlySession is null ? views : views.Where(v => v.Session.Id == onlySession).ToList();
    }

    /// <summary>Every session of these cohorts in time order, each with the pre-work of its own cohort (a person's
    /// calendar across their cohorts).</summary>
    public static Task<List<SessionView>> LoadAsync(
        KindlingDb db,
        LessonCache cache,
        IReadOnlyCollection<Guid> cohortIds
    ) => LoadAsync(db, cache, db.Sessions.Where(s => cohortIds.Contains(s.CohortId)));

    private static async Task<List<SessionView>> LoadAsync(KindlingDb db, LessonCache cache, IQueryable<Session> query)
    {
        var sessions = await query.WithLesson().Include(s => s.Cohort).OrderBy(s => s.StartsUtc).ToListAsync();
        var views = new List<SessionView>();
        // Per cohort: the last assignment so far, and whether a session came before.
        var previous = new Dictionary<Guid, AssignmentInfo?>();
        foreach (var s in sessions)
        {
            var doc = cache.Of(s);
            var earlier = previous.TryGetValue(s.CohortId, out var assignment);
            views.Add(new SessionView(s, s.Cohort!, doc, assignment, earlier));
            previous[s.CohortId] = doc.Assignment ?? assignment;
        }
        return views;
    }
}
