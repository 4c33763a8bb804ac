using System.Net;
using Kindling.IntegrationTests.Features.Invitations;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>
/// Absolute links (invitations, calendar feeds, the sign-in redirect) come from Kindling:PublicUrl or the listening
/// address, never from a request's Host header; X-Forwarded-* is believed only from configured proxies.
/// </summary>
[Collection(AppCollection.Name)]
public class PublicAddressTests(Apps apps)
{
    private const string Evil = "evil.example";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ForgedHostHeader_NeverReachesALink(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        facilitator.Http.DefaultRequestHeaders.Host = Evil;
        await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant");
        var invitations = await facilitator.GetAsync($"/cohorts/{s.CohortId}/invitations");
        var cohort = await facilitator.GetAsync($"/cohorts/{s.CohortId}");
        var ics = await facilitator.Http.GetStringAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/calendar.ics");
        using var anonymous = s.App.Client();
        anonymous.Http.DefaultRequestHeaders.Host = Evil;
        var signIn = await anonymous.GetAsync($"/cohorts/{s.CohortId}");

        Assert.StartsWith(
            "http://localhost/invite/",
            invitations.Document.QuerySelector("input[data-copy][readonly]")!.GetAttribute("value")
        );
        Assert.Contains("http://localhost/calendar/", cohort.Text);
        Assert.Contains("http://localhost/cohorts/", ics);
        Assert.StartsWith("http://localhost/account/signin", signIn.Location!.ToString());
        foreach (var text in new[] { invitations.Text, cohort.Text, ics, signIn.Location.ToString() })
            Assert.DoesNotContain(Evil, text);
    }

    [Fact]
    public async Task PublicUrlAndTrustedProxy_AreTheOnlySourcesOfAddressAndScheme()
    {
        await using var app = new KindlingApp(
            "sqlite",
            new Dictionary<string, string>
            {
                ["Kindling:PublicUrl"] = "http://kindling.example.org:8080/",
                ["Kindling:TrustedProxies:0"] = "10.1.2.3",
            }
        );
        var s = await CohortScenario.CreateAsync(app);
        using var facilitator = await s.ClientAsAsync("facilitator");
        facilitator.Http.DefaultRequestHeaders.Host = Evil;
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant");
        var invitations = await facilitator.GetAsync($"/cohorts/{s.CohortId}/invitations");
        Assert.Equal(
            "http://kindling.example.org:8080" + link,
            invitations.Document.QuerySelector("input[data-copy][readonly]")!.GetAttribute("value")
        );

        // A proxy's word about the scheme counts only from the proxy's address: the sign-in cookie is then Secure.
        Assert.Contains(
            "secure",
            await SignInCookieAsync(app, s, IPAddress.Parse("10.1.2.3")),
            StringComparison.OrdinalIgnoreCase
        );
        Assert.DoesNotContain(
            "secure",
            await SignInCookieAsync(app, s, IPAddress.Parse("10.9.9.9")),
            StringComparison.OrdinalIgnoreCase
        );
        // Loopback is trusted by ASP.NET Core's defaults; here only the configured proxy is.
        Assert.DoesNotContain(
            "secure",
            await SignInCookieAsync(app, s, IPAddress.Loopback),
            StringComparison.OrdinalIgnoreCase
        );
    }

    [Fact]
    public async Task InstanceName_NamesTheInstanceWithTheSchemeAndClientItSawThroughTheTrustedProxy()
    {
        await using var app = new KindlingApp(
            "sqlite",
            new Dictionary<string, string>
            {
                ["Kindling:TrustedProxies:0"] = "10.1.2.3",
                ["Kindling:InstanceName"] = "5002",
            }
        );

        Assert.Equal(
            "5002; scheme=https; client=203.0.113.7",
            await InstanceHeaderAsync(app, IPAddress.Parse("10.1.2.3"), forwardedFor: "203.0.113.7")
        );
        // From anyone else the forwarded headers are not believed, and the header says so.
        Assert.Equal(
            "5002; scheme=http; client=10.9.9.9",
            await InstanceHeaderAsync(app, IPAddress.Parse("10.9.9.9"), forwardedFor: "203.0.113.7")
        );
        // Unset (the default), no response names an instance.
        await using var plain = new KindlingApp("sqlite");
        Assert.Null(await InstanceHeaderAsync(plain, IPAddress.Parse("10.1.2.3"), forwardedFor: "203.0.113.7"));
    }

    private static async Task<string?> InstanceHeaderAsync(KindlingApp app, IPAddress remote, string forwardedFor)
    {
        using var http = new HttpClient(app.Server.CreateHandler(ctx => ctx.Connection.RemoteIpAddress = remote))
        {
            BaseAddress = new Uri("http://localhost"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.TryGetValues("X-Kindling-Instance", out var values) ? values.Single() : null;
    }

    /// <summary>Signs in from <paramref name="remote"/> with "X-Forwarded-Proto: https" and returns the auth cookie's
    /// Set-Cookie.</summary>
    private static async Task<string> SignInCookieAsync(KindlingApp app, CohortScenario s, IPAddress remote)
    {
        var handler = new CookieContainerHandler
        {
            InnerHandler = app.Server.CreateHandler(ctx => ctx.Connection.RemoteIpAddress = remote),
        };
        using var client = new PageClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost") });
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var page = await client.SignInAsync(s.Users["participant"].Email!, CohortScenario.Password);
        return page.SetCookies.Single(c => c.StartsWith("kindling.auth=", StringComparison.Ordinal));
    }
}
