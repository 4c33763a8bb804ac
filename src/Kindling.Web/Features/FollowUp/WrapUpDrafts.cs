using System.Text;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.LiveSession;
using Kindling.Web.Features.Messages;
using Kindling.Web.Features.Schedule;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.FollowUp;

/// <summary>The addresses of a session's follow-up (plain paths, so pages of other features can link them).</summary>
public static class FollowUpPaths
{
    public static string Session(Guid cohortId, Guid sessionId) => $"/cohorts/{cohortId}/sessions/{sessionId}";

    public static string WrapUp(Guid cohortId, Guid sessionId) => Session(cohortId, sessionId) + "/wrap-up";

    public static string Notes(Guid cohortId, Guid sessionId) => Session(cohortId, sessionId) + "/notes";

    public static string Feedback(Guid cohortId, Guid sessionId) => Session(cohortId, sessionId) + "/feedback";
}

/// <summary>Gathers what the default message is made from: the lesson, the Q&amp;A, the next session.</summary>
public sealed class WrapUpDrafts(KindlingDb db, LessonCache lessons, PublicUrls urls, TimeProvider clock)
{
    public async Task<DraftText> DefaultAsync(Guid sessionId, CancellationToken ct = default)
    {
        var session = await db
            .Sessions.AsNoTracking()
            .WithLesson()
            .Include(s => s.Cohort)
            .SingleAsync(s => s.Id == sessionId, ct);
        var (c, s) = (session.CohortId, session.Id);
        var lesson = lessons.Of(session);
        var covered = lesson.KeyLessons.Count > 0 ? lesson.KeyLessons : lesson.Activities.Select(a => a.Title).ToList();
        var assignment = lesson.Assignment is { } a
            ? new DraftAssignment(
                a.Title,
                a.Summary,
                urls.For($"/cohorts/{c}/projects"),
                urls.For($"/cohorts/{c}/lessons/{lesson.Slug}#assignment")
            )
            : null;
        var questions = await db
            .LiveQuestions.AsNoTracking()
            .Where(q => q.SessionId == s && !q.Deleted)
            .OrderByDescending(q => q.Votes)
            .ThenBy(q => q.CreatedUtc)
            .Select(q => new
            {
                q.Text,
                q.Anonymous,
                q.AnsweredUtc,
                q.Answer,
                Name = db.Users.Where(u => u.Id == q.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var next = await NextAsync(session, ct);
        return WrapUpDraft.Build(
            new DraftFacts(
                lesson.Title,
                covered,
                assignment,
                questions
                    .Select(q => new DraftQuestion(
                        q.Text,
                        AnonymousAuthors.Public(q.Anonymous, q.Name),
                        q.AnsweredUtc is not null ? q.Answer : null
                    ))
                    .ToList(),
                urls.For(FollowUpPaths.Notes(c, s)),
                urls.For(FollowUpPaths.Feedback(c, s)),
                next is null
                    ? null
                    : new DraftNext(
                        next.Lesson.Title,
                        TimeZones.Format(next.Session.StartsUtc, session.Cohort!.TimeZoneId),
                        urls.For(FollowUpPaths.Session(c, next.Session.Id))
                    )
            )
        );
    }

    /// <summary>The cohort's next session's calendar file, to go with the message; null when none is
    /// planned.</summary>
    public async Task<MailAttachment?> NextCalendarAsync(Guid sessionId, CancellationToken ct = default)
    {
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, ct);
        if (await NextAsync(session, ct) is not { } next)
            return null;
        var ics = CalendarBuilder.Build(next.Cohort.Name, [next], urls.Base);
        return new MailAttachment($"kindling-{next.Lesson.Slug}.ics", "text/calendar", Encoding.UTF8.GetBytes(ics));
    }

    /// <summary>The cohort's first session after this one that is still to come.</summary>
    private async Task<SessionView?> NextAsync(Session session, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var nextId = await db
            .Sessions.Where(x => x.CohortId == session.CohortId && x.StartsUtc > session.StartsUtc && x.StartsUtc > now)
            .OrderBy(x => x.StartsUtc)
            .Select(x => (Guid?)x.Id)
            .FirstOrDefaultAsync(ct);
        return nextId is { } id ? (await SessionView.LoadAsync(db, lessons, session.CohortId, id)).Single() : null;
    }
}
