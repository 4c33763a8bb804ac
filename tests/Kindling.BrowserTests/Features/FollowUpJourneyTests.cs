using System.Text.RegularExpressions;
using Kindling.TestSupport;
using Microsoft.Playwright;
using MimeKit;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// What happens between the calls, in real browsers on both databases: a session with three people is ended, its
/// notes are published and the after-session e-mail reaches everyone (read from a real SMTP server), attendance shows
/// in the facilitator's overview and its CSV; two participants are paired for peer feedback and the request and its
/// tracking follow; a lesson edit makes a new version while the cohort keeps the one it was pinned to, and the
/// feedback shows under the version it was about.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class FollowUpJourneyTests(BrowserFixture fx)
{
    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    private const string Password = "amber-orchard-compass-58";
    private const string Subject = "After Community Narrative: notes and next steps";
    private const string Recording = "https://video.example.org/spring-cohort/session-1";
    private const string Delta = "Give the breakouts ten more minutes";
    private const string NewKeyLesson = "Ask the founders for the story behind the first meeting.";

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory, MemberData(nameof(Providers))]
    public async Task EndSession_NotesMailAttendance_PeerFeedback_LessonVersions(string provider)
    {
        await using var smtp = new TestSmtp();
        var settings = AppProcess.DatabaseSettings(provider);
        foreach (var (k, v) in smtp.Settings)
            settings[k] = v;
        await using var app = await AppProcess.StartAsync(settings);
        await using var facContext = await LiveRoomTests.NewContextAsync(fx, app, 1280);
        await using var patContext = await LiveRoomTests.NewContextAsync(fx, app, 360);
        await using var samContext = await LiveRoomTests.NewContextAsync(fx, app, 1280);
        var fac = await facContext.NewPageAsync();
        var pat = await patContext.NewPageAsync();
        var sam = await samContext.NewPageAsync();
        var problems = PageErrors.Watch([fac, pat, sam]);
        var sessionUrl = await LiveRoomTests.ArrangeCohortWithSessionAsync(
            app,
            fac,
            [(pat, "Pat Participant", "pat@example.org"), (sam, "Sam Second", "sam@example.org")]
        );
        var cohortUrl = Regex.Match(sessionUrl, "^/cohorts/[^/]+").Value;

        // Mail reaches people at confirmed addresses: both participants confirm theirs from the sign-up mail.
        foreach (var (page, address) in new[] { (pat, "pat@example.org"), (sam, "sam@example.org") })
        {
            await page.GotoAsync(LinkIn(await MailAsync(smtp, address, "Confirm your e-mail address")));
            await Assertions.Expect(page.GetByText("confirmed", new() { Exact = false }).First).ToBeVisibleAsync();
        }

        // Both participants copy the first assignment into a project of their own and share it with the cohort.
        await ShareAWorksheetAsync(pat, cohortUrl, "Riverside Makers");
        await ShareAWorksheetAsync(sam, cohortUrl, "Hilltop Coders");

        // The call: the facilitator opens the room, Pat answers the roll call on a phone, Sam never comes.
        await fac.GotoAsync(sessionUrl);
        await fac.GetByRole(AriaRole.Link, new() { Name = "Join the live room" }).ClickAsync();
        await fac.GetByRole(AriaRole.Button, new() { Name = "Open the document now" }).ClickAsync();
        await Assertions.Expect(fac.Locator("#room-conn")).ToHaveTextAsync("Live");
        await pat.GotoAsync(sessionUrl + "/live");
        await Assertions.Expect(pat.Locator("#room-conn")).ToHaveTextAsync("Live");
        var rollCall = LiveRoomTests.Prompt(pat, "Say your name and role");
        await rollCall.GetByLabel("Your answer (optional)").FillAsync("a lighthouse");
        await rollCall.GetByRole(AriaRole.Button, new() { Name = "I'm here" }).ClickAsync();
        await Assertions.Expect(rollCall.GetByText("You're on the roll call.")).ToBeVisibleAsync();

        // Pat gives feedback (with a delta and a rating) before the end.
        await pat.GotoAsync(sessionUrl + "/feedback");
        await pat.GetByLabel("Delta: what should be different next time?").FillAsync(Delta);
        await pat.GetByLabel("4", new() { Exact = true }).CheckAsync();
        await pat.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(pat.GetByRole(AriaRole.Button, new() { Name = "Update feedback" })).ToBeVisibleAsync();

        // The facilitator ends the session from the room: previews the message, edits it, adds the recording.
        await fac.GotoAsync(sessionUrl + "/live");
        await fac.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^End session") }).ClickAsync();
        await Assertions.Expect(fac.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("End of");
        await Assertions.Expect(fac.GetByText("1 of the 3 members missed the session")).ToBeVisibleAsync();
        await fac.GetByLabel("Subject").FillAsync(Subject);
        await fac.GetByLabel(new Regex("^Recording")).FillAsync(Recording);
        await fac.GetByRole(AriaRole.Button, new() { Name = "Update the preview" }).ClickAsync();
        await Assertions.Expect(fac.Locator("#preview-h")).ToBeVisibleAsync();
        await Assertions.Expect(fac.GetByText(Subject).Last).ToBeVisibleAsync();
        await fac.ScreenshotAsync(new() { Path = Shot($"wrap-up-{provider}.png"), FullPage = true });
        await fac.GetByRole(AriaRole.Button, new() { Name = "End session and send" }).ClickAsync();
        await Assertions.Expect(fac.GetByText("Message sent", new() { Exact = false })).ToBeVisibleAsync();

        // Pat reads the published notes on the phone: the roll call answer is there, read-only.
        await pat.GotoAsync(sessionUrl + "/notes");
        await Assertions.Expect(pat.GetByText("a lighthouse")).ToBeVisibleAsync();
        await Assertions.Expect(pat.GetByRole(AriaRole.Button, new() { Name = "I'm here" })).ToHaveCountAsync(0);
        await pat.ScreenshotAsync(new() { Path = Shot($"notes-phone-{provider}.png"), FullPage = true });

        // Everyone gets the message; the one who missed the session is pointed to the recording.
        var patMail = await MailAsync(smtp, "pat@example.org", Subject);
        var samMail = await MailAsync(smtp, "sam@example.org", Subject);
        Assert.Contains("/feedback", patMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/notes", patMail.TextBody, StringComparison.Ordinal);
        Assert.Contains(Recording, samMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("missed", samMail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("missed", patMail.TextBody, StringComparison.OrdinalIgnoreCase);

        // The overview: Pat present, Sam absent, and the same in its CSV.
        await fac.GotoAsync("/");
        await fac.GetByRole(AriaRole.Link, new() { Name = "Overview of Spring cohort" }).ClickAsync();
        var matrix = fac.Locator("table#attendance");
        await Assertions
            .Expect(matrix.Locator("tr", new() { HasText = "Pat Participant" }).Locator("td.present"))
            .ToHaveCountAsync(1);
        await Assertions
            .Expect(matrix.Locator("tr", new() { HasText = "Sam Second" }).Locator("td.absent"))
            .ToHaveCountAsync(1);
        await fac.ScreenshotAsync(new() { Path = Shot($"overview-{provider}.png"), FullPage = true });
        var download = await fac.RunAndWaitForDownloadAsync(() =>
            fac.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync()
        );
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Matches("Pat Participant[^\n]*present", csv);
        Assert.Matches("Sam Second[^\n]*absent", csv);

        // On a phone without JavaScript, the facilitator corrects Sam's attendance: Sam joined by phone.
        await using var plain = await fx.Browser.NewContextAsync(
            new()
            {
                BaseURL = app.BaseUrl,
                JavaScriptEnabled = false,
                ViewportSize = new() { Width = 360, Height = 800 },
            }
        );
        plain.SetDefaultTimeout(10_000);
        var noJs = await plain.NewPageAsync();
        await noJs.GotoAsync("/account/signin");
        await noJs.GetByLabel("E-mail").FillAsync("femi@example.org");
        await noJs.GetByLabel("Password").FillAsync(Password);
        await noJs.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await noJs.GotoAsync(sessionUrl + "/attendance");
        await noJs.GetByLabel("Mark Sam Second").SelectOptionAsync("present");
        var samForm = noJs.Locator("form", new() { Has = noJs.GetByLabel("Mark Sam Second") });
        await samForm.GetByLabel("Note (optional)").FillAsync("joined by phone");
        await samForm.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Save") }).ClickAsync();
        await Assertions.Expect(noJs.GetByText("Corrected by Femi Facilitator: “joined by phone”")).ToBeVisibleAsync();
        await Assertions
            .Expect(noJs.Locator("tr", new() { HasText = "Pat Participant" }).Locator("td[data-label='Roll call']"))
            .ToHaveTextAsync(new Regex(@"^\s*Answered \d\d:\d\d\s*$"));
        await noJs.ScreenshotAsync(new() { Path = Shot($"attendance-nojs-phone-{provider}.png"), FullPage = true });
        await noJs.GotoAsync(cohortUrl + "/overview");
        await Assertions
            .Expect(noJs.Locator("table#attendance tr", new() { HasText = "Sam Second" }).Locator("td.present"))
            .ToHaveCountAsync(1);
        await noJs.ScreenshotAsync(new() { Path = Shot($"overview-nojs-phone-{provider}.png"), FullPage = true });

        // Peer feedback: the facilitator pairs the two shared worksheets at random; Pat is asked and comments.
        await fac.GotoAsync(cohortUrl + "/peer-feedback");
        await fac.GetByRole(AriaRole.Link, new() { Name = "Arrange a round" }).ClickAsync();
        await fac.GetByLabel("Assignment")
            .SelectOptionAsync(new SelectOptionValue { Label = "Community background (2 shared here)" });
        await fac.GetByRole(AriaRole.Button, new() { Name = "Show the shared worksheets" }).ClickAsync();
        await fac.GetByRole(AriaRole.Button, new() { Name = "Arrange the round and send the requests" }).ClickAsync();
        await Assertions.Expect(fac.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Peer");
        var roundUrl = new Uri(fac.Url).AbsolutePath;
        await Assertions
            .Expect(fac.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("Not yet") }))
            .ToHaveCountAsync(2);

        var request = await MailAsync(smtp, "pat@example.org", "feedback");
        Assert.Contains("Hilltop Coders", request.TextBody, StringComparison.Ordinal);
        await pat.GotoAsync(cohortUrl + "/peer-feedback");
        await pat.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Comment") }).First.ClickAsync();
        await pat.GetByLabel("Your comment").FillAsync("The founding story is vivid; add the year it began.");
        await pat.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(pat.GetByText("add the year it began")).ToBeVisibleAsync();

        await fac.GotoAsync(roundUrl);
        var patRow = fac.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("Pat Participant") });
        await Assertions.Expect(patRow).ToContainTextAsync("Given");
        await fac.ScreenshotAsync(new() { Path = Shot($"peer-round-{provider}.png"), FullPage = true });
        await Assertions
            .Expect(fac.GetByText("Feedback given on 1 of 2 requests", new() { Exact = false }))
            .ToBeVisibleAsync();

        // A lesson edit makes version 2; the cohort keeps teaching version 1; Pat's delta shows under version 1.
        await fac.GotoAsync("/curricula/foundations/lessons/community-narrative/edit");
        var source = await fac.GetByLabel(new Regex("^Lesson file")).InputValueAsync();
        var edited = source.Replace("key_lessons:\n", $"key_lessons:\n  - {NewKeyLesson}\n", StringComparison.Ordinal);
        Assert.NotEqual(source, edited);
        await fac.GetByLabel(new Regex("^Lesson file")).FillAsync(edited);
        await fac.GetByLabel(new Regex("^What changed and why")).FillAsync("Answers the wish for founders' stories");
        await fac.GetByRole(AriaRole.Button, new() { Name = "Save lesson" }).ClickAsync();
        await fac.GotoAsync("/curricula/foundations/lessons/community-narrative/versions/diff?from=1&to=2");
        await Assertions.Expect(fac.Locator("ins", new() { HasText = NewKeyLesson })).ToHaveCountAsync(1);
        await fac.ScreenshotAsync(new() { Path = Shot($"lesson-diff-{provider}.png"), FullPage = true });
        await fac.GotoAsync("/curricula/foundations/lessons/community-narrative/versions");
        await Assertions
            .Expect(fac.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("Answers the wish for founders") }))
            .ToHaveCountAsync(1);

        await pat.GotoAsync(cohortUrl + "/peer-feedback");
        await pat.ScreenshotAsync(new() { Path = Shot($"peer-requests-phone-{provider}.png"), FullPage = true });
        await pat.GotoAsync(cohortUrl + "/lessons/community-narrative");
        await Assertions.Expect(pat.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Community");
        await Assertions.Expect(pat.GetByText(NewKeyLesson)).ToHaveCountAsync(0);

        await fac.GotoAsync("/curricula/foundations/lessons/community-narrative#feedback");
        var v1 = fac.Locator("section, article, details", new() { HasText = Delta }).Last;
        await Assertions.Expect(v1).ToContainTextAsync("ersion 1");
        await fac.ScreenshotAsync(new() { Path = Shot($"lesson-feedback-{provider}.png"), FullPage = true });
        // The same facilitator on a phone without JavaScript: the cohort sees a newer version and can move to it.
        await noJs.GotoAsync(cohortUrl + "/lessons/community-narrative/version");
        await Assertions.Expect(noJs.Locator("ins", new() { HasText = NewKeyLesson })).ToHaveCountAsync(1);
        await noJs.ScreenshotAsync(new() { Path = Shot($"cohort-version-nojs-phone-{provider}.png"), FullPage = true });
        foreach (
            var (url, name) in new[]
            {
                (sessionUrl + "/wrap-up", "wrap-up-sent"),
                (cohortUrl + "/peer-feedback/new", "peer-new"),
                ("/overview", "overview-all"),
                ("/curricula/foundations/lessons/community-narrative/versions", "versions"),
            }
        )
        {
            var response = await noJs.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await noJs.ScreenshotAsync(new() { Path = Shot($"{name}-nojs-phone-{provider}.png"), FullPage = true });
        }
        Assert.Empty(problems);
    }

    private static async Task ShareAWorksheetAsync(IPage page, string cohortUrl, string project)
    {
        await page.GotoAsync(cohortUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Open projects and worksheets" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a project" }).ClickAsync();
        await page.GetByLabel("Project name").FillAsync(project);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a copy of Community background" }).ClickAsync();
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Community background", Level = 1 }))
            .ToBeVisibleAsync();
        await page.GotoAsync(new Uri(page.Url).AbsolutePath + "/sharing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Share with the cohort" }).ClickAsync();
        await Assertions
            .Expect(page.GetByRole(AriaRole.Button, new() { Name = "Make it private again" }))
            .ToBeVisibleAsync();
    }

    private static async Task<MimeMessage> MailAsync(TestSmtp smtp, string to, string subjectPart) =>
        await smtp.WaitForAsync(m =>
            m.To.Mailboxes.Any(b => b.Address == to)
            && m.Subject?.Contains(subjectPart, StringComparison.OrdinalIgnoreCase) == true
        );

    private static string LinkIn(MimeMessage mail) =>
        Link()
            .Matches(mail.TextBody ?? "")
            .Select(m => m.Value)
            .First(u => !u.Contains("/messages/", StringComparison.Ordinal));

    private static string Shot(string name) => Path.Combine(Path.GetTempPath(), "kindling-shots", name);
}
