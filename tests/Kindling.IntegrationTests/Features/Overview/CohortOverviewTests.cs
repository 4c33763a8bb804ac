using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using static Kindling.IntegrationTests.Features.Overview.OverviewArrange;

namespace Kindling.IntegrationTests.Features.Overview;

/// <summary>The cohort overview and its downloads: who may open them, and what they show.</summary>
[Collection(AppCollection.Name)]
public class CohortOverviewTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PageAndExports_OnlyForFacilitators_ParticipantsObserversForbidden_OthersNotFound(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["facilitator"] = HttpStatusCode.OK,
            ["participant"] = HttpStatusCode.Forbidden,
            ["observer"] = HttpStatusCode.Forbidden,
            ["outsider"] = HttpStatusCode.NotFound,
            ["admin"] = HttpStatusCode.NotFound,
        };
        var wrong = new List<string>();
        foreach (var (role, status) in expected)
        {
            using var client = await s.ClientAsAsync(role);
            foreach (var url in new[] { Url(s), Url(s, ".csv"), Url(s, ".md") })
                if ((await client.GetAsync(url)).Status is var got && got != status)
                    wrong.Add($"{role} {url}: {(int)got}, expected {(int)status}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        using var fac = await s.ClientAsAsync("facilitator");
        var csv = await fac.Http.GetAsync(Url(s, ".csv"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/markdown", (await fac.Http.GetAsync(Url(s, ".md"))).Content.Headers.ContentType?.MediaType);
        using var par = await s.ClientAsAsync("participant");
        var cohortPage = $"/cohorts/{s.CohortId}";
        Assert.NotNull((await fac.GetAsync(cohortPage)).Document.QuerySelector($"a[href='{Url(s)}']"));
        Assert.Null((await par.GetAsync(cohortPage)).Document.QuerySelector($"a[href='{Url(s)}']"));
    }
}
