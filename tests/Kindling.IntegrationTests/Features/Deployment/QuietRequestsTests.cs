using System.Net;
using Kindling.IntegrationTests.Features.Concerns;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>
/// Ordinary page views write nothing at warning level: an operator reads warnings as "look at this", and a line per
/// request buries the real ones (and costs time on every request). The error page once logged an antiforgery warning
/// on every view because its "no-store" header lacked "no-cache".
/// </summary>
public class QuietRequestsTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PagesAndErrorPages_SignedInOrNot_LogNoWarnings(string provider)
    {
        var logs = new LogCapture();
        await using var app = new KindlingApp(provider, services: logs.AddTo);
        var s = await CohortScenario.CreateAsync(app);
        using var member = await s.ClientAsAsync("participant");
        using var anonymous = new PageClient(app.CreateClient());

        logs.On = true;
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/cohorts/{s.CohortId}")).Status);
        var missing = await member.GetAsync($"/cohorts/{s.CohortId}/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("Page not found", missing.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/account/signin")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/no-such-page")).Status);
        logs.On = false;

        var warnings = logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, "Warnings logged:\n" + string.Join('\n', warnings));
        Assert.NotEmpty(logs.Lines); // the capture saw the requests (a broken capture would pass the check above)
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ErrorPage_IsNeverStored(string provider)
    {
        await using var app = new KindlingApp(provider);
        using var http = app.CreateClient();
        using var response = await http.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var cache = response.Headers.CacheControl;
        Assert.NotNull(cache);
        Assert.True(cache.NoStore && cache.NoCache, $"Cache-Control: {cache}");
    }
}
