using Microsoft.Playwright;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// A facilitator shaping the live document from the room's own buttons (silent mode, prompt order, moving a response)
/// while a participant on a phone watches the changes arrive.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LiveRoomFacilitatorToolsTests(BrowserFixture fx) : IAsyncLifetime
{
    private const string Patterns = "Which patterns run through all three stories,";
    private const string PartWays = "Where do the three stories part ways?";
    private const string WhyCommunity = "Why does your project need a community at all?";
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LiveRoom_FacilitatorTurnsSilentModeOnAndOff_MovesAPromptAndAResponse_ParticipantSeesItLive()
    {
        await using var facContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        await using var parContext = await LiveRoomTests.NewContextAsync(fx, _app, 360);
        var fac = await facContext.NewPageAsync();
        var par = await parContext.NewPageAsync();
        var problems = PageErrors.Watch([fac, par]);
        var roomUrl =
            await LiveRoomTests.ArrangeCohortWithSessionAsync(_app, fac, [(par, "Pat Participant", "pat@example.org")])
            + "/live";
        await fac.GotoAsync(roomUrl);
        await fac.GetByRole(AriaRole.Button, new() { Name = "Open the document now" }).ClickAsync();
        await Assertions.Expect(fac.Locator("#room-conn")).ToHaveTextAsync("Live");
        await par.GotoAsync(roomUrl);
        await Assertions.Expect(par.Locator("#room-conn")).ToHaveTextAsync("Live");
        // Participants get no arranging tools.
        await Assertions.Expect(par.Locator(".section-tools")).ToHaveCountAsync(0);

        // Silent mode on, from the prompt itself: the participant's room says so at once.
        await LiveRoomTests
            .Prompt(fac, Patterns)
            .GetByRole(AriaRole.Button, new() { Name = "Make it a silent round" })
            .ClickAsync();
        await Assertions
            .Expect(LiveRoomTests.Prompt(par, Patterns).GetByText("Silent round — others can't see your notes"))
            .ToBeVisibleAsync();
        var note = LiveRoomTests.Prompt(par, Patterns);
        await note.GetByLabel("Your response").FillAsync("Both began with one stubborn volunteer");
        await note.GetByRole(AriaRole.Button, new() { Name = "Add response" }).ClickAsync();
        await Assertions
            .Expect(note.Locator(".response.mine"))
            .ToContainTextAsync("Both began with one stubborn volunteer");
        // A later public response reaching the facilitator shows the silent note would have arrived by now if it were
        // sent.
        var open = LiveRoomTests.Prompt(par, WhyCommunity);
        await open.GetByLabel("Your response").FillAsync("So that the project outlives its founders");
        await open.GetByRole(AriaRole.Button, new() { Name = "Add response" }).ClickAsync();
        await Assertions
            .Expect(LiveRoomTests.Prompt(fac, WhyCommunity).GetByText("So that the project outlives its founders"))
            .ToBeVisibleAsync();
        await Assertions
            .Expect(LiveRoomTests.Prompt(fac, Patterns).GetByText("Both began with one stubborn volunteer"))
            .ToHaveCountAsync(0);

        // Reveal, then silent mode off; turning it back on is refused with the reason, since notes are now visible.
        await LiveRoomTests
            .Prompt(fac, Patterns)
            .GetByRole(AriaRole.Button, new() { Name = "Reveal responses" })
            .ClickAsync();
        await Assertions
            .Expect(LiveRoomTests.Prompt(fac, Patterns).GetByText("Both began with one stubborn volunteer"))
            .ToBeVisibleAsync();
        await LiveRoomTests
            .Prompt(fac, Patterns)
            .GetByRole(AriaRole.Button, new() { Name = "Turn silent mode off" })
            .ClickAsync();
        var again = LiveRoomTests
            .Prompt(fac, Patterns)
            .GetByRole(AriaRole.Button, new() { Name = "Make it a silent round" });
        await Assertions.Expect(again).ToBeFocusedAsync();
        await again.ClickAsync();
        await Assertions
            .Expect(LiveRoomTests.Prompt(fac, Patterns).Locator(".section-tools [role=alert]"))
            .ToHaveTextAsync("This prompt already has visible responses; add a new prompt for the silent round.");
        await Assertions
            .Expect(LiveRoomTests.Prompt(par, Patterns).GetByText("Silent round — others can't see your notes"))
            .ToHaveCountAsync(0);

        // Moving a prompt up within its activity: both rooms show the new order, and Pat, half-way through an answer
        // to that very prompt, keeps both the text and the place to type.
        var comparing = "section.activity:has(h2:has-text('Comparing the three stories')) article.prompt h3";
        await Assertions
            .Expect(par.Locator(comparing))
            .ToHaveTextAsync([
                Patterns + " from the first conversation to the way each one grew?",
                PartWays
                    + " Which of them needed money, formal agreements or backing from an institution to keep growing,"
                    + " and which managed without?",
                "Which of the three is closest to your own community's story, and why?",
            ]);
        var halfWritten = LiveRoomTests.Prompt(par, PartWays).GetByLabel("Your response");
        await halfWritten.FillAsync("One of them had a sponsor from");
        await LiveRoomTests
            .Prompt(fac, PartWays)
            .GetByRole(AriaRole.Button, new() { Name = "Move prompt up" })
            .ClickAsync();
        await Assertions.Expect(par.Locator(comparing).First).ToContainTextAsync(PartWays);
        await Assertions.Expect(halfWritten).ToHaveValueAsync("One of them had a sponsor from");
        await Assertions.Expect(halfWritten).ToBeFocusedAsync();
        await Assertions
            .Expect(LiveRoomTests.Prompt(fac, PartWays).GetByRole(AriaRole.Button, new() { Name = "Move prompt down" }))
            .ToBeFocusedAsync();
        await Assertions.Expect(fac.Locator(comparing).First).ToContainTextAsync(PartWays);
        await Assertions
            .Expect(LiveRoomTests.Prompt(fac, PartWays).GetByRole(AriaRole.Button, new() { Name = "Move prompt up" }))
            .ToHaveCountAsync(0);

        // Moving a response to another prompt with the labelled list: it leaves one prompt and joins the other
        // everywhere.
        var response = LiveRoomTests
            .Prompt(fac, Patterns)
            .Locator(".response", new() { HasText = "Both began with one stubborn volunteer" });
        await response.GetByRole(AriaRole.Button, new() { Name = "Move…" }).ClickAsync();
        // The facilitator's room with its tools and the open move form meets WCAG 2.1 AA, as does the phone view.
        await Accessibility.AssertNoViolationsAsync(fac);
        await Accessibility.AssertNoViolationsAsync(par);
        await response
            .GetByLabel("Move this response to")
            .SelectOptionAsync(new SelectOptionValue { Label = WhyCommunity });
        await response.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions
            .Expect(LiveRoomTests.Prompt(par, WhyCommunity).GetByText("Both began with one stubborn volunteer"))
            .ToBeVisibleAsync();
        await Assertions.Expect(LiveRoomTests.Prompt(par, Patterns).Locator(".response")).ToHaveCountAsync(0);
        await Assertions
            .Expect(LiveRoomTests.Prompt(fac, WhyCommunity).GetByText("Both began with one stubborn volunteer"))
            .ToBeVisibleAsync();

        // A page loaded afresh shows the same order (it came from the server, not only from the open rooms).
        await par.ReloadAsync();
        await Assertions.Expect(par.Locator(comparing).First).ToContainTextAsync(PartWays);
        await Assertions
            .Expect(LiveRoomTests.Prompt(par, WhyCommunity).GetByText("Both began with one stubborn volunteer"))
            .ToBeVisibleAsync();

        var overflow = await par.EvaluateAsync<int>(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        );
        Assert.Equal(0, overflow);
        lock (problems)
            Assert.Empty(problems);
    }
}
