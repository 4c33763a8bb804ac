using System.Globalization;
using System.Net;
using Kindling.Data;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.LiveSession;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>
/// A cohort teaches the versions it was pinned to: an edit reaches it only when a facilitator moves it, and then only
/// its sessions still to come; feedback is read by version, and an editor marks which version answers a delta.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class VersionedCohortTests(Apps apps)
{
    private sealed record Arranged(
        KindlingApp App,
        PageClient Facilitator,
        AppUser Participant,
        string Slug,
        Guid CohortId,
        Guid Held,
        Guid Opened,
        Guid Future
    );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PinnedCohort_LessonEdited_KeepsItsVersionUntilMovedAndThenOnlyFutureSessionsMove(string provider)
    {
        var a = await ArrangeAsync(provider);
        using var _ = a.Facilitator;
        var v1 = await LessonVersionAsync(a, a.Held);
        Assert.NotNull(v1);
        Assert.Equal(v1, await LessonVersionAsync(a, a.Future));

        await EditFirstLessonAsync(a);
        using (var scope = a.App.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<OpenLiveDocument>().OpenAsync(a.Opened));

        var sections = await a.App.WithDbAsync(db =>
            db.LiveSections.Where(s => s.SessionId == a.Opened)
                .OrderBy(s => s.Position)
                .Select(s => s.Prompt)
                .ToListAsync()
        );
        Assert.Contains("Talk", sections);
        Assert.DoesNotContain("Revised talk", sections);
        var lessonUrl = $"/cohorts/{a.CohortId}/lessons/first-steps";
        var page = await a.Facilitator.GetAsync(lessonUrl);
        Assert.Equal("First steps", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("newer version of this lesson exists (version 2)", page.Text);

        var version = await a.Facilitator.GetAsync(lessonUrl + "/version");
        Assert.Contains(version.Document.QuerySelectorAll(".ld-diff ins"), e => e.TextContent.Contains("Revised talk"));
        Assert.Contains(version.Document.QuerySelectorAll("button"), b => b.TextContent.Contains("Use version 2"));
        var moved = await a.Facilitator.PostFormAsync(
            lessonUrl + "/version",
            new Dictionary<string, string> { ["to"] = "2" }
        );

        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Equal(v1, await LessonVersionAsync(a, a.Held));
        Assert.Equal(v1, await LessonVersionAsync(a, a.Opened));
        var v2 = await LessonVersionAsync(a, a.Future);
        Assert.NotEqual(v1, v2);
        Assert.Equal(
            "First steps, revised",
            (await a.Facilitator.GetAsync(lessonUrl)).Document.QuerySelector("h1")!.TextContent
        );
        // Once opened, a session keeps the lesson (and version) it taught.
        var second = await a.App.WithDbAsync(db =>
            db.Lessons.Where(l =>
                    l.Slug == "second-steps" && db.Curricula.Any(c => c.Id == l.CurriculumId && c.Slug == a.Slug)
                )
                .Select(l => l.Id)
                .SingleAsync()
        );
        var relabel = await a.Facilitator.PostFormAsync(
            $"/cohorts/{a.CohortId}/sessions/{a.Opened}/edit",
            SessionFields(second, a.App.Clock.GetUtcNow().UtcDateTime.AddDays(1))
        );
        Assert.Contains(relabel.Errors, e => e.Contains("keeps the lesson it taught", StringComparison.Ordinal));
        Assert.Equal(v1, await LessonVersionAsync(a, a.Opened));
        var later = await ScheduleAsync(
            a.App,
            a.Facilitator,
            a.CohortId,
            a.App.Clock.GetUtcNow().UtcDateTime.AddDays(20)
        );
        Assert.Equal(v2, await LessonVersionAsync(a, later));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LessonPage_FeedbackOnTwoVersions_IsGroupedAndAnAnsweredDeltaShowsWhatFollowed(string provider)
    {
        var a = await ArrangeAsync(provider);
        using var _ = a.Facilitator;
        await EditFirstLessonAsync(a);
        await a.Facilitator.PostFormAsync(
            $"/cohorts/{a.CohortId}/lessons/first-steps/version",
            new Dictionary<string, string> { ["to"] = "2" }
        );
        using (var scope = a.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OpenLiveDocument>().OpenAsync(a.Held); // questions need it
        var now = a.App.Clock.GetUtcNow().UtcDateTime;
        var delta = await a.App.WithDbAsync(async db =>
        {
            var f = Feedback(a.Held, a.Participant.Id, now, 2);
            f.Delta = "The talk ran long";
            var g = Feedback(a.Future, a.Participant.Id, now, 4);
            g.Plus = "The shorter talk left room to talk";
            db.SessionFeedback.AddRange(f, g);
            db.LiveQuestions.Add(
                new LiveQuestion
                {
                    SessionId = a.Held,
                    AuthorId = a.Participant.Id,
                    Text = "Where are the slides?",
                    Answer = "In the notes",
                    CreatedUtc = now,
                }
            );
            await db.SaveChangesAsync();
            return f.Id;
        });
        var url = $"/curricula/{a.Slug}/lessons/first-steps";

        var page = await a.Facilitator.GetAsync(url);
        var groups = page.Document.QuerySelectorAll("section.ld-version").Select(s => s.TextContent).ToList();
        Assert.Equal(2, groups.Count);
        Assert.Contains("Version 2", groups[0]);
        Assert.Contains("1 response, average rating 4.0 of 5 from 1 rating", groups[0]);
        Assert.Contains("The shorter talk left room to talk", groups[0]);
        Assert.Contains("Version 1", groups[1]);
        Assert.Contains("1 response, average rating 2.0 of 5", groups[1]);
        Assert.Contains("Where are the slides?", groups[1]);
        Assert.DoesNotContain(a.Participant.DisplayName, page.Text);

        var wrong = await a.Facilitator.PostFormAsync(
            url,
            new Dictionary<string, string> { ["feedbackIds"] = delta.ToString(), ["answeredBy"] = "1" },
            url + "?handler=Answer"
        );
        Assert.Contains(wrong.Errors, e => e.Contains("can only answer feedback on earlier versions"));
        var marked = await a.Facilitator.PostFormAsync(
            url,
            new Dictionary<string, string> { ["feedbackIds"] = delta.ToString(), ["answeredBy"] = "2" },
            url + "?handler=Answer"
        );

        Assert.Equal(HttpStatusCode.Redirect, marked.Status);
        Assert.Equal(1, await a.App.WithDbAsync(db => db.LessonVersionAnswers.CountAsync(x => x.FeedbackId == delta)));
        var answered = (await a.Facilitator.GetAsync(url)).Document.QuerySelector(".ld-answered")!.TextContent;
        Assert.Contains("Answered by version 2", answered);
        Assert.Contains("Since then: 1 response, average rating 4.0 of 5", answered);

        var unmark = await a.Facilitator.PostFormAsync(
            url,
            new Dictionary<string, string>(),
            $"{url}?handler=Unanswer&feedbackId={delta}&version=2"
        );
        Assert.Equal(HttpStatusCode.Redirect, unmark.Status);
        Assert.Equal(0, await a.App.WithDbAsync(db => db.LessonVersionAnswers.CountAsync(x => x.FeedbackId == delta)));

        // A participant of the cohort sees no curriculum page (nor other cohorts' feedback) and can mark nothing.
        using var participant = a.App.Client();
        await participant.SignInAsync(a.Participant.Email!, CohortScenario.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync(url)).Status);
        var refused = await participant.PostWithTokenAsync(
            url + "?handler=Answer",
            new Dictionary<string, string> { ["feedbackIds"] = delta.ToString(), ["answeredBy"] = "2" },
            await participant.TokenAsync("/")
        );
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        var cohortLesson = await participant.GetAsync($"/cohorts/{a.CohortId}/lessons/first-steps");
        Assert.Equal(HttpStatusCode.OK, cohortLesson.Status);
        Assert.DoesNotContain("The talk ran long", cohortLesson.Text);
        var move = await participant.GetAsync($"/cohorts/{a.CohortId}/lessons/first-steps/version");
        Assert.Equal(HttpStatusCode.Forbidden, move.Status);
    }

    private static SessionFeedback Feedback(Guid session, string author, DateTime now, int rating) =>
        new()
        {
            SessionId = session,
            AuthorId = author,
            Rating = rating,
            CreatedUtc = now,
            UpdatedUtc = now,
        };

    /// <summary>An imported curriculum, a cohort made on its page (pinned), a participant, and three sessions of
    /// the first lesson scheduled on the schedule page: one held last week, two to come.</summary>
    private async Task<Arranged> ArrangeAsync(string provider)
    {
        var (app, client, _, slug) = await LessonVersionsTests.ImportAsync(apps, provider);
        var curriculumId = await app.WithDbAsync(db =>
            db.Curricula.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync()
        );
        var created = await client.PostFormAsync(
            "/cohorts/new",
            new Dictionary<string, string>
            {
                ["CurriculumId"] = curriculumId.ToString(),
                ["Input.Name"] = "Versioned cohort",
                ["Input.TimeZoneId"] = "UTC",
                ["Input.Guidelines"] = "Listen first.",
                ["Input.CodeOfConduct"] = "Be kind.",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var cohortId = Guid.Parse(created.Location!.OriginalString.Split('/')[^1]);
        var participant = await app.CreateUserAsync($"ver-m-{Guid.NewGuid():N}@example.org", CohortScenario.Password);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(db =>
        {
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = cohortId,
                    UserId = participant.Id,
                    Role = CohortRole.Participant,
                    JoinedUtc = now,
                    AcknowledgedUtc = now,
                }
            );
            return db.SaveChangesAsync();
        });
        Assert.Equal(3, await app.WithDbAsync(db => db.CohortLessonPins.CountAsync(p => p.CohortId == cohortId)));
        return new Arranged(
            app,
            client,
            participant,
            slug,
            cohortId,
            await ScheduleAsync(app, client, cohortId, now.AddDays(-7)),
            await ScheduleAsync(app, client, cohortId, now.AddDays(1)),
            await ScheduleAsync(app, client, cohortId, now.AddDays(8))
        );
    }

    private static async Task<Guid> ScheduleAsync(KindlingApp app, PageClient client, Guid cohortId, DateTime startsUtc)
    {
        var lessonId = await app.WithDbAsync(db =>
            db.Lessons.Where(l =>
                    l.Slug == "first-steps" && db.Cohorts.Any(c => c.Id == cohortId && c.CurriculumId == l.CurriculumId)
                )
                .Select(l => l.Id)
                .SingleAsync()
        );
        var result = await client.PostFormAsync(
            $"/cohorts/{cohortId}/sessions/new",
            SessionFields(lessonId, startsUtc)
        );
        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join("; ", result.Errors));
        return Guid.Parse(result.Location!.OriginalString.Split('/')[^1]);
    }

    private static Dictionary<string, string> SessionFields(Guid lessonId, DateTime startsUtc) =>
        new()
        {
            ["Input.LessonId"] = lessonId.ToString(),
            ["Input.Date"] = startsUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Time"] = startsUtc.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Input.PresentationMinutes"] = "60",
            ["Input.DiscussionMinutes"] = "30",
            ["Input.Recording"] = "NoRecording",
        };

    private static async Task EditFirstLessonAsync(Arranged a)
    {
        var changed = CurriculumZip
            .Lesson("first-steps", 1, "First steps, revised")
            .Replace("title: Talk", "title: Revised talk");
        var saved = await a.Facilitator.PostFormAsync(
            $"/curricula/{a.Slug}/lessons/first-steps/edit",
            new Dictionary<string, string> { ["Source"] = changed, ["Note"] = "A shorter talk" }
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
    }

    private static Task<Guid?> LessonVersionAsync(Arranged a, Guid sessionId) =>
        a.App.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.LessonVersionId).SingleAsync());
}
