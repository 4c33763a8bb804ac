using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Attendance;
using Kindling.Web.Features.LiveSession;
using Kindling.Web.Kernel;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Api;

public sealed record MemberRow(
    string Name,
    string? Pronouns,
    string Email,
    string Role,
    DateTime JoinedUtc,
    DateTime? AcknowledgedUtc
);

/// <summary>One person at one session; <see cref="Present"/> is null for a session not held yet.</summary>
public sealed record AttendanceRow(
    string Name,
    string Role,
    Guid SessionId,
    string Lesson,
    DateTime StartsUtc,
    bool? Present,
    int Minutes
);

/// <summary><see cref="Author"/> is null whenever the feedback was sent anonymously.</summary>
public sealed record FeedbackRow(
    Guid SessionId,
    string Lesson,
    DateTime StartsUtc,
    string? Author,
    int? Rating,
    string Worked,
    string DidNotWork,
    string WouldChange,
    string Surprised,
    string Plus,
    string Delta,
    DateTime UpdatedUtc
);

/// <summary><see cref="Author"/> is null for an anonymous question.</summary>
public sealed record QuestionRow(
    Guid SessionId,
    string Lesson,
    DateTime StartsUtc,
    string? Author,
    string Text,
    int Votes,
    DateTime AskedUtc,
    DateTime? AnsweredUtc,
    string? Answer
);

/// <summary>
/// The cohort's data for its facilitators, as rows the CSV and JSON exports share. Like every export, anonymous
/// feedback and questions carry no name, whatever the cohort lets facilitators see on screen.
/// </summary>
public static class CohortExports
{
    public static Task<List<MemberRow>> MembersAsync(KindlingDb db, Guid cohortId) =>
        db
            .CohortMembers.AsNoTracking()
            .Where(m => m.CohortId == cohortId)
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.User!.DisplayName)
            .Select(m => new MemberRow(
                m.User!.DisplayName,
                m.User.Pronouns,
                m.User.Email ?? "",
                m.Role == CohortRole.Facilitator ? "facilitator"
                    : m.Role == CohortRole.Observer ? "observer"
                    : "participant",
                m.JoinedUtc,
                m.AcknowledgedUtc
            ))
            .ToListAsync();

    public static async Task<List<AttendanceRow>> AttendanceAsync(KindlingDb db, Guid cohortId, DateTime now)
    {
        var people = await AttendanceSheet.MembersAsync(db, cohortId);
        var sessions = await AttendanceSheet.SessionsAsync(db, cohortId);
        var records = await AttendanceSheet.ForCohortAsync(db, cohortId);
        var rows = new List<AttendanceRow>();
        foreach (var p in people)
        foreach (var s in sessions)
        {
            var record = records.GetValueOrDefault((s.Id, p.UserId));
            var held = s.StartsUtc <= now || record is not null;
            rows.Add(
                new AttendanceRow(
                    p.Name,
                    CohortRoles.Value(p.Role),
                    s.Id,
                    s.Title,
                    s.StartsUtc,
                    held ? record?.Present ?? false : null,
                    record?.Minutes ?? 0
                )
            );
        }
        return rows;
    }

    public static async Task<List<FeedbackRow>> FeedbackAsync(KindlingDb db, Guid cohortId)
    {
        var rows = await db
            .SessionFeedback.AsNoTracking()
            .Join(
                db.Sessions.Where(s => s.CohortId == cohortId),
                f => f.SessionId,
                s => s.Id,
                (f, s) =>
                    new
                    {
                        F = f,
                        s.StartsUtc,
                        Lesson = s.Lesson!.Title,
                        Name = db.Users.Where(u => u.Id == f.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                    }
            )
            .OrderBy(x => x.StartsUtc)
            .ThenBy(x => x.F.CreatedUtc)
            .ToListAsync();
        return rows.Select(x => new FeedbackRow(
                x.F.SessionId,
                x.Lesson,
                x.StartsUtc,
                AnonymousAuthors.Public(x.F.Anonymous, x.Name),
                x.F.Rating,
                x.F.Worked,
                x.F.DidNotWork,
                x.F.WouldChange,
                x.F.Surprised,
                x.F.Plus,
                x.F.Delta,
                x.F.UpdatedUtc
            ))
            .ToList();
    }

    public static async Task<List<QuestionRow>> QuestionsAsync(KindlingDb db, Guid cohortId)
    {
        var rows = await db
            .LiveQuestions.AsNoTracking()
            .Where(q => !q.Deleted)
            .Join(
                db.Sessions.Where(s => s.CohortId == cohortId),
                q => q.SessionId,
                s => s.Id,
                (q, s) =>
                    new
                    {
                        Q = q,
                        s.StartsUtc,
                        Lesson = s.Lesson!.Title,
                        Name = db.Users.Where(u => u.Id == q.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                    }
            )
            .OrderBy(x => x.StartsUtc)
            .ThenBy(x => x.Q.CreatedUtc)
            .ToListAsync();
        return rows.Select(x => new QuestionRow(
                x.Q.SessionId,
                x.Lesson,
                x.StartsUtc,
                AnonymousAuthors.Public(x.Q.Anonymous, x.Name),
                x.Q.Text,
                x.Q.Votes,
                x.Q.CreatedUtc,
                x.Q.AnsweredUtc,
                x.Q.AnsweredUtc is null ? null : x.Q.Answer
            ))
            .ToList();
    }
}
