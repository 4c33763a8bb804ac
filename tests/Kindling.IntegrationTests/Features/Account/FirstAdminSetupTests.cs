using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Account;

/// <summary>Runs on its own app per provider: the set-up link only exists while the instance has no admin.</summary>
public class FirstAdminSetupTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SetupLink_CreatesTheAdminOnceThenStopsWorking(string provider)
    {
        await using var app = new KindlingApp(provider);
        _ = app.Server;
        var token = app.SetupToken;
        Assert.False(string.IsNullOrEmpty(token));
        using var client = app.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup/not-the-token")).Status);
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "First Admin",
            ["Input.Email"] = "admin@example.org",
            ["Input.Password"] = "copper-meadow-violin-7",
            ["Input.ConfirmPassword"] = "copper-meadow-violin-7",
            ["Input.TimeZoneId"] = "Europe/Paris",
        };
        var created = await client.PostFormAsync($"/setup/{token}", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cohorts/new")).Status);

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync("admin@example.org");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, InstanceRoles.Admin));
        Assert.Null(app.SetupToken);

        using var late = app.Client();
        var again = await late.GetAsync($"/setup/{token}");
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Contains("not valid", again.Text);

        await app.Services.GetRequiredService<FirstAdminSetup>().IssueLinkIfNoAdminAsync(); // a restart
        Assert.Null(app.SetupToken);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SetupLink_AnotherInstanceStartingSoonAfter_BothLinksWorkUntilALaterStart(string provider)
    {
        await using var app = new KindlingApp(provider);
        _ = app.Server;
        var first = app.SetupToken;
        var setup = app.Services.GetRequiredService<FirstAdminSetup>();
        using var client = app.Client();

        // A second instance on the same database starts a minute later and prints its own link: the first one,
        // perhaps already copied from the first instance's journal, still works.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await setup.IssueLinkIfNoAdminAsync();
        var second = setup.PendingToken;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/setup/{first}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/setup/{second}")).Status);

        // A start long after replaces both: old links found in old logs stop working.
        app.Clock.Advance(FirstAdminSetup.SharedFor + TimeSpan.FromMinutes(1));
        await setup.IssueLinkIfNoAdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/setup/{first}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/setup/{second}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/setup/{setup.PendingToken}")).Status);
    }
}
