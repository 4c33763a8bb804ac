using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Account.AccountMailbox;

namespace Kindling.IntegrationTests.Features.Account;

[Collection(AppCollection.Name)]
public class TwoFactorTests(Apps apps)
{
    private static Task<PageClient.Page> PasswordAsync(PageClient client, string email) =>
        client.PostFormAsync(
            "/account/signin?returnUrl=%2Faccount%2Fprofile",
            new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = CohortScenario.Password,
                ["ReturnUrl"] = "/account/profile",
            }
        );

    private static Task<PageClient.Page> CodeAsync(PageClient client, string code) =>
        client.PostFormAsync(
            "/account/signin-2fa?returnUrl=%2Faccount%2Fprofile",
            new Dictionary<string, string> { ["Code"] = code }
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SetUp_ACodeFromTheApp_TurnsItOn_AndShowsTenRecoveryCodesOnce(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail("setup");
        var user = await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        await client.SignInAsync(email, CohortScenario.Password);
        await client.PostFormAsync(
            "/account/two-factor",
            new Dictionary<string, string>(),
            "/account/two-factor?handler=Start"
        );
        var setup = await client.GetAsync("/account/two-factor");
        var key = setup.Document.QuerySelector("#key")!.TextContent;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Contains("otpauth://totp/Kindling:", setup.Text);

        var wrong = await client.PostFormAsync(
            "/account/two-factor",
            new Dictionary<string, string> { ["Code"] = "000000" },
            "/account/two-factor?handler=Enable"
        );
        Assert.Contains(wrong.Errors, e => e.Contains("That code doesn't match"));
        var on = await client.PostFormAsync(
            "/account/two-factor",
            new Dictionary<string, string> { ["Code"] = Code(key) },
            "/account/two-factor?handler=Enable"
        );

        Assert.Equal(10, on.Document.QuerySelectorAll(".recovery-codes code").Length);
        Assert.True(
            await app.WithDbAsync(db =>
                db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()
            )
        );
        var later = await client.GetAsync("/account/two-factor"); // still signed in, and the codes are not shown again
        Assert.Contains("Two-factor sign-in is on", later.Text);
        Assert.Empty(later.Document.QuerySelectorAll(".recovery-codes code"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_WithTwoFactor_AsksForTheCodeBeforeLettingIn(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail("second");
        var user = await app.CreateUserAsync(email, CohortScenario.Password);
        var (key, _) = await EnableTwoFactorAsync(app, user.Id);
        using var client = app.Client();

        var first = await PasswordAsync(client, email);

        Assert.StartsWith("/account/signin-2fa", first.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).Status); // not yet in
        var second = await CodeAsync(client, Code(key));
        Assert.Equal("/account/profile", second.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_WithARecoveryCode_WorksOnceForEachCode(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail("recover");
        var user = await app.CreateUserAsync(email, CohortScenario.Password);
        var (_, codes) = await EnableTwoFactorAsync(app, user.Id);
        using var client = app.Client();
        await PasswordAsync(client, email);

        var recovered = await CodeAsync(client, codes[0]);

        Assert.Equal("/account/profile", recovered.Location?.OriginalString);
        Assert.Contains("9 are left", (await client.GetAsync("/account/profile")).Text);
        using var again = app.Client();
        await PasswordAsync(again, email);
        var reused = await CodeAsync(again, codes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.Status);
        Assert.Contains(SignInTwoFactorModel.Wrong, reused.Errors);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_FiveWrongCodes_LockTheAccountEvenForTheRightCode(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail("lock");
        var user = await app.CreateUserAsync(email, CohortScenario.Password);
        var (key, codes) = await EnableTwoFactorAsync(app, user.Id);
        using var client = app.Client();
        await PasswordAsync(client, email);

        await CodeAsync(client, "bad-recovery");
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()
            )
        );
        for (var i = 0; i < 4; i++)
            await CodeAsync(client, "00000" + i);
        var right = await CodeAsync(client, Code(key));
        var recovery = await CodeAsync(client, codes[0]);

        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains(SignInTwoFactorModel.Wrong, right.Errors);
        Assert.Equal(HttpStatusCode.OK, recovery.Status);
        Assert.Equal(
            10,
            await app.WithDbAsync(async db =>
                (
                    await db
                        .UserTokens.Where(t => t.UserId == user.Id && t.Name == "RecoveryCodes")
                        .Select(t => t.Value)
                        .SingleAsync()
                )!
                    .Split(';')
                    .Length
            )
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TurnOff_NeedsThePassword_ThenThePasswordAloneSignsIn(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail("off");
        var user = await app.CreateUserAsync(email, CohortScenario.Password);
        var (key, _) = await EnableTwoFactorAsync(app, user.Id);
        using var client = app.Client();
        await PasswordAsync(client, email);
        await CodeAsync(client, Code(key));

        var wrong = await client.PostFormAsync(
            "/account/two-factor",
            new Dictionary<string, string> { ["Password"] = "not-the-password" },
            "/account/two-factor?handler=Disable"
        );
        Assert.Contains(wrong.Errors, e => e.Contains("The password is not right"));
        var off = await client.PostFormAsync(
            "/account/two-factor",
            new Dictionary<string, string> { ["Password"] = CohortScenario.Password },
            "/account/two-factor?handler=Disable"
        );

        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        using var fresh = app.Client();
        Assert.Equal("/account/profile", (await PasswordAsync(fresh, email)).Location?.OriginalString);
    }
}
