using System.Globalization;
using System.Net;
using Kindling.IntegrationTests.Features.Invitations;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Account;

[Collection(GuardedCollection.Name)]
public class RateLimitTests(GuardedApps apps)
{
    private static async Task<HttpResponseMessage> PostAsync(
        PageClient client,
        string pageUrl,
        Dictionary<string, string> fields,
        string? action = null
    )
    {
        fields["__RequestVerificationToken"] = await client.TokenAsync(pageUrl);
        return await client.Http.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(fields));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_OverTheLimitFromOneAddress_Answers429WithAPageAndCountsNothing_OtherAddressesSignIn(
        string provider
    )
    {
        var app = apps.Get(provider);
        var email = $"limit-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var guesser = apps.ClientAtNewAddress(app);
        for (var i = 0; i < GuardedApps.SignInLimit; i++)
        {
            var wrong = await PostAsync(
                guesser,
                "/account/signin",
                new() { ["Email"] = email, ["Password"] = "wrong-guess-number-" + i }
            );
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var refused = await PostAsync(
            guesser,
            "/account/signin",
            new() { ["Email"] = email, ["Password"] = CohortScenario.Password }
        );

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);
        var page = await PageClient.Page.FromAsync(refused);
        Assert.Equal("Slow down", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Nothing was saved", page.Text);
        Assert.DoesNotContain(page.SetCookies, c => c.StartsWith("kindling.auth=", StringComparison.Ordinal));
        // The refused attempt never reached the password check: only the three wrong ones count toward lockout.
        Assert.Equal(
            GuardedApps.SignInLimit,
            await app.WithDbAsync(db =>
                db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync()
            )
        );

        using var elsewhere = apps.ClientAtNewAddress(app);
        await elsewhere.SignInAsync(email, CohortScenario.Password);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CreateInvitation_OverTheLimitForOneAccount_Answers429AndStoresNothing_OtherAccountsUnaffected(
        string provider
    )
    {
        var s = await CohortScenario.CreateAsync(apps.Get(provider));
        var address = apps.NewAddress();
        using var facilitator = GuardedApps.ClientAt(s.App, address);
        await facilitator.SignInAsync(s.Users["facilitator"].Email!, CohortScenario.Password);
        for (var i = 0; i < GuardedApps.SendLimit; i++)
            await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant");

        var url = $"/cohorts/{s.CohortId}/invitations";
        var refused = await PostAsync(
            facilitator,
            url,
            new()
            {
                ["Input.Role"] = "participant",
                ["Input.Uses"] = "single",
                ["Input.ExpiresInDays"] = "14",
            },
            url + "?handler=Create"
        );

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("Slow down", await refused.Content.ReadAsStringAsync());
        Assert.Equal(
            GuardedApps.SendLimit,
            await s.App.WithDbAsync(db => db.Invitations.CountAsync(i => i.CohortId == s.CohortId))
        );
        Assert.Equal(HttpStatusCode.OK, (await facilitator.GetAsync(url)).Status); // reading the page is never limited

        // Another account at the same address still creates invitations: once signed in, the limit is per account.
        using var admin = GuardedApps.ClientAt(s.App, address);
        await admin.SignInAsync(s.Users["admin"].Email!, CohortScenario.Password);
        var invited = await admin.PostFormAsync(
            "/admin",
            new Dictionary<string, string> { ["ExpiresInDays"] = "7" },
            "/admin?handler=Invite"
        );
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
    }
}
