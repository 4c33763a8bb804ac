using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Concerns;
using Kindling.Web.Features.LiveSession;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// Loads a cohort's overview for one facilitator in a fixed number of queries, whatever the cohort's size: each part
/// reads all its rows at once (projected, untracked) and the matrix is put together in memory.
/// </summary>
public sealed class CohortOverviewQuery(
    KindlingDb db,
    ProgressQuery progress,
    PeerTrackingQuery peers,
    ConcernReaders concerns,
    TimeProvider clock
)
{
    public async Task<CohortOverview> LoadAsync(Membership reader)
    {
        var cohort = reader.Cohort;
        var now = clock.GetUtcNow().UtcDateTime;
        var seeAuthors = AnonymousAuthors.FacilitatorSees(reader.IsFacilitator, cohort.FacilitatorsSeeAnonymousAuthors);
        var rows = await db
            .Sessions.AsNoTracking()
            .Where(s => s.CohortId == cohort.Id)
            .OrderBy(s => s.StartsUtc)
            .Select(s => new
            {
                s.Id,
                s.Lesson!.Title,
                s.StartsUtc,
                Opened = db.LiveDocuments.Any(d => d.SessionId == s.Id),
            })
            .ToListAsync();
        var sessions = rows.Select(
                (s, i) =>
                    new OverviewSession(s.Id, i + 1, s.Title, s.StartsUtc, Session.Held(s.StartsUtc, s.Opened, now))
            )
            .ToList();
        var members = await db
            .CohortMembers.AsNoTracking()
            .Where(m => m.CohortId == cohort.Id && m.Role != CohortRole.Facilitator)
            .Select(m => new
            {
                m.UserId,
                m.User!.DisplayName,
                m.Role,
                m.AcknowledgedUtc,
            })
            .ToListAsync();
        var people = members
            .Select(m => new OverviewPerson(m.UserId, m.DisplayName, m.Role, m.AcknowledgedUtc is not null))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(p => p.UserId, StringComparer.Ordinal)
            .ToList();
        var attendance = await AttendanceAsync(cohort.Id, sessions, people);
        var (templates, grid) = await progress.LoadAsync(cohort);
        var feedback = await FeedbackAsync(cohort.Id, seeAuthors);
        var questions = await QuestionsAsync(cohort.Id, sessions, seeAuthors);
        var readable = await concerns.ReadableAsync(reader.Member.UserId);
        var statuses = await readable.Where(r => r.CohortId == cohort.Id).Select(r => r.Status).ToListAsync();
        var rounds = await peers.LoadAsync(cohort.Id, templates);
        return new CohortOverview(
            cohort.Id,
            cohort.Name,
            cohort.Curriculum?.Title ?? "",
            sessions,
            people,
            attendance,
            templates,
            grid,
            feedback,
            questions,
            statuses.Count(s => !ConcernWorkflow.IsClosed(s)),
            rounds
        );
    }

    private async Task<AttendanceMatrix> AttendanceAsync(
        Guid cohortId,
        List<OverviewSession> sessions,
        List<OverviewPerson> people
    )
    {
        // Whole rows, untracked: Attendance.Present is the one rule for "was there" and needs the row's fields.
        var rows = await db
            .Attendance.AsNoTracking()
            .Where(a => db.Sessions.Any(s => s.Id == a.SessionId && s.CohortId == cohortId))
            .ToListAsync();
        var cells = rows.ToDictionary(
            a => (a.UserId, a.SessionId),
            a => new AttendanceCell(a.Present, a.Minutes, a.Mark != AttendanceMark.None)
        );
        return new AttendanceMatrix(sessions, people, cells);
    }

    private async Task<List<SessionFeedbackSummary>> FeedbackAsync(Guid cohortId, bool seeAuthors)
    {
        var rows = await db
            .SessionFeedback.AsNoTracking()
            .Where(f => db.Sessions.Any(s => s.Id == f.SessionId && s.CohortId == cohortId))
            .OrderBy(f => f.CreatedUtc)
            .Select(f => new
            {
                F = f,
                Name = db.Users.Where(u => u.Id == f.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();
        return rows.GroupBy(r => r.F.SessionId)
            .Select(g => new SessionFeedbackSummary(
                g.Key,
                g.Select(r => new FeedbackEntry(
                        AnonymousAuthors.Name(r.F.Anonymous, seeAuthors, r.Name),
                        AnonymousAuthors.Public(r.F.Anonymous, r.Name),
                        r.F.Anonymous,
                        r.F.Rating is >= 1 and <= 5 ? r.F.Rating : null,
                        SessionFeedbackSummary.AnswersOf(
                            r.F.Worked,
                            r.F.DidNotWork,
                            r.F.WouldChange,
                            r.F.Surprised,
                            r.F.Plus,
                            r.F.Delta
                        )
                    ))
                    .ToList()
            ))
            .ToList();
    }

    private async Task<List<OpenQuestion>> QuestionsAsync(
        Guid cohortId,
        List<OverviewSession> sessions,
        bool seeAuthors
    )
    {
        var rows = await db
            .LiveQuestions.AsNoTracking()
            .Where(q =>
                !q.Deleted
                && q.AnsweredUtc == null
                && db.Sessions.Any(s => s.Id == q.SessionId && s.CohortId == cohortId)
            )
            .OrderByDescending(q => q.Votes)
            .ThenBy(q => q.CreatedUtc)
            .Select(q => new
            {
                q.SessionId,
                q.Text,
                q.Votes,
                q.Anonymous,
                q.CreatedUtc,
                Name = db.Users.Where(u => u.Id == q.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();
        var byId = sessions.ToDictionary(s => s.Id);
        return rows.Where(q => byId.ContainsKey(q.SessionId))
            .Select(q => new OpenQuestion(
                q.SessionId,
                byId[q.SessionId].Number,
                byId[q.SessionId].LessonTitle,
                q.Text,
                q.Votes,
                AnonymousAuthors.Name(q.Anonymous, seeAuthors, q.Name),
                AnonymousAuthors.Public(q.Anonymous, q.Name),
                q.CreatedUtc
            ))
            .ToList();
    }
}
