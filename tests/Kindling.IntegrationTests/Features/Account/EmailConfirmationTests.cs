using System.Net;
using Kindling.IntegrationTests.Features.Invitations;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Account.AccountMailbox;

namespace Kindling.IntegrationTests.Features.Account;

[Collection(AppCollection.Name)]
public class EmailConfirmationTests(Apps apps)
{
    private static Task<bool> ConfirmedAsync(KindlingApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync());

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUp_ThroughALink_UnconfirmedUntilTheMailedLinkIsOpened(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var fac = await s.ClientAsAsync("facilitator");
        var invite = await InvitationFlow.CreateAsync(fac, s.CohortId, "participant");
        var (client, result, email) = await InvitationFlow.SignUpAsync(s.App, invite, "newbie");
        using var _ = client;
        Assert.Equal(HttpStatusCode.Redirect, result.Status);

        Assert.False(await ConfirmedAsync(s.App, email));
        var profile = await client.GetAsync("/account/profile");
        Assert.Contains("not confirmed yet", profile.Text);
        Assert.Contains("Send the confirmation again", profile.Text);
        var mail = Assert.Single(await ToAsync(s.App, email));
        Assert.Equal("Confirm your e-mail address for Kindling", mail.Subject);

        using var elsewhere = s.App.Client(); // the mail may be read in another browser, signed out
        var confirmed = await elsewhere.GetAsync(LinkIn(mail, "/account/confirm"));
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Contains($"{email} is confirmed", confirmed.Text);
        Assert.True(await ConfirmedAsync(s.App, email));
        Assert.DoesNotContain("not confirmed yet", (await client.GetAsync("/account/profile")).Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SendAgain_WritesANewLink_AndBothWork(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail("again");
        var user = await app.CreateUserAsync(email, CohortScenario.Password);
        await app.WithDbAsync(db =>
            db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false))
        );
        using var client = app.Client();
        await client.SignInAsync(email, CohortScenario.Password);

        var sent = await client.PostFormAsync(
            "/account/profile",
            new Dictionary<string, string>(),
            "/account/email?handler=Resend"
        );

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var mail = Assert.Single(await ToAsync(app, email));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(LinkIn(mail, "/account/confirm"))).Status);
        Assert.True(await ConfirmedAsync(app, email));
        var tampered = LinkIn(mail, "/account/confirm").Replace("token=", "token=x", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(tampered)).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangeAddress_TheOldOneStaysUntilTheNewOneIsConfirmed(string provider)
    {
        var app = await apps.GetAsync(provider);
        var old = NewEmail("old");
        var fresh = NewEmail("new");
        await app.CreateUserAsync(old, CohortScenario.Password);
        using var client = app.Client();
        await client.SignInAsync(old, CohortScenario.Password);

        var asked = await client.PostFormAsync(
            "/account/email",
            new Dictionary<string, string> { ["NewEmail"] = fresh, ["Password"] = CohortScenario.Password },
            "/account/email?handler=Change"
        );

        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var page = await client.GetAsync("/account/email");
        Assert.Contains($"{fresh}: open the link we sent there", page.Text);
        var notice = Assert.Single(await ToAsync(app, old));
        Assert.Contains(fresh, notice.TextBody);
        var link = LinkIn(Assert.Single(await ToAsync(app, fresh)), "/account/confirm");
        using (var before = app.Client())
        {
            await before.SignInAsync(old, CohortScenario.Password); // still the address in use
        }

        using var elsewhere = app.Client();
        var confirmed = await elsewhere.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Contains($"Your address is now {fresh}", confirmed.Text);
        Assert.True(await ConfirmedAsync(app, fresh));
        using var after = app.Client();
        await after.SignInAsync(fresh, CohortScenario.Password);
        Assert.Equal(HttpStatusCode.Gone, (await elsewhere.GetAsync(link)).Status); // spent
        var refused = await after.PostFormAsync(
            "/account/signin",
            new Dictionary<string, string> { ["Email"] = old, ["Password"] = CohortScenario.Password }
        );
        Assert.Equal(HttpStatusCode.OK, refused.Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangeAddress_ToAnAddressInUseOrWithAWrongPassword_ChangesNothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var mine = NewEmail("mine");
        var theirs = NewEmail("theirs");
        await app.CreateUserAsync(mine, CohortScenario.Password);
        await app.CreateUserAsync(theirs, CohortScenario.Password);
        using var client = app.Client();
        await client.SignInAsync(mine, CohortScenario.Password);

        var taken = await client.PostFormAsync(
            "/account/email",
            new Dictionary<string, string> { ["NewEmail"] = theirs, ["Password"] = CohortScenario.Password },
            "/account/email?handler=Change"
        );
        var wrong = await client.PostFormAsync(
            "/account/email",
            new Dictionary<string, string> { ["NewEmail"] = NewEmail("free"), ["Password"] = "not-my-password-at-all" },
            "/account/email?handler=Change"
        );

        Assert.Contains(taken.Errors, e => e.Contains($"Another account already uses {theirs}"));
        Assert.Contains(wrong.Errors, e => e.Contains("The password is not right"));
        Assert.Empty(await ToAsync(app, mine));
        Assert.Empty(await ToAsync(app, theirs));
    }
}
