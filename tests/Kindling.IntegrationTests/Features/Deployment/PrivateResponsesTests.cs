using Kindling.IntegrationTests.Features.Charter;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>
/// What a member must be signed in for (pages and downloads), and the secret calendar feed, is sent with
/// "Cache-Control: private, no-store", so no proxy or shared computer keeps a copy.
/// </summary>
[Collection(AppCollection.Name)]
public class PrivateResponsesTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PrivateDownloadsAndPages_AreNeverStored(string provider)
    {
        var charter = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        var s = charter.Cohort;
        await LiveClients.OpenDocumentAsync(s);
        var feedToken = await s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CalendarToken).SingleAsync()
        );
        using var owner = await s.ClientAsAsync("participant");
        using var anonymous = s.App.Client();
        var session = $"/cohorts/{s.CohortId}/sessions/{s.SessionId}";
        var signedIn = new[]
        {
            $"/cohorts/{s.CohortId}",
            session,
            $"{session}/document.md",
            $"{session}/calendar.ics",
            charter.PageUrl,
            charter.PageUrl + ".md",
            charter.PageUrl + ".pdf",
            charter.PageUrl + ".docx",
        };
        foreach (var url in signedIn)
            await AssertNotStoredAsync(owner, url);
        await AssertNotStoredAsync(anonymous, $"/calendar/{feedToken}.ics");
    }

    private static async Task AssertNotStoredAsync(PageClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        var cacheControl = response.Headers.CacheControl;
        Assert.True(cacheControl is { NoStore: true, Private: true }, $"{url} sent Cache-Control: {cacheControl}");
    }
}
