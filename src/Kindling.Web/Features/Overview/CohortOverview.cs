using Kindling.Domain;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// Everything a facilitator's cohort overview shows, loaded by <see cref="CohortOverviewQuery"/>. It holds counts and
/// states of worksheets, never their content: no title, no value of a worksheet ever reaches this record.
/// </summary>
public sealed record CohortOverview(
    Guid CohortId,
    string CohortName,
    string CurriculumTitle,
    IReadOnlyList<OverviewSession> Sessions,
    IReadOnlyList<OverviewPerson> People,
    AttendanceMatrix Attendance,
    IReadOnlyList<OverviewTemplate> Templates,
    ProgressGrid Progress,
    IReadOnlyList<SessionFeedbackSummary> Feedback,
    IReadOnlyList<OpenQuestion> Questions,
    int OpenConcerns,
    IReadOnlyList<PeerRoundView> PeerRounds
)
{
    public IEnumerable<OverviewSession> Held => Sessions.Where(s => s.Held);

    public SessionFeedbackSummary FeedbackOf(Guid sessionId) =>
        Feedback.FirstOrDefault(f => f.SessionId == sessionId) ?? SessionFeedbackSummary.None(sessionId);
}

/// <summary>A session of the cohort, numbered in date order; <see cref="Held"/> by the one rule,
/// <see cref="Domain.Session.Held"/>.</summary>
public sealed record OverviewSession(Guid Id, int Number, string LessonTitle, DateTime StartsUtc, bool Held)
{
    public string Tag => $"S{Number}";
}

/// <summary>A member the overview follows (everyone but the facilitators).</summary>
/// <param name="Admitted">Whether they accepted the guidelines; until then they cannot enter the cohort's
/// pages.</param>
public sealed record OverviewPerson(string UserId, string Name, CohortRole Role, bool Admitted);

/// <summary>One person at one held session, from the durable attendance (<see cref="Attendance.Present"/>).</summary>
/// <param name="Corrected">A facilitator's mark decided it.</param>
public sealed record AttendanceCell(bool Present, int Minutes, bool Corrected);

/// <summary>Who was at which session; a person without a row for a held session was absent.</summary>
public sealed class AttendanceMatrix(
    IReadOnlyList<OverviewSession> sessions,
    IReadOnlyList<OverviewPerson> people,
    IReadOnlyDictionary<(string UserId, Guid SessionId), AttendanceCell> cells
)
{
    public AttendanceCell? Cell(string userId, Guid sessionId) => cells.GetValueOrDefault((userId, sessionId));

    public bool Present(string userId, Guid sessionId) => Cell(userId, sessionId)?.Present == true;

    public int PresentCount(OverviewPerson person) => sessions.Count(s => s.Held && Present(person.UserId, s.Id));

    public int PresentCount(OverviewSession session) => people.Count(p => Present(p.UserId, session.Id));

    public int HeldCount => sessions.Count(s => s.Held);
}

/// <summary>An assignment template of the cohort's curriculum and how many fields it has.</summary>
public sealed record OverviewTemplate(string Slug, string Title, string LessonSlug, int Fields);
