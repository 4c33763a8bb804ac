using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Account;

[Collection(AppCollection.Name)]
public class AccountTests(Apps apps)
{
    private static string NewEmail() => $"acct-{Guid.NewGuid():N}@example.org";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail();
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync(
                "/account/signin",
                new Dictionary<string, string> { ["Email"] = email, ["Password"] = "not-the-password-" + i }
            );
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
        }
        var locked = await client.PostFormAsync(
            "/account/signin",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = CohortScenario.Password }
        );
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Contains(locked.Errors, e => e.Contains("locked"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_FiveWrongPasswords_ExistingAndUnknownAddressesReadTheSame(string provider)
    {
        var app = await apps.GetAsync(provider);
        var existing = NewEmail();
        await app.CreateUserAsync(existing, CohortScenario.Password);
        var answers = new Dictionary<string, List<(HttpStatusCode, string)>>();
        foreach (var email in new[] { existing, NewEmail() })
        {
            using var client = app.Client();
            answers[email] = [];
            for (var i = 0; i < 6; i++)
            {
                var page = await client.PostFormAsync(
                    "/account/signin",
                    new Dictionary<string, string> { ["Email"] = email, ["Password"] = "not-the-password-" + i }
                );
                answers[email].Add((page.Status, string.Join(" | ", page.Errors)));
            }
        }
        // Attempt by attempt, including those after the existing account was locked, nothing tells the two apart.
        Assert.Equal(answers.Values.First(), answers.Values.Last());
        Assert.All(
            answers.Values.First(),
            a => Assert.Contains("don't match an account, or the account is locked", a.Item2)
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangePassword_FiveWrongCurrentPasswords_LocksTheAccountAndSignsOut(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail();
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        await client.SignInAsync(email, CohortScenario.Password);
        var fresh = "violet-harbour-kettle-93";
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostFormAsync(
                "/account/password",
                new Dictionary<string, string>
                {
                    ["Current"] = "guessing-again-" + i,
                    ["New"] = fresh,
                    ["Confirm"] = fresh,
                }
            );
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
            Assert.Contains(wrong.Errors, e => e.Contains("current password is not right"));
        }

        var fifth = await client.PostFormAsync(
            "/account/password",
            new Dictionary<string, string>
            {
                ["Current"] = "guessing-again-4",
                ["New"] = fresh,
                ["Confirm"] = fresh,
            }
        );

        Assert.Equal(HttpStatusCode.Redirect, fifth.Status);
        Assert.Equal("/account/signin", fifth.Location!.OriginalString);
        Assert.Contains("signed out everywhere", (await client.GetAsync("/account/signin")).Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).Status);
        using var again = app.Client();
        var locked = await again.PostFormAsync(
            "/account/signin",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = CohortScenario.Password }
        );
        Assert.Equal(HttpStatusCode.OK, locked.Status); // the right password is refused while locked
        Assert.False(
            await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync())
                is null
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_WrongPassword_SaysSoWithoutTellingWhichPartIsWrong(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = app.Client();
        var page = await client.PostFormAsync(
            "/account/signin",
            new Dictionary<string, string> { ["Email"] = NewEmail(), ["Password"] = "whatever-it-is-here" }
        );
        Assert.Contains(page.Errors, e => e.Contains("don't match an account"));
    }

    public static TheoryData<string, string, string> WeakPasswords()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var p in new[] { "sqlite", "postgres" })
        {
            data.Add(p, "short-pw", "12 to 128");
            data.Add(p, "password1234", "too common");
            data.Add(p, "aaaaaaaaaaaaaaaa", "too common");
            data.Add(p, "123456789012", "too common");
            data.Add(p, "Summer2024!!", "too easy to guess: it is built on a password that many people use");
            data.Add(p, "admin1234567", "too easy to guess: it is built on a password that many people use");
            data.Add(p, "qwertyuiopas", "too easy to guess: it is built on a password that many people use");
        }
        return data;
    }

    [Theory, MemberData(nameof(WeakPasswords))]
    public async Task ChangePassword_WeakNewPassword_IsRefusedAndOldOneStillWorks(
        string provider,
        string weak,
        string message
    )
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail();
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        await client.SignInAsync(email, CohortScenario.Password);
        var page = await client.PostFormAsync(
            "/account/password",
            new Dictionary<string, string>
            {
                ["Current"] = CohortScenario.Password,
                ["New"] = weak,
                ["Confirm"] = weak,
            }
        );
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message));
        using var again = app.Client();
        await again.SignInAsync(email, CohortScenario.Password);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangePassword_Valid_NewPasswordSignsInAndOldDoesNot(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail();
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        await client.SignInAsync(email, CohortScenario.Password);
        const string fresh = "violet-harbour-kettle-93";
        var page = await client.PostFormAsync(
            "/account/password",
            new Dictionary<string, string>
            {
                ["Current"] = CohortScenario.Password,
                ["New"] = fresh,
                ["Confirm"] = fresh,
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        using var other = app.Client();
        var old = await other.PostFormAsync(
            "/account/signin",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = CohortScenario.Password }
        );
        Assert.Equal(HttpStatusCode.OK, old.Status);
        await other.SignInAsync(email, fresh);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignOut_CopiedCookie_NoLongerWorks(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail();
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        var signIn = await client.SignInAsync(email, CohortScenario.Password);
        var cookie = signIn.SetCookies.Single(c => c.StartsWith("kindling.auth=", StringComparison.Ordinal)).Split(';')[
            0
        ];
        using (var copy = app.Client())
        {
            copy.Http.DefaultRequestHeaders.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/account/profile")).Status);
        }
        var signOut = await client.PostFormAsync("/", new Dictionary<string, string>(), "/account/signout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).Status);
        // The security stamp changed at sign-out; once the stamp is re-validated a copied cookie is refused.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var copied = app.Client();
        copied.Http.DefaultRequestHeaders.Add("Cookie", cookie);
        var result = await copied.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CookieWithUnchangedStamp_AfterTheStampIsRevalidated_StillWorksAndIsRenewed(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail();
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        await client.SignInAsync(email, CohortScenario.Password);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var result = await client.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Your profile", result.Text);
        // re-issued after the stamp check
        Assert.Contains(result.SetCookies, c => c.StartsWith("kindling.auth=", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Profile_Save_StoresEveryRollCallField(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail();
        var user = await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        await client.SignInAsync(email, CohortScenario.Password);
        var page = await client.PostFormAsync(
            "/account/profile",
            new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Ada",
                ["Input.Pronouns"] = "she/her",
                ["Input.Title"] = "Community manager",
                ["Input.Organisation"] = "Open Lab",
                ["Input.SocialHandles"] = "@ada@example.social",
                ["Input.Feeling"] = "🌱 growing",
                ["Input.TimeZoneId"] = "Europe/Berlin",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var saved = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        Assert.Equal(
            ("Ada", "she/her", "Community manager", "Open Lab", "@ada@example.social", "🌱 growing", "Europe/Berlin"),
            (
                saved.DisplayName,
                saved.Pronouns,
                saved.Title,
                saved.Organisation,
                saved.SocialHandles,
                saved.Feeling,
                saved.TimeZoneId
            )
        );

        // The form shows what was saved, each value in the field its label names.
        var form = await client.GetAsync("/account/profile");
        string Shown(string label)
        {
            var l = form.Document.QuerySelectorAll("form.stack label").Single(x => x.TextContent.Trim() == label);
            var control = form.Document.GetElementById(l.GetAttribute("for")!)!;
            return control is AngleSharp.Html.Dom.IHtmlSelectElement select
                ? select.Value ?? ""
                : ((AngleSharp.Html.Dom.IHtmlInputElement)control).Value ?? "";
        }
        Assert.Equal(
            ("Ada", "she/her", "Community manager", "Open Lab", "@ada@example.social", "🌱 growing", "Europe/Berlin"),
            (
                Shown("Display name"),
                Shown("Pronouns"),
                Shown("Role or title"),
                Shown("Organisation"),
                Shown("Social handles"),
                Shown("Your feeling about community (emoji or a short line)"),
                Shown("Time zone")
            )
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUp_WithoutInvitation_ShowsThatAnInvitationIsNeeded(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = app.Client();
        var page = await client.GetAsync("/account/signup");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("invitation link is not valid", page.Text);
    }
}
