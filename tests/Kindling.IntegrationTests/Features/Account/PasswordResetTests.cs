using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.TestSupport;
using Kindling.Web.Features.Account;
using static Kindling.IntegrationTests.Features.Account.AccountMailbox;

namespace Kindling.IntegrationTests.Features.Account;

[Collection(AppCollection.Name)]
public class PasswordResetTests(Apps apps)
{
    private const string NewPassword = "amber-orchard-lantern-77";

    private static Task<PageClient.Page> AskAsync(PageClient client, string email) =>
        client.PostFormAsync("/account/forgot", new Dictionary<string, string> { ["Email"] = email });

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Forgot_KnownAndUnknownAddress_SameAnswer_MailOnlyForTheAccount(string provider)
    {
        var app = await apps.GetAsync(provider);
        var known = NewEmail("known");
        var unknown = NewEmail("unknown");
        await app.CreateUserAsync(known, CohortScenario.Password);
        using var client = app.Client();

        var signIn = await client.GetAsync("/account/signin");
        Assert.Contains(signIn.Document.QuerySelectorAll("a"), a => a.TextContent == "Forgot your password?");
        var forUnknown = await AskAsync(client, unknown);
        var forKnown = await AskAsync(client, known);

        Assert.Equal(HttpStatusCode.Redirect, forKnown.Status);
        Assert.Equal(
            (forKnown.Status, forKnown.Location, forKnown.Text),
            (forUnknown.Status, forUnknown.Location, forUnknown.Text)
        );
        var answer = await client.GetAsync(forKnown.Location!.OriginalString);
        Assert.Contains(ForgotModel.Answer, answer.Text);
        // Requests are handled in order after the answer: once the known address has its mail, the unknown one
        // would have had it too.
        var mail = await WaitForAsync(app, known);
        Assert.Equal("Reset your Kindling password", mail.Subject);
        Assert.Empty(await ToAsync(app, unknown));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reset_ThroughTheSmtpServer_SetsThePasswordOnce_AndTheLinkThenRefused(string provider)
    {
        await using var smtp = new TestSmtp();
        await using var app = new KindlingApp(provider, smtp.Settings);
        var email = NewEmail("reset");
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        await AskAsync(client, email);

        var mail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email));
        var link = LinkIn(mail, "/account/reset");
        Assert.Contains("Set new password", (await client.GetAsync(link)).Text);
        var weak = await client.PostFormAsync(
            link,
            new Dictionary<string, string> { ["New"] = "password1234", ["Confirm"] = "password1234" }
        );
        Assert.Equal(HttpStatusCode.OK, weak.Status);
        Assert.NotEmpty(weak.Errors);
        var done = await client.PostFormAsync(
            link,
            new Dictionary<string, string> { ["New"] = NewPassword, ["Confirm"] = NewPassword }
        );
        Assert.Equal("/account/signin", done.Location?.OriginalString);
        await client.SignInAsync(email, NewPassword);

        using var other = app.Client();
        var again = await other.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Contains(ResetModel.Spent, again.Errors);
        var replay = await other.PostWithTokenAsync(
            link,
            new Dictionary<string, string>
            {
                ["New"] = "another-quiet-river-19",
                ["Confirm"] = "another-quiet-river-19",
            },
            await other.TokenAsync("/account/forgot")
        );
        Assert.Equal(HttpStatusCode.Gone, replay.Status);
        await other.SignInAsync(email, NewPassword);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reset_AfterAnHour_TheLinkIsRefused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail("late");
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var client = app.Client();
        await AskAsync(client, email);
        var link = LinkIn(await WaitForAsync(app, email), "/account/reset");

        app.Clock.Advance(TimeSpan.FromMinutes(61));

        var late = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, late.Status);
        Assert.Contains(ResetModel.Spent, late.Errors);
        var post = await client.PostWithTokenAsync(
            link,
            new Dictionary<string, string> { ["New"] = NewPassword, ["Confirm"] = NewPassword },
            await client.TokenAsync("/account/forgot")
        );
        Assert.Equal(HttpStatusCode.Gone, post.Status);
        await client.SignInAsync(email, CohortScenario.Password);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reset_EndsOtherSessions(string provider)
    {
        var app = await apps.GetAsync(provider);
        var email = NewEmail("sessions");
        await app.CreateUserAsync(email, CohortScenario.Password);
        using var elsewhere = app.Client();
        await elsewhere.SignInAsync(email, CohortScenario.Password);
        using var client = app.Client();
        await AskAsync(client, email);
        var link = LinkIn(await WaitForAsync(app, email), "/account/reset");
        await client.PostFormAsync(
            link,
            new Dictionary<string, string> { ["New"] = NewPassword, ["Confirm"] = NewPassword }
        );

        app.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/account/profile")).Status);
    }
}
