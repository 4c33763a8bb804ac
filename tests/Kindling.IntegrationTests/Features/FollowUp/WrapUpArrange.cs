using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.FollowUp;

/// <summary>A session that is being held (or was): its document open, a next session planned, and, on request, a
/// document with something of each kind in it and an attendance record.</summary>
internal static class WrapUpArrange
{
    public const string Named = "Named: the story began at a staff social";
    public const string Anonymous = "Anon: we need a budget line";
    public const string Hidden = "Hidden: an off-topic remark";
    public const string Silent = "Silent: still a secret";
    public const string AnsweredQuestion = "How do we find funding?";
    public const string Answer = "Start with small community grants.";
    public const string OpenQuestion = "Who keeps the minutes?";
    public const string DeletedQuestion = "Deleted: never mind";

    /// <summary>The scenario's session moved to have started <paramref name="startedAgo"/> (default an hour: it
    /// ends in half an hour), 90 minutes long, its document opened; the next session planned a week ahead.</summary>
    public static async Task<CohortScenario> HeldAsync(
        KindlingApp app,
        TimeSpan? startedAgo = null,
        RecordingPolicy recording = RecordingPolicy.PresentationMayBeRecorded
    )
    {
        var s = await CohortScenario.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.SingleAsync(x => x.Id == s.SessionId);
            (session.StartsUtc, session.Recording) = (now - (startedAgo ?? TimeSpan.FromHours(1)), recording);
            session.PresentationMinutes = 60;
            session.DiscussionMinutes = 30;
            var second = await db
                .Lessons.Where(l =>
                    l.CurriculumId
                    == db.Lessons.Where(x => x.Id == session.LessonId).Select(x => x.CurriculumId).First()
                )
                .OrderBy(l => l.Order)
                .Skip(1)
                .FirstAsync();
            db.Sessions.Add(NewSession(s.CohortId, second.Id, now.AddDays(7)));
            return await db.SaveChangesAsync();
        });
        await LiveClients.OpenDocumentAsync(s);
        return s;
    }

    public static Session NewSession(Guid cohortId, Guid lessonId, DateTime startsUtc) =>
        new()
        {
            CohortId = cohortId,
            LessonId = lessonId,
            StartsUtc = startsUtc,
            CreatedUtc = startsUtc,
            UpdatedUtc = startsUtc,
        };

    /// <summary>
    /// The facilitator writes a named and a hidden response and asks an open question; the participant an anonymous
    /// response, a response in a silent round not yet revealed and an anonymous question the facilitator answered.
    /// The facilitator and the participant were there; the observer was not.
    /// </summary>
    public static Task ContentAsync(CohortScenario s) =>
        s.App.WithDbAsync(async db =>
        {
            var now = s.App.Clock.GetUtcNow().UtcDateTime;
            var (fac, par) = (s.Users["facilitator"].Id, s.Users["participant"].Id);
            var sections = await db.LiveSections.Where(x => x.SessionId == s.SessionId).ToListAsync();
            var open = sections.First(x => x.Kind == "open-discussion" && !x.Silent);
            var silent = sections.First(x => x.Silent);
            LiveResponse Response(Guid section, string author, string text) =>
                new()
                {
                    SessionId = s.SessionId,
                    SectionId = section,
                    AuthorId = author,
                    Text = text,
                    CreatedUtc = now,
                    UpdatedUtc = now,
                };
            var anonymous = Response(open.Id, par, Anonymous);
            anonymous.Anonymous = true;
            var hidden = Response(open.Id, fac, Hidden);
            hidden.Hidden = true;
            db.LiveResponses.AddRange(
                Response(open.Id, fac, Named),
                anonymous,
                hidden,
                Response(silent.Id, par, Silent)
            );
            LiveQuestion Question(string author, string text) =>
                new()
                {
                    SessionId = s.SessionId,
                    AuthorId = author,
                    Text = text,
                    CreatedUtc = now,
                };
            var answered = Question(par, AnsweredQuestion);
            (answered.Anonymous, answered.Answer, answered.AnsweredUtc, answered.AnsweredById) = (
                true,
                Answer,
                now,
                fac
            );
            var deleted = Question(par, DeletedQuestion);
            deleted.Deleted = true;
            db.LiveQuestions.AddRange(answered, Question(fac, OpenQuestion), deleted);
            db.Attendance.AddRange(
                new Kindling.Domain.Attendance
                {
                    SessionId = s.SessionId,
                    UserId = fac,
                    FirstJoinedUtc = now,
                },
                new Kindling.Domain.Attendance
                {
                    SessionId = s.SessionId,
                    UserId = par,
                    RollCallUtc = now,
                }
            );
            return await db.SaveChangesAsync();
        });

    public static Task<SessionWrapUp?> WrapUpAsync(CohortScenario s, Guid? sessionId = null) =>
        s.App.WithDbAsync(db =>
            db.SessionWrapUps.AsNoTracking().FirstOrDefaultAsync(w => w.SessionId == (sessionId ?? s.SessionId))
        );

    public static Task<Guid> NextSessionAsync(CohortScenario s) =>
        s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.CohortId == s.CohortId && x.Id != s.SessionId)
                .OrderByDescending(x => x.StartsUtc)
                .Select(x => x.Id)
                .FirstAsync()
        );

    public static Task<DateTime?> LockedAsync(CohortScenario s) =>
        s.App.WithDbAsync(db =>
            db.LiveDocuments.Where(d => d.SessionId == s.SessionId).Select(d => d.LockedUtc).SingleAsync()
        );

    public static Task<int> LockEventsAsync(CohortScenario s) =>
        s.App.WithDbAsync(db =>
            db.LiveEvents.CountAsync(e => e.SessionId == s.SessionId && e.Type == Kindling.LiveClient.EventTypes.Locked)
        );

    /// <summary>Ends the session and sends its stored draft as the facilitator would, through the services.</summary>
    public static async Task EndAndSendAsync(CohortScenario s, string? byUserId, WrapUpEdit? edit = null)
    {
        using var scope = s.App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SessionEnder>().EndAsync(s.SessionId, byUserId);
        await scope.ServiceProvider.GetRequiredService<WrapUpMessages>().SendAsync(s.SessionId, byUserId, edit);
    }

    public static string Url(CohortScenario s, string page) => $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/{page}";
}
