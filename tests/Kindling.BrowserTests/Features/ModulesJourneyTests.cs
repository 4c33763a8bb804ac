using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// The further modules, taught and used: a facilitator schedules the conflict-management session with its slides and
/// runs it (the scenario is there in the breakout, the slides beside the talk); a participant makes a copy of its
/// response-process worksheet, fills it and finds it in the compiled charter, then fills the impact worksheet and
/// downloads the impact report; the same pages on a phone without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ModulesJourneyTests(BrowserFixture fx) : IAsyncLifetime
{
    private const string Slides = "https://slides.example.org/conflict-module";
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ConflictSession_ScenarioInBreakout_ResponseProcessInCharter_ImpactReportDownloaded()
    {
        await using var facContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        await using var parContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        var fac = await facContext.NewPageAsync();
        var par = await parContext.NewPageAsync();
        var problems = PageErrors.Watch([fac, par]);
        var firstSession = await LiveRoomTests.ArrangeCohortWithSessionAsync(
            _app,
            fac,
            [(par, "Pat Participant", "pat@example.org")]
        );
        var cohortUrl = Regex.Match(firstSession, "^/cohorts/[^/]+").Value;

        // The facilitator schedules module 8 with the cohort's own slides.
        await fac.GotoAsync(cohortUrl);
        await fac.GetByRole(AriaRole.Link, new() { Name = "Schedule a session" }).ClickAsync();
        await fac.GetByLabel("Lesson", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "8. Conflict Management and Difficult Situations" });
        await fac.GetByLabel("Date")
            .FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await fac.GetByLabel(new Regex("^Start time")).FillAsync("15:00");
        await fac.GetByLabel(new Regex("^Slides link")).FillAsync(Slides);
        await fac.GetByRole(AriaRole.Button, new() { Name = "Schedule session" }).ClickAsync();
        await Assertions.Expect(fac.GetByText("Session scheduled.")).ToBeVisibleAsync();
        await fac.GotoAsync(cohortUrl);
        await fac.GetByRole(AriaRole.Link, new() { Name = "Conflict Management and Difficult Situations" })
            .First.ClickAsync();
        var sessionUrl = new Uri(fac.Url).AbsolutePath;
        await Assertions.Expect(fac.Locator("#session-slides")).ToHaveAttributeAsync("href", Slides);
        await Assertions.Expect(fac.Locator("table.agenda")).ToContainTextAsync("Share your insights");

        // Run it: the document opens, the participant finds the slides by the talk and the scenarios in the breakout.
        await fac.GetByRole(AriaRole.Link, new() { Name = "Join the live room" }).ClickAsync();
        await fac.GetByRole(AriaRole.Button, new() { Name = "Open the document now" }).ClickAsync();
        await Assertions.Expect(fac.Locator("#room-conn")).ToHaveTextAsync("Live");
        await par.GotoAsync(sessionUrl + "/live");
        await Assertions.Expect(par.Locator("#room-conn")).ToHaveTextAsync("Live");
        var talk = par.Locator("section.activity:has(h2:has-text('Conflict, codes of conduct'))");
        await Assertions
            .Expect(talk.GetByRole(AriaRole.Link, new() { Name = "Open the slides" }))
            .ToHaveAttributeAsync("href", Slides);
        var breakout = par.Locator("section.activity:has(h2:has-text('Working through a scenario'))");
        await Assertions.Expect(breakout).ToContainTextAsync("Scenario A — The review thread.");
        await Assertions.Expect(breakout).ToContainTextAsync("Scenario B");
        var scenarioA = breakout.Locator("article.prompt", new() { HasText = "Scenario A" });
        await scenarioA
            .GetByLabel(new Regex("^Your (answer|response)"))
            .First.FillAsync("Talk to Amara first; ask what she wants.");
        await scenarioA
            .GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Add|Post|Send)") })
            .First.ClickAsync();
        await Assertions
            .Expect(fac.Locator("article.prompt", new() { HasText = "Scenario A" }))
            .ToContainTextAsync("Talk to Amara first");
        await par.ScreenshotAsync(new() { Path = Shot("modules-room-breakout.png"), FullPage = true });

        // The participant's project: a copy of the response process, filled and saved, compiled into the charter.
        await par.GotoAsync(cohortUrl);
        await par.GetByRole(AriaRole.Link, new() { Name = "Open projects and worksheets" }).ClickAsync();
        await par.GetByRole(AriaRole.Link, new() { Name = "Start a project" }).ClickAsync();
        await par.GetByLabel("Project name").FillAsync("Lumen mapping library");
        await par.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        var projectUrl = new Uri(par.Url).AbsolutePath;
        await par.GetByRole(AriaRole.Button, new() { Name = "Make a copy of Response process" }).ClickAsync();
        await par.GetByLabel("How someone can report a concern")
            .FillAsync("Write to conduct@lumen.example.org; two stewards read it within two days.");
        await par.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).First.ClickAsync();
        await Assertions.Expect(par.GetByText("Saved as version 2.")).ToBeVisibleAsync();
        await par.GotoAsync(projectUrl + "/charter");
        var concerns = par.Locator(
            ".charter-section",
            new() { Has = par.GetByRole(AriaRole.Heading, new() { Name = "Responding to concerns" }) }
        );
        await Assertions.Expect(concerns).ToContainTextAsync("two stewards read it within two days");
        // It has a section of its own, right after the code of conduct, not a "More from" leftover.
        await Assertions
            .Expect(par.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^More from ‘Response process’") }))
            .ToHaveCountAsync(0);
        var titles = await par.Locator(".charter-section h2").AllTextContentsAsync();
        var names = titles.Select(t => t.Trim()).ToList();
        Assert.Equal(names.IndexOf("Code of conduct") + 1, names.IndexOf("Responding to concerns"));

        // The impact worksheet: one indicator, saved and labelled as a review; then the report and its downloads.
        await par.GotoAsync(projectUrl);
        await par.GetByRole(AriaRole.Button, new() { Name = "Make a copy of Impact indicators" }).ClickAsync();
        var first = par.Locator(
            "fieldset",
            new() { Has = par.Locator("legend", new() { HasTextRegex = new Regex("^Indicator 1") }) }
        );
        await first.GetByLabel("Indicator: what you will count or collect").FillAsync("Newcomers who post twice");
        await first.GetByLabel("By when: the horizon of the success it serves").SelectOptionAsync("12");
        await first.GetByLabel("Target").FillAsync("20 a quarter");
        await first.GetByLabel("Current value").FillAsync("7");
        await first.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "On track" });
        await par.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).First.ClickAsync();
        await Assertions.Expect(par.GetByText("Saved as version 2.")).ToBeVisibleAsync();
        await par.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("impact report", RegexOptions.IgnoreCase) })
            .First.ClickAsync();
        await Assertions
            .Expect(par.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToContainTextAsync(new Regex("impact report", RegexOptions.IgnoreCase));
        await Assertions.Expect(par.Locator("main")).ToContainTextAsync("Newcomers who post twice");
        var md = await par.RunAndWaitForDownloadAsync(() =>
            par.GetByRole(AriaRole.Link, new() { Name = "Download Markdown (.md)" }).ClickAsync()
        );
        Assert.Contains("Newcomers who post twice", await File.ReadAllTextAsync((await md.PathAsync())!));
        var pdf = await par.RunAndWaitForDownloadAsync(() =>
            par.GetByRole(AriaRole.Link, new() { Name = "Download PDF (.pdf)" }).ClickAsync()
        );
        var bytes = await File.ReadAllBytesAsync((await pdf.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var reportUrl = new Uri(par.Url).AbsolutePath;

        // On a phone without JavaScript: the room's breakout, the charter and the report read without scrolling sideways.
        await using var phone = await fx.Browser.NewContextAsync(
            new()
            {
                BaseURL = _app.BaseUrl,
                JavaScriptEnabled = false,
                ViewportSize = new() { Width = 360, Height = 800 },
            }
        );
        phone.SetDefaultTimeout(10_000);
        var mobile = await phone.NewPageAsync();
        await mobile.GotoAsync("/account/signin");
        await mobile.GetByLabel("E-mail").FillAsync("pat@example.org");
        await mobile.GetByLabel("Password").FillAsync("amber-orchard-compass-58");
        await mobile.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(mobile.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        foreach (
            var (url, name) in new[]
            {
                (sessionUrl + "/live", "room"),
                (projectUrl + "/charter", "charter"),
                (reportUrl, "impact"),
            }
        )
        {
            await mobile.GotoAsync(url);
            await mobile.ScreenshotAsync(new() { Path = Shot($"modules-{name}-360-nojs.png"), FullPage = true });
            var overflow = await mobile.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{name} scrolls sideways by {overflow} px on a phone");
        }
        await Assertions.Expect(mobile.Locator("main")).ToContainTextAsync("Newcomers who post twice");
        await mobile.GotoAsync(sessionUrl + "/live");
        await Assertions
            .Expect(mobile.Locator("section.activity:has(h2:has-text('Working through a scenario'))"))
            .ToContainTextAsync("Scenario A — The review thread.");
        Assert.Empty(problems);
    }

    private static string Shot(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "kindling-shots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
