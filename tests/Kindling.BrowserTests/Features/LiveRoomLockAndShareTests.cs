using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// The second session's room with its scripts running: the "share your insights" slot lists the worksheets shared with
/// the cohort, and one shared while the room is open appears there at once; locking the document takes every form
/// away (answers, questions, the facilitator's tools) and unlocking brings them back; signing out closes the room.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LiveRoomLockAndShareTests(BrowserFixture fx) : IAsyncLifetime
{
    private const string SharePrompt = "Share your worksheet for";
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LiveRoom_ShareSlotListsSharedWorksheetsLive_LockHidesEveryFormUntilUnlocked()
    {
        await using var facContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        await using var parContext = await LiveRoomTests.NewContextAsync(fx, _app, 360);
        var fac = await facContext.NewPageAsync();
        var par = await parContext.NewPageAsync();
        var problems = PageErrors.Watch([fac, par]);
        var firstSession = await LiveRoomTests.ArrangeCohortWithSessionAsync(
            _app,
            fac,
            [(par, "Pat Participant", "pat@example.org")]
        );
        var cohortUrl = Regex.Match(firstSession, "^/cohorts/[^/]+").Value;

        // The next session (the form suggests the next lesson): its room starts with the "share your insights" slot.
        await fac.GotoAsync(cohortUrl);
        await fac.GetByRole(AriaRole.Link, new() { Name = "Schedule a session" }).ClickAsync();
        await fac.GetByLabel("Date")
            .FillAsync(
                DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            );
        await fac.GetByLabel(new Regex("^Start time")).FillAsync("15:00");
        await fac.GetByRole(AriaRole.Button, new() { Name = "Schedule session" }).ClickAsync();
        await Assertions.Expect(fac.GetByText("Session scheduled.")).ToBeVisibleAsync();
        var roomUrl = new Uri(fac.Url).AbsolutePath + "/live";

        // Pat starts a project and makes a copy of the last assignment, still private.
        await par.GotoAsync(cohortUrl);
        await par.GetByRole(AriaRole.Link, new() { Name = "Open projects and worksheets" }).ClickAsync();
        await par.GetByRole(AriaRole.Link, new() { Name = "Start a project" }).ClickAsync();
        await par.GetByLabel("Project name").FillAsync("Riverside Makers");
        await par.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await par.GetByRole(AriaRole.Button, new() { Name = "Make a copy of Community background" }).ClickAsync();
        await Assertions
            .Expect(par.GetByRole(AriaRole.Heading, new() { Name = "Community background", Level = 1 }))
            .ToBeVisibleAsync();
        var worksheetUrl = new Uri(par.Url).AbsolutePath;

        await fac.GotoAsync(roomUrl);
        await fac.GetByRole(AriaRole.Button, new() { Name = "Open the document now" }).ClickAsync();
        await Assertions.Expect(fac.Locator("#room-conn")).ToHaveTextAsync("Live");
        await par.GotoAsync(roomUrl);
        await Assertions.Expect(par.Locator("#room-conn")).ToHaveTextAsync("Live");
        var parSlot = LiveRoomTests.Prompt(par, SharePrompt).Locator(".shared-worksheets");
        await Assertions.Expect(parSlot).ToContainTextAsync("None yet.");

        // Shared from another tab while both rooms are open: it is listed in both at once, and after a reload.
        var tab = await parContext.NewPageAsync();
        await tab.GotoAsync(worksheetUrl + "/sharing");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Share with the cohort" }).ClickAsync();
        await Assertions
            .Expect(tab.GetByText("Shared: everyone in the cohort can now read this worksheet"))
            .ToBeVisibleAsync();
        await tab.CloseAsync();
        var listed = parSlot.GetByRole(AriaRole.Link, new() { Name = "Community background" });
        await Assertions.Expect(listed).ToHaveAttributeAsync("href", worksheetUrl);
        await Assertions.Expect(parSlot).ToContainTextAsync("— Riverside Makers");
        await Assertions
            .Expect(
                LiveRoomTests.Prompt(fac, SharePrompt).GetByRole(AriaRole.Link, new() { Name = "Community background" })
            )
            .ToBeVisibleAsync();
        await par.ReloadAsync();
        await Assertions.Expect(par.Locator("#room-conn")).ToHaveTextAsync("Live");
        await Assertions.Expect(listed).ToBeVisibleAsync();
        await par.ScreenshotAsync(
            new() { Path = Path.Combine(Path.GetTempPath(), "kindling-room-share-360.png"), FullPage = true }
        );

        // Pat asks a question; the facilitator could answer it.
        var parQa = par.Locator("#room-qa");
        await parQa.GetByLabel("Ask a question").FillAsync("Can we see each other's worksheets?");
        await parQa.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        var facQuestion = fac.Locator(
            "#room-qa li.question",
            new() { HasText = "Can we see each other's worksheets?" }
        );
        await Assertions.Expect(facQuestion.GetByLabel("Answer note")).ToBeVisibleAsync();
        await Assertions.Expect(par.GetByLabel("Your response").First).ToBeVisibleAsync();

        // Locked: no form anywhere, for either of them; the notice says why.
        await fac.GetByRole(AriaRole.Button, new() { Name = "Lock the document" }).ClickAsync();
        await Assertions.Expect(par.Locator("#room-locked")).ToBeVisibleAsync();
        await Assertions.Expect(parQa.GetByLabel("Ask a question")).ToBeHiddenAsync();
        await Assertions
            .Expect(parQa.GetByText("The document is locked, so questions and votes are closed for now."))
            .ToBeVisibleAsync();
        await Assertions.Expect(par.GetByLabel("Your response")).ToHaveCountAsync(0);
        await Assertions.Expect(par.GetByLabel("Your answer (optional)")).ToHaveCountAsync(0);
        await Assertions.Expect(facQuestion.GetByLabel("Answer note")).ToHaveCountAsync(0);
        await Assertions.Expect(fac.Locator("#room-qa").GetByLabel("Ask a question")).ToBeHiddenAsync();
        await Assertions.Expect(fac.GetByLabel("New prompt")).ToBeHiddenAsync();
        await Assertions.Expect(fac.GetByRole(AriaRole.Button, new() { Name = "Start timer" })).ToBeHiddenAsync();
        await Assertions.Expect(fac.GetByRole(AriaRole.Button, new() { Name = "Start breakouts" })).ToHaveCountAsync(0);
        await Assertions.Expect(fac.Locator(".section-tools")).ToHaveCountAsync(0);
        await Assertions.Expect(listed).ToBeVisibleAsync(); // reading goes on
        await par.ScreenshotAsync(
            new() { Path = Path.Combine(Path.GetTempPath(), "kindling-room-locked-360.png"), FullPage = true }
        );
        await fac.ScreenshotAsync(
            new() { Path = Path.Combine(Path.GetTempPath(), "kindling-room-locked-1280.png"), FullPage = true }
        );

        // Unlocked: everything is back.
        await fac.GetByRole(AriaRole.Button, new() { Name = "Unlock the document" }).ClickAsync();
        await Assertions.Expect(parQa.GetByLabel("Ask a question")).ToBeVisibleAsync();
        await Assertions.Expect(par.Locator("#room-locked")).ToBeHiddenAsync();
        await Assertions.Expect(par.GetByLabel("Your response").First).ToBeVisibleAsync();
        await Assertions.Expect(facQuestion.GetByLabel("Answer note")).ToBeVisibleAsync();
        await Assertions.Expect(fac.GetByLabel("New prompt")).ToBeVisibleAsync();
        await Assertions.Expect(fac.GetByRole(AriaRole.Button, new() { Name = "Start timer" })).ToBeVisibleAsync();
        await parQa.GetByLabel("Ask a question").FillAsync("And after unlocking?");
        await parQa.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Assertions
            .Expect(fac.Locator("#room-qa li.question", new() { HasText = "And after unlocking?" }))
            .ToBeVisibleAsync();

        var overflow = await par.EvaluateAsync<int>(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        );
        Assert.Equal(0, overflow);
        lock (problems)
            Assert.Empty(problems);

        // Signing out in another tab closes the room, which says so instead of trying again and again.
        var other = await parContext.NewPageAsync();
        await other.GotoAsync("/");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions
            .Expect(par.Locator("#room-conn"))
            .ToHaveTextAsync("You are signed out. Sign in again to rejoin the room.", new() { Timeout = 30_000 });
    }
}
