using Kindling.BrowserTests.Deploy;
using Microsoft.Playwright;
using static Kindling.BrowserTests.Features.LiveRoomTests;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// The deploy smoke test: deploy/'s production layout on 127.0.0.1 (nginx running the production site file, two
/// Kindling instances started from the example settings, one PostgreSQL database, Redis) and one short journey through
/// nginx, ending with a facilitator and a participant whose live rooms are connected to different instances seeing each
/// other's responses. Each step says which misconfiguration it catches (deploy/README.md lists them).
/// </summary>
[Collection(BrowserCollection.Name)]
public class DeployLayoutTests(BrowserFixture fx) : IAsyncLifetime
{
    private const string SessionHub = "/hubs/session";
    private DeployLayout _layout = null!;

    public async Task InitializeAsync() => _layout = await DeployLayout.StartAsync();

    public async Task DisposeAsync() => await _layout.DisposeAsync();

    [Fact]
    public async Task Layout_TwoInstancesBehindNginx_MembersOnDifferentInstancesSeeEachOtherLive()
    {
        try
        {
            await new ProxyChecks(_layout).RunAsync();
            await JourneyAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{e.Message}\n\nWhat the layout printed:\n{_layout.Logs}", e);
        }
    }

    private async Task JourneyAsync()
    {
        await using var facContext = await NewContextAsync();
        await using var parContext = await NewContextAsync();
        var fac = await facContext.NewPageAsync();
        var par = await parContext.NewPageAsync();
        var facProblems = PageErrors.Watch([fac]);
        var parProblems = PageErrors.Watch([par]);
        var facSockets = await HubSockets.WatchAsync(fac);
        var parSockets = await HubSockets.WatchAsync(par);

        // The first admin's link printed by the instance that started first, though the second started after it;
        // then every page and form of the set-up alternates between the instances: a sign-in cookie or antiforgery
        // token one instance issued and the other refused (Data Protection keys not shared) would stop it here.
        var sessionUrl = await ArrangeCohortWithSessionAsync(
            _layout.A.SetupUrl,
            fac,
            [(par, "Pat Participant", "pat@example.org")]
        );
        await SignedInOnBothInstancesAsync(parContext, sessionUrl);

        await fac.GotoAsync(sessionUrl);
        await fac.GetByRole(AriaRole.Link, new() { Name = "Join the live room" }).ClickAsync();
        await fac.GetByRole(AriaRole.Button, new() { Name = "Open the document now" }).ClickAsync();
        await Assertions.Expect(fac.Locator("#room-conn")).ToHaveTextAsync("Live");
        await par.GotoAsync(sessionUrl);
        await par.GetByRole(AriaRole.Link, new() { Name = "Join the live room" }).ClickAsync();
        await Assertions.Expect(par.Locator("#room-conn")).ToHaveTextAsync("Live");

        // The rooms are WebSockets through nginx (no Upgrade/Connection headers there: never "Live"), opened without
        // a negotiate request; a participant landing on the facilitator's instance reloads until on the other one.
        for (var i = 0; i < 8 && Instance(parSockets) == Instance(facSockets); i++)
        {
            var before = parSockets.To(SessionHub).Count;
            await par.ReloadAsync();
            await Assertions.Expect(par.Locator("#room-conn")).ToHaveTextAsync("Live");
            await Poll(() => parSockets.To(SessionHub).Count > before, "the reloaded room's WebSocket");
        }
        Assert.NotEqual(Instance(facSockets), Instance(parSockets));
        foreach (var socket in facSockets.To(SessionHub).Concat(parSockets.To(SessionHub)))
        {
            Assert.Equal(101, socket.Status);
            Assert.Equal(
                $"{_layout.BaseUrl.Replace("https", "wss", StringComparison.Ordinal)}{SessionHub}",
                socket.Url
            );
        }

        // Live across instances: only the Redis backplane carries a change from one instance to the other's
        // connections (and the presence list, from each instance's share in Redis).
        await Assertions.Expect(fac.Locator("#room-presence")).ToContainTextAsync("Pat Participant");
        await Assertions.Expect(par.Locator("#room-presence")).ToContainTextAsync("Femi Facilitator");
        await AnswerAsync(par, IcebreakerPrompt, "A garden club that greets newcomers");
        await Assertions
            .Expect(Prompt(fac, IcebreakerPrompt).GetByText("A garden club that greets newcomers"))
            .ToBeVisibleAsync();
        await AnswerAsync(fac, IcebreakerPrompt, "A choir that shares the sheet music");
        await Assertions
            .Expect(Prompt(par, IcebreakerPrompt).GetByText("A choir that shares the sheet music"))
            .ToBeVisibleAsync();

        // No script error in either page so far.
        lock (parProblems)
            Assert.Empty(parProblems);

        // Signing out in another tab closes the participant's room wherever it is connected (the sign-out may reach
        // the other instance: Redis carries the eviction), and the room says so rather than retrying for ever.
        // (The refused reconnection is a console error in that page: its script errors were checked above.)
        var other = await parContext.NewPageAsync();
        await other.GotoAsync("/");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions
            .Expect(par.Locator("#room-conn"))
            .ToHaveTextAsync("You are signed out. Sign in again to rejoin the room.");

        // The curriculum import's 5 MB reaches Kindling (nginx's 4 MB limit for other pages would refuse it).
        await fac.GotoAsync("/curricula/import");
        await fac.GetByLabel("Curriculum zip")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "large.zip",
                    MimeType = "application/zip",
                    Buffer = new byte[5_000_000],
                }
            );
        await fac.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions
            .Expect(fac.GetByRole(AriaRole.Heading, new() { Name = "Nothing was imported" }))
            .ToBeVisibleAsync();

        lock (facProblems)
            Assert.Empty(facProblems);
    }

    /// <summary>The participant's sign-in cookie, issued by one instance, opens a members-only page on both.</summary>
    private async Task SignedInOnBothInstancesAsync(IBrowserContext context, string membersOnly)
    {
        var answered = new HashSet<string>();
        for (var i = 0; i < 8 && answered.Count < 2; i++)
        {
            var response = await context.APIRequest.GetAsync(membersOnly, new() { MaxRedirects = 0 });
            Assert.Equal(200, response.Status);
            answered.Add(response.Headers["x-kindling-instance"].Split(';')[0]);
        }
        Assert.Equal(new[] { _layout.NameA, _layout.NameB }.Order(), answered.Order());
    }

    private static string? Instance(HubSockets sockets) => sockets.To(SessionHub).LastOrDefault()?.Instance;

    private static async Task Poll(Func<bool> done, string what)
    {
        for (var i = 0; i < 100 && !done(); i++)
            await Task.Delay(50);
        Assert.True(done(), $"Waited 5 s for {what}.");
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await fx.Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = _layout.BaseUrl,
                IgnoreHTTPSErrors = true, // the layout's throwaway certificate
                TimezoneId = "Europe/London",
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            }
        );
        // Twice the other browser tests' 10 s: every page of the set-up runs cold on two instances, not one.
        context.SetDefaultTimeout(20_000);
        return context;
    }
}
