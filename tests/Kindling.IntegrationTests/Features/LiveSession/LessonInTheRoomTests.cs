using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// What the lesson file decides about the room and the session page: its own share slot (or the automatic ten
/// minutes), silent roll calls with a list to pick from, and the slides (the session's link overriding the lesson's).
/// </summary>
[Collection(SecondAppCollection.Name)]
public class LessonInTheRoomTests(Apps apps)
{
    private const string LessonSlides = "https://slides.example.org/lesson-deck";
    private const string SessionSlides = "https://slides.example.org/spring-cohort-deck";

    /// <summary>A second lesson with a silent roll call (values to pick from), its own share slot and
    /// slides.</summary>
    private const string WithShare = """
        ---
        slug: values-lesson
        order: 2
        title: Values lesson
        slides: https://slides.example.org/lesson-deck
        activities:
          - kind: roll-call
            title: "Roll call: core values"
            minutes: 5
            silent: true
            pick_from: [Kindness, Transparency, Curiosity]
            prompts:
              - "Pick three values."
          - kind: share
            title: Insights from your assignment
            minutes: 10
            prompts:
              - "What did the assignment teach you?"
          - kind: presentation
            title: Talk
            minutes: 45
            recordable: true
        ---
        Body.
        """;

    private const string WithoutShare = """
        ---
        slug: plain-lesson
        order: 2
        title: Plain lesson
        activities:
          - kind: roll-call
            title: Roll call
            minutes: 5
          - kind: presentation
            title: Talk
            minutes: 45
        ---
        Body.
        """;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LessonWithItsOwnShareSlot_SilentRollCall_PickList_AndSlides(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var second = await SecondSessionTeachingAsync(s, WithShare);
        await LiveClients.OpenDocumentAsync(s);
        await LiveClients.OpenDocumentAsync(s, second);

        await using var par = await LiveClients.JoinAsync(s, "participant", second);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator", second);
        var sections = par.Snapshot!.Sections.OrderBy(x => x.Position).ToList();

        // No automatic slot: the lesson placed its own, after the roll call, its prompt then the link list.
        Assert.DoesNotContain(sections, x => x.ActivityIndex == -1);
        Assert.Equal(
            [(0, "roll-call", 5, true), (1, "share-notes", 10, false), (1, "share", 10, false)],
            sections.Take(3).Select(x => (x.ActivityIndex, x.Kind, x.Minutes, x.Silent))
        );
        Assert.Equal("Insights from your assignment", sections[2].Title);
        Assert.Contains("“Community background”", sections[2].Prompt);
        Assert.True((await par.AddResponseAsync(sections[1].Id, "Interviews filled the gaps")).Ok);
        Assert.False((await par.AddResponseAsync(sections[2].Id, "not a link")).Ok);

        // The roll call runs as a silent round: nobody else sees an answer until it is revealed.
        var answer = await par.AddResponseAsync(sections[0].Id, "Kindness, curiosity, care");
        Assert.True(answer.Ok, answer.Error);
        await using (var before = await LiveClients.JoinAsync(s, "observer", second))
            Assert.DoesNotContain(before.Snapshot!.Responses, r => r.Id == answer.Id);
        Assert.True((await fac.RevealAsync(sections[0].Id)).Ok);
        await using (var after = await LiveClients.JoinAsync(s, "observer", second))
            Assert.Contains(after.Snapshot!.Responses, r => r.Id == answer.Id);

        // The room shows the list to pick from and the lesson's slides beside the presentation, without JavaScript.
        using var member = await s.ClientAsAsync("participant");
        var room = await member.GetAsync($"/cohorts/{s.CohortId}/sessions/{second}/live");
        Assert.Equal(
            ["Kindness", "Transparency", "Curiosity"],
            room.Document.QuerySelectorAll("#activity-0 .pick-list li").Select(li => li.TextContent)
        );
        Assert.Equal(LessonSlides, room.Document.QuerySelector("#activity-2 .slides-link a")?.GetAttribute("href"));
        Assert.Null(room.Document.QuerySelector("#activity-0 .slides-link"));

        // The session's own slides link overrides the lesson's: on the page, in the room and in the calendar entry.
        var page = await member.GetAsync($"/cohorts/{s.CohortId}/sessions/{second}");
        Assert.Equal(LessonSlides, page.Document.QuerySelector("#session-slides")?.GetAttribute("href"));
        await s.App.WithDbAsync(async db =>
            await db
                .Sessions.Where(x => x.Id == second)
                .ExecuteUpdateAsync(x => x.SetProperty(y => y.SlidesUrl, SessionSlides))
        );
        page = await member.GetAsync($"/cohorts/{s.CohortId}/sessions/{second}");
        Assert.Equal(SessionSlides, page.Document.QuerySelector("#session-slides")?.GetAttribute("href"));
        room = await member.GetAsync($"/cohorts/{s.CohortId}/sessions/{second}/live");
        Assert.Equal(SessionSlides, room.Document.QuerySelector("#activity-2 .slides-link a")?.GetAttribute("href"));
        var ics = await member.Http.GetStringAsync($"/cohorts/{s.CohortId}/sessions/{second}/calendar.ics");
        Assert.Contains("Slides: " + SessionSlides, ics.Replace("\r\n ", "", StringComparison.Ordinal));

        // The agenda is the lesson's own: it adds up to the hour with the share slot inside it.
        var agenda = page.Document.QuerySelectorAll("table.agenda tbody tr").Select(Row).ToList();
        Assert.Equal([("+0 min", "5"), ("+5 min", "10"), ("+15 min", "45")], agenda.Take(3).Select(r => (r[0], r[3])));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LessonWithoutShareSlot_AfterTheFirst_OpensWithTenMinutesOfSharing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var second = await SecondSessionTeachingAsync(s, WithoutShare);
        await LiveClients.OpenDocumentAsync(s, second);

        await using var par = await LiveClients.JoinAsync(s, "participant", second);

        var first = par.Snapshot!.Sections.OrderBy(x => x.Position).First();
        Assert.Equal(("share", -1, 10), (first.Kind, first.ActivityIndex, first.Minutes));
        Assert.False(par.Snapshot.Sections.Single(x => x.Kind == "roll-call").Silent);
        using var member = await s.ClientAsAsync("participant");
        var page = await member.GetAsync($"/cohorts/{s.CohortId}/sessions/{second}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var agenda = page.Document.QuerySelectorAll("table.agenda tbody tr").Select(Row).ToList();
        Assert.Equal(
            [("+0 min", "Share your insights", "10"), ("+10 min", "Roll call", "5"), ("+15 min", "Talk", "45")],
            agenda.Take(3).Select(r => (r[0], r[1], r[3]))
        );
        Assert.Null(page.Document.QuerySelector("#session-slides"));
        // The cohort's first session has no slot before it.
        var firstPage = await member.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}");
        Assert.DoesNotContain(
            firstPage.Document.QuerySelectorAll("table.agenda tbody tr").Select(Row),
            r => r[1] == "Share your insights"
        );
    }

    private static string[] Row(AngleSharp.Dom.IElement tr) =>
        tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();

    /// <summary>A session a week after the scenario's first, teaching lesson 2 of the curriculum at a version made of
    /// <paramref name="source"/>.</summary>
    private static async Task<Guid> SecondSessionTeachingAsync(CohortScenario s, string source)
    {
        var second = await ShareSlotTests.AddSecondSessionAsync(s);
        await s.App.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(x => x.Lesson).SingleAsync(x => x.Id == second);
            var last = await db.LessonVersions.Where(v => v.LessonId == session.LessonId).MaxAsync(v => v.Number);
            var version = new LessonVersion
            {
                LessonId = session.LessonId,
                Number = last + 1,
                Title = session.Lesson!.Title,
                FileName = session.Lesson.FileName,
                Source = source,
                CreatedUtc = session.CreatedUtc,
                Origin = "edit",
            };
            db.LessonVersions.Add(version);
            session.LessonVersionId = version.Id;
            return await db.SaveChangesAsync();
        });
        return second;
    }
}
