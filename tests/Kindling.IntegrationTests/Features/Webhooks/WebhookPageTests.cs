using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Webhooks.WebhookArrange;

namespace Kindling.IntegrationTests.Features.Webhooks;

/// <summary>The webhooks pages: facilitators only, plain forms with messages that say what to fix.</summary>
[Collection(AppCollection.Name)]
public class WebhookPageTests(Apps apps)
{
    /// <summary>Nothing listens there; these tests never wait for a delivery.</summary>
    private const string Nowhere = "http://127.0.0.1:9/hooks/kindling";

    private static Task<int> CountAsync(CohortScenario s) =>
        s.App.WithDbAsync(db => db.Webhooks.CountAsync(w => w.CohortId == s.CohortId));

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WebhooksPage_ByRole_OnlyTheCohortsFacilitatorsOpenIt(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["outsider"] = HttpStatusCode.NotFound,
            ["admin"] = HttpStatusCode.NotFound,
            ["observer"] = HttpStatusCode.Forbidden,
            ["participant"] = HttpStatusCode.Forbidden,
            ["facilitator"] = HttpStatusCode.OK,
        };
        foreach (var (role, status) in expected)
        {
            using var client = await s.ClientAsAsync(role);
            Assert.Equal((role, status), (role, (await client.GetAsync(PageUrl(s.CohortId))).Status));
        }
        using var participant = await s.ClientAsAsync("participant");
        var feedbackPage = $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/feedback"; // any form of theirs: a token
        var posted = await AddAsync(participant, s.CohortId, Nowhere, ["session.started"], feedbackPage);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(0, await CountAsync(s));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CohortPage_LinksTheWebhooksForFacilitatorsOnly(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        using var participant = await s.ClientAsAsync("participant");
        var link = $"a[href='{PageUrl(s.CohortId)}']";

        Assert.NotNull((await facilitator.GetAsync($"/cohorts/{s.CohortId}")).Document.QuerySelector(link));
        Assert.Null((await participant.GetAsync($"/cohorts/{s.CohortId}")).Document.QuerySelector(link));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AddWebhook_WithoutAddressOrEvents_SaysWhatToFixAndStoresNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");

        var blank = await AddAsync(facilitator, s.CohortId, "  ", []);
        var unknown = await AddAsync(facilitator, s.CohortId, Nowhere, ["ping"]);

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains(
            blank.Errors,
            e => e.StartsWith("Enter the address Kindling should post the events to.", StringComparison.Ordinal)
        );
        Assert.Contains("Choose at least one event to send, from the list.", blank.Errors);
        Assert.Contains("Choose at least one event to send, from the list.", unknown.Errors); // the test event is no choice
        Assert.Equal(0, await CountAsync(s));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NewSecretPauseResumeAndDelete_DoWhatTheySay(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var (page, secret) = await RegisterAsync(facilitator, s.CohortId, Nowhere, "charter.published");
        Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", secret);

        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(facilitator, page, "Secret")).Status);
        var renewed = (await facilitator.GetAsync(page)).Document.QuerySelector("input#secret")!.GetAttribute("value");
        Assert.NotEqual(secret, renewed);
        var id = Guid.Parse(page.Split('/')[^1]);
        Assert.Equal(
            renewed,
            await s.App.WithDbAsync(db => db.Webhooks.Where(w => w.Id == id).Select(w => w.Secret).SingleAsync())
        );

        await PressAsync(facilitator, page, "Active", new() { ["active"] = "false" });
        var paused = await facilitator.GetAsync(page);
        Assert.Contains("Paused", paused.Document.QuerySelector("dl.facts")!.TextContent);
        Assert.Contains(
            "Paused",
            (await facilitator.GetAsync(PageUrl(s.CohortId))).Document.QuerySelector("table")!.TextContent
        );
        await PressAsync(facilitator, page, "Test");
        Assert.Contains("paused. Resume it to send a test event", (await facilitator.GetAsync(page)).Text);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d => d.WebhookId == id)));
        await PressAsync(facilitator, page, "Active", new() { ["active"] = "true" });
        Assert.Contains("Active", (await facilitator.GetAsync(page)).Document.QuerySelector("dl.facts")!.TextContent);

        var deleted = await PressAsync(facilitator, page, "Delete");
        Assert.Equal(PageUrl(s.CohortId), deleted.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.GetAsync(page)).Status);
        Assert.Equal(0, await CountAsync(s));
    }
}
