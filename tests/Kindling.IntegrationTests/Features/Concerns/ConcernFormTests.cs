using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Concerns;

/// <summary>
/// "Tell a facilitator privately" is one click from every cohort page and from the live room; the form says what
/// each choice means, refuses bad input with a specific message and stores nothing then; a named report shows up
/// in the reporter's own list.
/// </summary>
[Collection(AppCollection.Name)]
public class ConcernFormTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryCohortPage_LinksToTheForm_TheRoomInANewTab(string provider)
    {
        var s = await ConcernScenario.CreateAsync(await apps.GetAsync(provider));
        using var observer = await s.ClientAsAsync("observer");
        var c = s.CohortId;
        var session = s.Cohort.SessionId;
        string[] pages =
        [
            $"/cohorts/{c}",
            $"/cohorts/{c}/lessons/community-narrative",
            $"/cohorts/{c}/welcome",
            $"/cohorts/{c}/projects",
            $"/cohorts/{c}/sessions/{session}",
            $"/cohorts/{c}/concerns/mine",
        ];
        foreach (var url in pages)
        {
            var page = await observer.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var link = page
                .Document.QuerySelectorAll("a")
                .FirstOrDefault(a => a.TextContent.Contains("Tell a facilitator privately", StringComparison.Ordinal));
            Assert.True(link is not null, $"{url} has no link to the form");
            Assert.Equal("Tell a facilitator privately", link.TextContent.Trim());
            Assert.StartsWith($"/cohorts/{c}/concerns/new", link.GetAttribute("href"), StringComparison.Ordinal);
        }
        using var facilitator = await s.ClientAsAsync("facilitator");
        var members = await facilitator.GetAsync($"/cohorts/{c}/members");
        Assert.NotNull(members.Document.QuerySelector($"a[href='/cohorts/{c}/concerns/new']"));

        // From a session's pages the form starts on that session; the room opens it in a new tab.
        var room = await observer.GetAsync($"/cohorts/{c}/sessions/{session}/live");
        Assert.Equal(HttpStatusCode.OK, room.Status);
        var fromRoom = room.Document.QuerySelector($"a[href='/cohorts/{c}/concerns/new?session={session}']");
        Assert.NotNull(fromRoom);
        Assert.Equal("_blank", fromRoom.GetAttribute("target"));
        Assert.Equal(
            "Tell a facilitator privately (opens in a new tab)",
            string.Join(' ', fromRoom.TextContent.Split(' ', '\n').Where(w => w.Length > 0))
        );
        var form = await observer.GetAsync($"/cohorts/{c}/concerns/new?session={session}");
        Assert.Equal(
            session.ToString(),
            form.Document.QuerySelector("select#Input_SessionId option[selected]")?.GetAttribute("value")
        );

        // A member who has not acknowledged the guidelines yet is not shown it on the welcome page.
        var newcomer = await s.App.CreateUserAsync($"new-{Guid.NewGuid():N}@example.org", CohortScenario.Password);
        await s.App.WithDbAsync(db =>
        {
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = c,
                    UserId = newcomer.Id,
                    Role = CohortRole.Participant,
                    JoinedUtc = s.App.Clock.GetUtcNow().UtcDateTime,
                }
            );
            return db.SaveChangesAsync();
        });
        using var nc = s.App.Client();
        await nc.SignInAsync(newcomer.Email!, CohortScenario.Password);
        var welcome = await nc.GetAsync($"/cohorts/{c}/welcome");
        Assert.DoesNotContain("Tell a facilitator privately", welcome.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> BadInput()
    {
        var d = new TheoryData<string, string, string, string>();
        foreach (var p in new[] { "sqlite", "postgres" })
        {
            d.Add(p, "Input.What", "   ", "Write what happened.");
            d.Add(p, "Input.What", new string('w', 10_001), "at most 10,000 characters");
            d.Add(p, "Input.What", "bell \u0007 here", "control character");
            d.Add(p, "Input.PeopleInvolved", new string('p', 1_001), "at most 1,000 characters");
            d.Add(p, "Input.SessionId", Guid.NewGuid().ToString(), "Choose one of this cohort's sessions");
            d.Add(p, "Input.SessionId", "not-a-session", "Choose one of this cohort's sessions");
            d.Add(p, "Input.Identity", "", "give your name or stay anonymous");
            d.Add(p, "Input.Audience", "everyone", "Choose who should read your report");
            d.Add(p, "Input.Audience", "one", "Choose the facilitator who should read your report");
        }
        return d;
    }

    [Theory, MemberData(nameof(BadInput))]
    public async Task File_BadInput_ShowsWhatToChange_AndStoresNothing(
        string provider,
        string field,
        string value,
        string message
    )
    {
        var s = await ConcernScenario.CreateAsync(await apps.GetAsync(provider));
        using var participant = await s.ClientAsAsync("participant");
        var fields = new Dictionary<string, string>
        {
            ["Input.What"] = "Something happened.",
            ["Input.Identity"] = "named",
            ["Input.Audience"] = "facilitators",
            [field] = value,
        };
        var page = await participant.PostFormAsync(s.NewUrl, fields);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, await s.App.WithDbAsync(db => db.ConcernReports.CountAsync(r => r.CohortId == s.CohortId)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NamedReport_IsListedForItsReporter_AndReadersSeeTheName(string provider)
    {
        var s = await ConcernScenario.CreateAsync(await apps.GetAsync(provider));
        using var reporter = await s.ClientAsAsync("reporter");
        var filed = await s.FileAsync(
            reporter,
            "Named and open",
            audience: "one",
            facilitatorId: s.Users["facilitator2"].Id
        );
        var report = await s.ReportAsync(filed.ReportId);
        Assert.Equal(s.Users["reporter"].Id, report.ReporterId);
        Assert.Equal(ConcernAudience.OneFacilitator, report.Audience);
        Assert.Equal(s.Users["facilitator2"].Id, report.AudienceUserId);
        Assert.Equal(s.App.Clock.GetUtcNow().UtcDateTime, report.FiledUtc);
        Assert.Equal(Kindling.Web.Features.Concerns.ReceiptTokens.Hash(filed.Token), report.ReceiptHash);
        Assert.Equal(64, report.ReceiptHash.Length);

        var mine = await reporter.GetAsync($"/cohorts/{s.CohortId}/concerns/mine");
        Assert.NotNull(mine.Document.QuerySelector($"a[href='/cohorts/{s.CohortId}/concerns/mine/{filed.ReportId}']"));
        var own = await reporter.GetAsync($"/cohorts/{s.CohortId}/concerns/mine/{filed.ReportId}");
        Assert.Contains("Named and open", own.Text, StringComparison.Ordinal);
        var added = await reporter.PostFormAsync(
            $"/cohorts/{s.CohortId}/concerns/mine/{filed.ReportId}",
            new Dictionary<string, string> { ["Addition"] = "One more thing." },
            $"/cohorts/{s.CohortId}/concerns/mine/{filed.ReportId}?handler=Add"
        );
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var last = (await s.EventsAsync(filed.ReportId))[^1];
        Assert.Equal(
            (ConcernEventKind.ReporterAdded, s.Users["reporter"].Id, "One more thing."),
            (last.Kind, last.ActorId, last.Text)
        );

        using var facilitator = await s.ClientAsAsync("facilitator2");
        var page = await facilitator.GetAsync($"/concerns/{filed.ReportId}");
        Assert.Contains(s.Users["reporter"].DisplayName, page.Text, StringComparison.Ordinal);
        Assert.Contains("One more thing.", page.Text, StringComparison.Ordinal);

        // The receipt link has been shown once; the page after filing does not show it again.
        var again = await reporter.GetAsync($"/cohorts/{s.CohortId}/concerns/filed");
        Assert.Null(again.Document.QuerySelector("input#receipt"));
        Assert.DoesNotContain(filed.Token, again.Text, StringComparison.Ordinal);
    }
}
