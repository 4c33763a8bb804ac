using System.Net;
using Kindling.IntegrationTests.Features.Account;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Api;

[Collection(GuardedCollection.Name)]
public class ApiRateLimitTests(GuardedApps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Token_OverTheLimit_Answers429ProblemWithRetryAfter_OtherPeopleGoOn(string provider)
    {
        var s = await ApiScenario.CreateAsync(apps.Get(provider));
        using var busy = await s.ClientAsAsync("participant");
        for (var i = 0; i < GuardedApps.ApiLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/me")).StatusCode);
        var over = await busy.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.NotNull(over.Headers.RetryAfter);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        using var other = await s.ClientAsAsync("observer");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
    }
}
