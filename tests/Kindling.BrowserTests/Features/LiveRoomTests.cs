using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// The live session room in two real browsers: a facilitator on a laptop and a participant on a 360-px-wide phone.
/// Runs its own Kindling process (the one-time set-up link of the shared one belongs to the foundation journey).
/// </summary>
[Collection(BrowserCollection.Name)]
public class LiveRoomTests(BrowserFixture fx) : IAsyncLifetime
{
    private const string Password = "amber-orchard-compass-58";
    private const string RollCallPrompt = "Say your name and role";
    internal const string IcebreakerPrompt = "Think of a community you admire";
    private const string IcebreakerPrompt2 = "Have you managed to bring that quality";
    private const string SilentPrompt = "How did your community begin";
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LiveRoom_FacilitatorAndParticipant_SeeRollCallResponsesRevealAndTimerTogether()
    {
        await using var facContext = await NewContextAsync(1280);
        await using var parContext = await NewContextAsync(360);
        var fac = await facContext.NewPageAsync();
        var par = await parContext.NewPageAsync();
        // (Requests the test itself aborts to drop the connection fail with net::ERR_FAILED; anything else counts.)
        var problems = PageErrors.Watch([fac, par], text => text.Contains("net::ERR_FAILED"));
        var sessionUrl = await ArrangeCohortWithSessionAsync(_app, fac, [(par, "Pat Participant", "pat@example.org")]);

        // The participant's connection to the hub goes through a switch the test can pull (see "A dropped connection").
        var networkDown = false;
        IWebSocketRoute? hub = null;
        await par.RouteAsync(
            new Regex("/hubs/session"),
            route => networkDown ? route.AbortAsync() : route.ContinueAsync()
        );
        await par.RouteWebSocketAsync(
            new Regex("/hubs/session"),
            ws =>
            {
                if (networkDown)
                {
                    _ = ws.CloseAsync(new() { Code = 4000, Reason = "network lost" });
                    return;
                }
                hub = ws;
                ws.ConnectToServer();
            }
        );

        // The facilitator opens the room before the session: the document is not open yet, so they open it now.
        await fac.GotoAsync(sessionUrl);
        await fac.GetByRole(AriaRole.Link, new() { Name = "Join the live room" }).ClickAsync();
        await Assertions.Expect(fac.GetByText("This session's document is not open yet.")).ToBeVisibleAsync();
        await fac.GetByRole(AriaRole.Button, new() { Name = "Open the document now" }).ClickAsync();
        await Assertions.Expect(Prompt(fac, RollCallPrompt)).ToBeVisibleAsync();
        await Assertions.Expect(fac.Locator("#room-conn")).ToHaveTextAsync("Live");
        await Assertions.Expect(fac.GetByRole(AriaRole.Heading, new() { Name = "Run of show" })).ToBeVisibleAsync();

        // The participant, on a phone, reads the server-rendered document and connects.
        await par.GotoAsync(sessionUrl);
        await par.GetByRole(AriaRole.Link, new() { Name = "Join the live room" }).ClickAsync();
        await Assertions.Expect(Prompt(par, RollCallPrompt)).ToBeVisibleAsync();
        await Assertions.Expect(par.Locator("#room-conn")).ToHaveTextAsync("Live");
        await Assertions.Expect(par.GetByRole(AriaRole.Heading, new() { Name = "Run of show" })).ToHaveCountAsync(0);
        await Assertions.Expect(par.Locator("#room-presence")).ToContainTextAsync("Femi Facilitator");
        await Assertions.Expect(fac.Locator("#room-presence")).ToContainTextAsync("Pat Participant");

        // Roll call in one click (with an optional answer): the facilitator sees it arrive.
        var rollCall = Prompt(par, RollCallPrompt);
        await rollCall.GetByLabel("Your answer (optional)").FillAsync("a campfire 🔥");
        await rollCall.GetByRole(AriaRole.Button, new() { Name = "I'm here" }).ClickAsync();
        await Assertions.Expect(rollCall.GetByText("You're on the roll call.")).ToBeVisibleAsync();
        await Assertions.Expect(rollCall.GetByRole(AriaRole.Button, new() { Name = "I'm here" })).ToBeHiddenAsync();
        await Assertions.Expect(Prompt(fac, RollCallPrompt).Locator(".response")).ToContainTextAsync("a campfire 🔥");
        await Assertions
            .Expect(Prompt(fac, RollCallPrompt).Locator(".response .who"))
            .ToContainTextAsync("Pat Participant");

        // A response appears live in the other browser; editing and deleting it too.
        await AnswerAsync(par, IcebreakerPrompt, "The way newcomers are greeted by name");
        await Assertions
            .Expect(Prompt(fac, IcebreakerPrompt).GetByText("The way newcomers are greeted by name"))
            .ToBeVisibleAsync();
        var mine = Prompt(par, IcebreakerPrompt).Locator(".response.mine");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await mine.GetByLabel("Edit your response").FillAsync("Newcomers are greeted warmly, by name");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions
            .Expect(Prompt(fac, IcebreakerPrompt).GetByText("Newcomers are greeted warmly, by name"))
            .ToBeVisibleAsync();
        await Assertions
            .Expect(Prompt(fac, IcebreakerPrompt).GetByText("The way newcomers are greeted by name"))
            .ToHaveCountAsync(0);
        await mine.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(Prompt(fac, IcebreakerPrompt).Locator(".response")).ToHaveCountAsync(0);

        // The server's reason for refusing a change is shown next to the form.
        await Prompt(par, IcebreakerPrompt).GetByLabel("Your response").FillAsync("   ");
        await Prompt(par, IcebreakerPrompt).GetByRole(AriaRole.Button, new() { Name = "Add response" }).ClickAsync();
        await Assertions
            .Expect(Prompt(par, IcebreakerPrompt).GetByRole(AriaRole.Alert))
            .ToHaveTextAsync("Write something before sending.");

        // Silent round: the participant's note stays theirs until the facilitator reveals it.
        await Assertions
            .Expect(Prompt(par, SilentPrompt).GetByText("Silent round — others can't see your notes"))
            .ToBeVisibleAsync();
        await AnswerAsync(par, SilentPrompt, "It began at a kitchen table");
        await Assertions.Expect(Prompt(par, SilentPrompt).GetByText("It began at a kitchen table")).ToBeVisibleAsync();
        // A later, public response reaching the facilitator shows that everything before it has arrived too.
        // (This one by keyboard only: type, Tab past the anonymous box to the button, Enter.)
        await Prompt(par, IcebreakerPrompt2)
            .GetByLabel("Your response")
            .FillAsync("Partly: we copied their weekly calls");
        await par.Keyboard.PressAsync("Tab");
        await par.Keyboard.PressAsync("Tab");
        await Assertions
            .Expect(Prompt(par, IcebreakerPrompt2).GetByRole(AriaRole.Button, new() { Name = "Add response" }))
            .ToBeFocusedAsync();
        await par.Keyboard.PressAsync("Enter");
        await Assertions
            .Expect(Prompt(fac, IcebreakerPrompt2).GetByText("Partly: we copied their weekly calls"))
            .ToBeVisibleAsync();
        await Assertions.Expect(Prompt(fac, SilentPrompt).GetByText("It began at a kitchen table")).ToHaveCountAsync(0);
        // The facilitator's own silent note can't be hidden or pinned before the reveal (nobody else can see it yet).
        await AnswerAsync(fac, SilentPrompt, "Notes from the host");
        var hostNote = Prompt(fac, SilentPrompt).Locator(".response", new() { HasText = "Notes from the host" });
        await Assertions.Expect(hostNote).ToBeVisibleAsync();
        await Assertions.Expect(hostNote.GetByRole(AriaRole.Button, new() { Name = "Hide" })).ToHaveCountAsync(0);
        await Prompt(fac, SilentPrompt).GetByRole(AriaRole.Button, new() { Name = "Reveal responses" }).ClickAsync();
        await Assertions.Expect(Prompt(fac, SilentPrompt).GetByText("It began at a kitchen table")).ToBeVisibleAsync();
        await Assertions
            .Expect(
                Prompt(fac, SilentPrompt)
                    .Locator(".response", new() { HasText = "It began at a kitchen table" })
                    .GetByRole(AriaRole.Button, new() { Name = "Hide" })
            )
            .ToBeVisibleAsync();
        await Assertions.Expect(hostNote.GetByRole(AriaRole.Button, new() { Name = "Pin" })).ToBeVisibleAsync();
        await Assertions
            .Expect(Prompt(par, SilentPrompt).GetByText("Silent round — others can't see your notes"))
            .ToHaveCountAsync(0);

        // The shared timer: started by the facilitator, both read the same remaining time.
        await fac.GetByRole(AriaRole.Button, new() { Name = "Start timer" }).ClickAsync();
        await Assertions.Expect(par.Locator("#room-timer-state")).ToHaveTextAsync("Running");
        await Assertions.Expect(fac.Locator("#room-timer-state")).ToHaveTextAsync("Running");
        var facSeconds = Seconds(await fac.Locator("#room-clock").TextContentAsync());
        var parSeconds = Seconds(await par.Locator("#room-clock").TextContentAsync());
        Assert.InRange(facSeconds, 4 * 60, 5 * 60);
        Assert.InRange(Math.Abs(facSeconds - parSeconds), 0, 1);

        // Moving on to the presentation (which may be recorded in this session) shows the recording indicator.
        await Assertions.Expect(par.GetByText("● Recording may be on")).ToBeHiddenAsync();
        await fac.GetByRole(AriaRole.Button, new() { Name = "Next activity" }).ClickAsync();
        // "Next" goes one past the activity this browser last heard of: a second click before the first move came back
        // would ask for the same one again (failed once on a busy machine), so wait for it as a person would.
        await Assertions.Expect(fac.Locator("#room-timer-activity")).ToHaveTextAsync("A quality worth copying");
        await fac.GetByRole(AriaRole.Button, new() { Name = "Next activity" }).ClickAsync();
        await Assertions
            .Expect(par.Locator("#room-timer-activity"))
            .ToHaveTextAsync("Communities and communities of practice");
        await Assertions.Expect(par.GetByText("● Recording may be on")).ToBeVisibleAsync();

        // On the phone the countdown stays in sight far down the document, and the activity's name leads back to it,
        // with its heading below the status bar rather than under it.
        await par.Locator("section.activity").Last.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(par.Locator("#room-clock")).ToBeInViewportAsync();
        var presentation = par.Locator(
            "section.activity",
            new() { Has = par.GetByRole(AriaRole.Heading, new() { Name = "Communities and communities of practice" }) }
        );
        await Assertions.Expect(presentation).Not.ToBeInViewportAsync();
        await par.Locator("#room-timer-activity").ClickAsync();
        await Assertions.Expect(presentation.Locator("h2")).ToBeInViewportAsync();
        var bar = await par.Locator(".room-bar").BoundingBoxAsync();
        var heading = await presentation.Locator("h2").BoundingBoxAsync();
        Assert.True(
            heading!.Y >= bar!.Y + bar.Height,
            $"the activity heading (top {heading.Y}) is under the status bar (bottom {bar.Y + bar.Height})"
        );

        // Q&A and breakouts come from another part of the server: either they work or they say they are not available.
        await Assertions
            .Expect(par.Locator("#room-qa"))
            .ToContainTextAsync(new Regex("Ask a question|not available in this room yet"));
        await Assertions
            .Expect(par.Locator("#room-breakouts"))
            .ToContainTextAsync(
                new Regex("No breakout groups right now|groups are running|not available in this room yet")
            );
        await Assertions
            .Expect(par.GetByRole(AriaRole.Link, new() { Name = "Give feedback on this session" }))
            .ToHaveAttributeAsync("href", sessionUrl + "/feedback");

        // A dropped connection: the participant's text waits and goes out once (same key) after re-joining "since N",
        // and what happened meanwhile arrives.
        networkDown = true;
        await hub!.CloseAsync(new() { Code = 4000, Reason = "network lost" });
        await Assertions.Expect(par.Locator("#room-conn")).ToHaveTextAsync("Offline — your unsent text is kept");
        await Prompt(par, IcebreakerPrompt).GetByLabel("Your response").FillAsync("Written on the train");
        await Prompt(par, IcebreakerPrompt).GetByRole(AriaRole.Button, new() { Name = "Add response" }).ClickAsync();
        await Assertions
            .Expect(Prompt(par, IcebreakerPrompt).GetByRole(AriaRole.Alert))
            .ToHaveTextAsync("Waiting for the connection; your text is kept.");
        await Prompt(fac, IcebreakerPrompt).GetByLabel("Your response").FillAsync("Posted while Pat was away");
        await Prompt(fac, IcebreakerPrompt).GetByRole(AriaRole.Button, new() { Name = "Add response" }).ClickAsync();
        await Assertions
            .Expect(
                Prompt(fac, IcebreakerPrompt).Locator(".response.mine", new() { HasText = "Posted while Pat was away" })
            )
            .ToBeVisibleAsync();
        networkDown = false;
        await Assertions.Expect(par.Locator("#room-conn")).ToHaveTextAsync("Live", new() { Timeout = 30_000 });
        await Assertions
            .Expect(Prompt(par, IcebreakerPrompt).GetByText("Posted while Pat was away"))
            .ToBeVisibleAsync();
        await Assertions.Expect(Prompt(fac, IcebreakerPrompt).GetByText("Written on the train")).ToBeVisibleAsync();
        await Assertions.Expect(Prompt(par, IcebreakerPrompt).GetByText("Written on the train")).ToHaveCountAsync(1);
        // Presence after the drop and the new connection: each person listed once, on both screens.
        await Assertions.Expect(fac.Locator("#room-presence-count")).ToHaveTextAsync("(2)");
        await Assertions.Expect(par.Locator("#room-presence-count")).ToHaveTextAsync("(2)");
        await Assertions
            .Expect(par.Locator("#room-presence li", new() { HasText = "Pat Participant" }))
            .ToHaveCountAsync(1);

        // The phone layout is one column with nothing wider than the screen.
        var overflow = await par.EvaluateAsync<int>(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        );
        Assert.Equal(0, overflow);

        // No script errors and no Content-Security-Policy violations in either browser.
        lock (problems)
            Assert.Empty(problems);
    }

    internal static ILocator Prompt(IPage page, string startsWith) =>
        page.Locator("article.prompt", new() { Has = page.Locator("h3", new() { HasText = startsWith }) });

    internal static async Task AnswerAsync(IPage page, string prompt, string text)
    {
        var block = Prompt(page, prompt);
        await block.GetByLabel("Your response").FillAsync(text);
        await block.GetByRole(AriaRole.Button, new() { Name = "Add response" }).ClickAsync();
        await Assertions.Expect(block.Locator(".response.mine", new() { HasText = text })).ToBeVisibleAsync();
    }

    private static int Seconds(string? clock)
    {
        var m = Regex.Match(clock ?? "", @"^(\d+):(\d\d)$");
        Assert.True(m.Success, $"The timer should read m:ss, not '{clock}'.");
        return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60
            + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    private Task<IBrowserContext> NewContextAsync(int width) => NewContextAsync(fx, _app, width);

    internal static async Task<IBrowserContext> NewContextAsync(BrowserFixture fx, AppProcess app, int width)
    {
        var context = await fx.Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = app.BaseUrl,
                TimezoneId = "Europe/London",
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = width, Height = 800 },
            }
        );
        context.SetDefaultTimeout(10_000);
        return context;
    }

    /// <summary>Through the app's own pages: first admin, facilitator, cohort, a session next week, acknowledged
    /// participants.</summary>
    internal static Task<string> ArrangeCohortWithSessionAsync(
        AppProcess app,
        IPage fac,
        IReadOnlyList<(IPage Page, string Name, string Email)> participants
    ) => ArrangeCohortWithSessionAsync(app.SetupUrl, fac, participants);

    /// <param name="setupUrl">The first-admin link a Kindling process printed.</param>
    internal static async Task<string> ArrangeCohortWithSessionAsync(
        string setupUrl,
        IPage fac,
        IReadOnlyList<(IPage Page, string Name, string Email)> participants
    )
    {
        await fac.GotoAsync(setupUrl);
        await FillAccountAsync(fac, "Ada Admin", "ada@example.org");
        await fac.GetByRole(AriaRole.Button, new() { Name = "Create admin account" }).ClickAsync();
        await fac.GotoAsync("/admin");
        await fac.GetByRole(
                AriaRole.Button,
                new() { NameRegex = new Regex("facilitator invitation", RegexOptions.IgnoreCase) }
            )
            .ClickAsync();
        var facilitatorLink = await fac.Locator("input[readonly][value*='/invite/']").First.InputValueAsync();
        await fac.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await fac.GotoAsync(facilitatorLink);
        await fac.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await FillAccountAsync(fac, "Femi Facilitator", "femi@example.org");
        await fac.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await fac.GetByRole(AriaRole.Link, new() { Name = "New cohort" }).ClickAsync();
        await fac.GetByLabel("Name", new() { Exact = true }).FillAsync("Spring cohort");
        await fac.GetByLabel("Time zone").SelectOptionAsync("Europe/London");
        await fac.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions
            .Expect(fac.GetByRole(AriaRole.Heading, new() { Name = "Spring cohort", Level = 1 }))
            .ToBeVisibleAsync();
        var cohortUrl = fac.Url;

        await fac.GetByRole(AriaRole.Link, new() { Name = "Schedule a session" }).ClickAsync();
        await fac.GetByLabel("Date")
            .FillAsync(
                DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            );
        await fac.GetByLabel(new Regex("^Start time")).FillAsync("15:00");
        await fac.GetByLabel(new Regex("The presentation may be recorded")).CheckAsync();
        await fac.GetByRole(AriaRole.Button, new() { Name = "Schedule session" }).ClickAsync();
        await Assertions.Expect(fac.GetByText("Session scheduled.")).ToBeVisibleAsync();
        await fac.GotoAsync(cohortUrl);
        await fac.GetByRole(AriaRole.Link, new() { Name = "Community Narrative" }).First.ClickAsync();
        var sessionUrl = new Uri(fac.Url).AbsolutePath;

        foreach (var (par, name, email) in participants)
        {
            await fac.GotoAsync(cohortUrl);
            await fac.GetByRole(AriaRole.Link, new() { Name = "Invite people" }).ClickAsync();
            var links = fac.Locator("input[readonly][value*='/invite/']");
            var before = await links.EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
            await fac.GetByRole(
                    AriaRole.Button,
                    new() { NameRegex = new Regex("create invitation", RegexOptions.IgnoreCase) }
                )
                .ClickAsync();
            await Assertions.Expect(links).ToHaveCountAsync(before.Length + 1);
            var participantLink = (await links.EvaluateAllAsync<string[]>("els => els.map(e => e.value)"))
                .Except(before)
                .Single();
            await par.GotoAsync(participantLink);
            await par.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
            await FillAccountAsync(par, name, email);
            await par.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await par.GetByLabel(new Regex("I have read the participation guidelines")).CheckAsync();
            await par.GetByRole(AriaRole.Button, new() { Name = "Enter the cohort" }).ClickAsync();
            await Assertions
                .Expect(par.GetByRole(AriaRole.Heading, new() { Name = "Spring cohort", Level = 1 }))
                .ToBeVisibleAsync();
        }
        return sessionUrl;
    }

    private static async Task FillAccountAsync(IPage page, string name, string email)
    {
        await page.GetByLabel("Display name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByLabel("Your time zone").SelectOptionAsync("Europe/London");
    }
}
