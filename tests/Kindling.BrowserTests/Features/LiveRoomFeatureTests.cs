using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// The room's Q&amp;A, breakout groups, participation balance and the feedback page, in real browsers
/// (needs the server side of those features: hub Questions/Ask/Vote, Breakouts/StartBreakouts/EndBreakouts,
/// Participation).
/// </summary>
[Collection(BrowserCollection.Name)]
public class LiveRoomFeatureTests(BrowserFixture fx) : IAsyncLifetime
{
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LiveRoom_QuestionsBreakoutsParticipationAndFeedback_WorkAcrossBrowsers()
    {
        await using var facContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        await using var patContext = await LiveRoomTests.NewContextAsync(fx, _app, 360);
        await using var samContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        var fac = await facContext.NewPageAsync();
        var pat = await patContext.NewPageAsync();
        var sam = await samContext.NewPageAsync();
        var sessionUrl = await LiveRoomTests.ArrangeCohortWithSessionAsync(
            _app,
            fac,
            [(pat, "Pat Participant", "pat@example.org"), (sam, "Sam Second", "sam@example.org")]
        );
        var roomUrl = sessionUrl + "/live";

        await fac.GotoAsync(roomUrl);
        await fac.GetByRole(AriaRole.Button, new() { Name = "Open the document now" }).ClickAsync();
        await Assertions.Expect(fac.Locator("#room-conn")).ToHaveTextAsync("Live");
        foreach (var page in new[] { pat, sam })
        {
            await page.GotoAsync(roomUrl);
            await Assertions.Expect(page.Locator("#room-conn")).ToHaveTextAsync("Live");
        }

        // Pat also has the notifications page open in another tab (the bell's script loads SignalR there itself).
        var patList = await patContext.NewPageAsync();
        await patList.GotoAsync("/notifications");
        await Assertions.Expect(patList.Locator("[data-bell]")).ToHaveTextAsync("Notifications");

        // Q&A: Pat asks, Sam votes it up, the facilitator answers; everyone sees each step.
        var patQa = pat.Locator("#room-qa");
        await patQa.GetByLabel("Ask a question").FillAsync("How do we keep newcomers coming back?");
        await patQa.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        var samQuestion = sam.Locator(
            "#room-qa li.question",
            new() { HasText = "How do we keep newcomers coming back?" }
        );
        await samQuestion.GetByRole(AriaRole.Button, new() { Name = "Vote up" }).ClickAsync();
        await Assertions.Expect(patQa.Locator("li.question")).ToContainTextAsync("1 vote");
        // Nobody is offered a vote for their own question (the server refuses one).
        await Assertions.Expect(patQa.Locator("li.question")).ToContainTextAsync("You ·");
        await Assertions.Expect(patQa.Locator("li.question").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var facQuestion = fac.Locator(
            "#room-qa li.question",
            new() { HasText = "How do we keep newcomers coming back?" }
        );
        await facQuestion.GetByLabel("Answer note").FillAsync("Pair each newcomer with a buddy");
        // While the facilitator is typing, the question changes (Sam takes back the vote) and another one arrives:
        // the half-typed note stays, and so does the focus.
        await samQuestion.GetByRole(AriaRole.Button, new() { Name = "Remove my vote" }).ClickAsync();
        await Assertions.Expect(facQuestion).ToContainTextAsync("0 votes");
        await sam.Locator("#room-qa").GetByLabel("Ask a question").FillAsync("Should we meet in person sometimes?");
        await sam.Locator("#room-qa").GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Assertions
            .Expect(fac.Locator("#room-qa li.question", new() { HasText = "Should we meet in person sometimes?" }))
            .ToBeVisibleAsync();
        await Assertions
            .Expect(facQuestion.GetByLabel("Answer note"))
            .ToHaveValueAsync("Pair each newcomer with a buddy");
        await Assertions.Expect(facQuestion.GetByLabel("Answer note")).ToBeFocusedAsync();
        await facQuestion.GetByRole(AriaRole.Button, new() { Name = "Mark answered" }).ClickAsync();
        await Assertions
            .Expect(patQa.Locator("li.question", new() { HasText = "How do we keep newcomers coming back?" }))
            .ToContainTextAsync("Answered: Pair each newcomer with a buddy");
        // Pat's bell counts the answer at once, in the room and in the other tab, which offers to show it.
        var unread = new Regex(@"^Notifications,\s*1\s*unread$");
        await Assertions.Expect(pat.Locator("[data-bell]")).ToHaveTextAsync(unread);
        await Assertions.Expect(patList.Locator("[data-bell]")).ToHaveTextAsync(unread);
        await patList.GetByRole(AriaRole.Link, new() { Name = "Show them" }).ClickAsync();
        await Assertions
            .Expect(patList.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Your question was answered") }))
            .ToHaveAttributeAsync("href", new Regex("^/notifications/[0-9a-f-]+/open$"));
        await patList.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Assertions.Expect(pat.Locator("[data-bell]")).ToHaveTextAsync("Notifications");
        await patList.CloseAsync();

        // Breakouts: two random groups; each participant finds their own, then the round ends.
        var facBreakouts = fac.Locator("#room-breakouts");
        await facBreakouts.GetByLabel("Number of groups").FillAsync("2");
        await facBreakouts.GetByLabel("How to split").SelectOptionAsync("random");
        await facBreakouts.GetByRole(AriaRole.Button, new() { Name = "Start breakouts" }).ClickAsync();
        await Assertions.Expect(pat.Locator("#room-breakouts")).ToContainTextAsync("(your group)");
        await Assertions.Expect(sam.Locator("#room-breakouts")).ToContainTextAsync("(your group)");
        await Assertions.Expect(facBreakouts.Locator("li.group")).ToHaveCountAsync(2);
        // Each group's notes appear live at the end of the breakout activity (5 prompts, then 5 per group),
        // and the panel's link takes Pat straight to their own group's first notes field.
        var breakoutPrompts = pat.Locator(
            "section.activity:has(h2:has-text('Aligning community purpose')) article.prompt h3"
        );
        await Assertions.Expect(breakoutPrompts).ToHaveCountAsync(15);
        await Assertions.Expect(breakoutPrompts.Nth(5)).ToContainTextAsync("Group 1 — ");
        await Assertions.Expect(breakoutPrompts.Nth(10)).ToContainTextAsync("Group 2 — ");
        var patGroup = pat.Locator("#room-breakouts li.group.mine");
        var groupName = (await patGroup.Locator("h3").TextContentAsync())!.Replace(" (your group)", "");
        await patGroup.GetByRole(AriaRole.Link, new() { Name = groupName + " notes, part 1" }).ClickAsync();
        await Assertions
            .Expect(pat.Locator("article.prompt:has(textarea:focus) h3"))
            .ToContainTextAsync(groupName + " — Using the five areas");
        await facBreakouts.GetByRole(AriaRole.Button, new() { Name = "End breakouts" }).ClickAsync();
        await Assertions.Expect(pat.Locator("#room-breakouts")).ToContainTextAsync("The last round has ended");

        // Participation balance: facilitators only.
        await Assertions.Expect(fac.Locator("#room-participation table")).ToContainTextAsync("Pat Participant");
        await Assertions.Expect(pat.Locator("#room-participation")).ToHaveCountAsync(0);

        // The printable document and the Markdown download are linked from the room too.
        await Assertions
            .Expect(pat.GetByRole(AriaRole.Link, new() { Name = "Download as Markdown (.md)" }))
            .ToHaveAttributeAsync("download", "");
        await pat.GetByRole(AriaRole.Link, new() { Name = "Printable document" }).ClickAsync();
        await Assertions.Expect(pat.GetByText("How do we keep newcomers coming back?")).ToBeVisibleAsync();
        await pat.GoBackAsync();
        // The room fills in its document once it is live again; a click before that can land where the link was.
        await Assertions.Expect(pat.Locator("#room-conn")).ToHaveTextAsync("Live");

        // Feedback: linked from the room.
        await pat.GetByRole(AriaRole.Link, new() { Name = "Give feedback on this session" }).ClickAsync();
        await pat.GetByLabel("What worked?").FillAsync("The silent round before the discussion");
        await pat.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(pat.GetByText("Thank you for your feedback.")).ToBeVisibleAsync();
    }
}
