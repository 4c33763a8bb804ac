using System.Net;
using Microsoft.Playwright;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// The operator's view of a real process: the probes and the metrics scrape over a real socket from this machine, and
/// the admin page with the instance's state on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public class OperationsJourneyTests(BrowserFixture fx) : IAsyncLifetime
{
    private const string Password = "harbor-kestrel-lantern-27";
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ProbesAndScrapeAnswerThisMachine_AdminReadsTheInstancePageOnAPhone()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(
            """{"status":"Healthy","checks":{"database":"Healthy"}}""",
            await ready.Content.ReadAsStringAsync()
        );
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

        await using var context = await LiveRoomTests.NewContextAsync(fx, _app, 360);
        var page = await context.NewPageAsync();
        var problems = PageErrors.Watch([page]);
        await page.GotoAsync(_app.SetupUrl);
        await page.GetByLabel("Display name").FillAsync("Ada Admin");
        await page.GetByLabel("E-mail").FillAsync("ada@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create admin account" }).ClickAsync();
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "This instance" }).ClickAsync();

        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This instance", Exact = true }))
            .ToBeVisibleAsync();
        foreach (var heading in new[] { "Health: Healthy", "Version", "Database", "Redis backplane", "Outbox" })
            await Assertions
                .Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }))
                .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Nobody is connected to a live session")).ToBeVisibleAsync();
        var sideways = await WorksheetJourneyTests.OverflowAsync(page);
        Assert.True(sideways == "", "The instance page scrolls sideways at 360 px: " + sideways);
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Empty(problems);

        // The pages just served are in the request metrics; a request passed on by a proxy is refused.
        var scrape = await http.GetStringAsync("/metrics");
        Assert.Contains("kindling_live_sessions{", scrape);
        Assert.Contains("http_route=\"admin/instance\"", scrape);
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(proxied)).StatusCode);

        // The API: a token made on the phone from the profile page works at once; its reference is browsable.
        await page.GotoAsync("/account/profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Personal access tokens" }).ClickAsync();
        await page.GetByLabel("What is it for?").FillAsync("Instance dashboard");
        await page.GetByLabel("Read only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make token" }).ClickAsync();
        var secret = await page.GetByLabel("Token", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("kdl_", secret);
        var listed = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Instance dashboard" });
        await Assertions.Expect(listed).ToContainTextAsync("May read · reaches all your cohorts");
        sideways = await WorksheetJourneyTests.OverflowAsync(page);
        Assert.True(sideways == "", "The tokens page scrolls sideways at 360 px: " + sideways);
        await Accessibility.AssertNoViolationsAsync(page);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new("Bearer", secret);
        var answer = await http.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("\"displayName\":\"Ada Admin\"", await answer.Content.ReadAsStringAsync());

        await page.GotoAsync("/api/docs");
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kindling API", Exact = true }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("/api/v1/cohorts/{cohortId}/sessions").First).ToBeAttachedAsync();
        Assert.Empty(problems); // no script error and nothing refused by the page's content security policy
    }
}
