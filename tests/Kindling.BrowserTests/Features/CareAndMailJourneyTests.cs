using System.Text.RegularExpressions;
using Kindling.TestSupport;
using Microsoft.Playwright;
using MimeKit;

namespace Kindling.BrowserTests.Features;

/// <summary>
/// Kindling as the channel between the calls, in real browsers against a real SMTP server: a concern raised
/// anonymously from the live room reaches the facilitator by e-mail and in the app, and the reply reaches the
/// reporter on the receipt page, while nobody else can open it; an invitation by e-mail becomes an account; a
/// forgotten password is reset by e-mail.
/// </summary>
[Collection(BrowserCollection.Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001",
    Justification = "The SMTP server is disposed in IAsyncLifetime.DisposeAsync, which xUnit calls after each test."
)]
public partial class CareAndMailJourneyTests(BrowserFixture fx) : IAsyncLifetime
{
    private const string Password = "amber-orchard-compass-58";
    private const string Concern = "During the breakout someone kept mocking my accent.";
    private TestSmtp _smtp = null!;
    private AppProcess _app = null!;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    public async Task InitializeAsync()
    {
        _smtp = new TestSmtp();
        _app = await AppProcess.StartAsync(_smtp.Settings);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Concern_AnonymousFromTheLiveRoom_ReachesTheFacilitator_AndTheReplyTheReceipt()
    {
        await using var facContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        await using var parContext = await LiveRoomTests.NewContextAsync(fx, _app, 360);
        await using var obsContext = await LiveRoomTests.NewContextAsync(fx, _app, 360);
        await using var admContext = await LiveRoomTests.NewContextAsync(fx, _app, 1280);
        var fac = await facContext.NewPageAsync();
        var par = await parContext.NewPageAsync();
        var obs = await obsContext.NewPageAsync();
        var problems = PageErrors.Watch([fac, par]);
        var observerProblems = PageErrors.Watch([obs]);
        var sessionUrl = await LiveRoomTests.ArrangeCohortWithSessionAsync(
            _app,
            fac,
            [(par, "Pat Participant", "pat@example.org")]
        );
        var cohortUrl = Regex.Match(sessionUrl, "^/cohorts/[^/]+").Value;

        // The facilitator confirms their address from the mail sign-up sent, so notifications reach them by e-mail.
        await fac.GotoAsync(LinkIn(await MailAsync("femi@example.org", "Confirm your e-mail address")));
        await Assertions.Expect(fac.GetByText("confirmed", new() { Exact = false }).First).ToBeVisibleAsync();

        // An observer joins through an invitation by e-mail: the link in the mail, the address filled in.
        await fac.GotoAsync(cohortUrl + "/invitations");
        await fac.GetByLabel("E-mail addresses").FillAsync("olu@example.org");
        await fac.GetByLabel("Observer").First.CheckAsync();
        await fac.GetByRole(AriaRole.Button, new() { Name = "Send invitations" }).ClickAsync();
        await Assertions.Expect(fac.GetByText("olu@example.org").First).ToBeVisibleAsync();
        await obs.GotoAsync(LinkIn(await MailAsync("olu@example.org", "invit")));
        await obs.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Assertions.Expect(obs.GetByLabel("E-mail")).ToHaveValueAsync("olu@example.org");
        await obs.GetByLabel("Display name").FillAsync("Olu Observer");
        await obs.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await obs.GetByLabel("Password again").FillAsync(Password);
        await obs.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await obs.GetByLabel(new Regex("I have read the participation guidelines")).CheckAsync();
        await obs.GetByRole(AriaRole.Button, new() { Name = "Enter the cohort" }).ClickAsync();
        await Assertions.Expect(obs.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Spring cohort");

        // The participant, on a phone in the live room, tells a facilitator privately and anonymously.
        await par.GotoAsync(sessionUrl + "/live");
        var formTab = await par.Context.RunAndWaitForPageAsync(() =>
            par.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Tell a facilitator privately") }).ClickAsync()
        );
        await formTab.GetByLabel("What happened").FillAsync(Concern);
        await formTab.GetByLabel("Anonymous").CheckAsync();
        await formTab.GetByRole(AriaRole.Button, new() { Name = "Send privately" }).ClickAsync();
        await Assertions
            .Expect(formTab.GetByRole(AriaRole.Heading, new() { Name = "Your concern was sent" }))
            .ToBeVisibleAsync();
        var receipt = await formTab.GetByLabel("Your receipt link").InputValueAsync();
        await formTab.ScreenshotAsync(new() { Path = Shot("concern-receipt-phone.png"), FullPage = true });
        await formTab.CloseAsync();

        // The facilitator gets an e-mail that says where, not what or who, and a notification in the header.
        var mail = await MailAsync("femi@example.org", "A concern was reported");
        Assert.DoesNotContain("accent", mail.TextBody);
        Assert.DoesNotContain("Pat", mail.TextBody);
        await fac.GotoAsync("/");
        await Assertions.Expect(fac.Locator("[data-bell]")).ToContainTextAsync("1");
        await fac.Locator("[data-bell]").ClickAsync();
        await fac.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("A concern was reported") }).ClickAsync();
        await Assertions.Expect(fac.GetByText(Concern)).ToBeVisibleAsync();
        await Assertions.Expect(fac.GetByText("Pat Participant")).ToHaveCountAsync(0);
        var reportUrl = new Uri(fac.Url).AbsolutePath;
        await fac.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await fac.GetByLabel("Your reply").FillAsync("Thank you for telling us. I will speak with the group today.");
        await fac.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(fac.Locator("section", new() { HasText = "Audit trail" })).ToContainTextAsync("Femi");
        await fac.ScreenshotAsync(new() { Path = Shot("concern-report-desktop.png"), FullPage = true });

        // The reporter reads the reply on the receipt page.
        await par.GotoAsync(receipt);
        await Assertions.Expect(par.GetByText("I will speak with the group today.")).ToBeVisibleAsync();
        await Assertions.Expect(par.GetByText("Acknowledged").First).ToBeVisibleAsync();

        // An observer of the cohort, and an admin who facilitates another cohort, get 404 everywhere.
        Assert.Empty(observerProblems);
        var adm = await admContext.NewPageAsync();
        await adm.GotoAsync("/account/signin");
        await adm.GetByLabel("E-mail").FillAsync("ada@example.org");
        await adm.GetByLabel("Password").FillAsync(Password);
        await adm.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await adm.GotoAsync("/cohorts/new");
        await adm.GetByLabel("Name", new() { Exact = true }).FillAsync("Other cohort");
        await adm.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions.Expect(adm.GetByRole(AriaRole.Heading, new() { Name = "Other cohort" })).ToBeVisibleAsync();
        foreach (var outsider in new[] { obs, adm })
        foreach (var url in new[] { reportUrl, cohortUrl + "/concerns" })
        {
            var response = await outsider.GotoAsync(url);
            Assert.Equal(404, response!.Status);
        }
        var inbox = await adm.GotoAsync("/concerns");
        Assert.DoesNotContain(Concern, await adm.ContentAsync());
        Assert.True(inbox!.Status is 200 or 404);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task ForgottenPassword_IsResetByEmail_ThenSignInWorks()
    {
        await using var context = await LiveRoomTests.NewContextAsync(fx, _app, 360);
        var page = await context.NewPageAsync();
        var problems = PageErrors.Watch([page]);
        await page.GotoAsync(_app.SetupUrl);
        await page.GetByLabel("Display name").FillAsync("Ada Admin");
        await page.GetByLabel("E-mail").FillAsync("ada@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create admin account" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.GotoAsync("/account/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync("ada@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Assertions
            .Expect(page.GetByText("If an account uses this address", new() { Exact = false }))
            .ToBeVisibleAsync();
        var reset = LinkIn(await MailAsync("ada@example.org", "Reset your Kindling password"));
        await page.GotoAsync(reset);
        const string fresh = "lantern-meadow-quartz-91";
        await page.GetByLabel("New password").FillAsync(fresh);
        await page.GetByLabel("Type the password again").FillAsync(fresh);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Shot("reset-done-phone.png"), FullPage = true });

        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail").FillAsync("ada@example.org");
        await page.GetByLabel("Password").FillAsync(fresh);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        Assert.Empty(problems);
        // The link worked once (the refusal is answered with an error status, which the console reports).
        await page.GotoAsync(reset);
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link can't be used" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("New password")).ToHaveCountAsync(0);
    }

    private async Task<MimeMessage> MailAsync(string to, string subjectPart) =>
        await _smtp.WaitForAsync(m =>
            m.To.Mailboxes.Any(b => b.Address == to)
            && m.Subject?.Contains(subjectPart, StringComparison.OrdinalIgnoreCase) == true
        );

    private static string LinkIn(MimeMessage mail) =>
        Link()
            .Matches(mail.TextBody ?? "")
            .Select(m => m.Value)
            .First(u => !u.Contains("/messages/", StringComparison.Ordinal));

    private static string Shot(string name) => Path.Combine(Path.GetTempPath(), "kindling-shots", name);
}
