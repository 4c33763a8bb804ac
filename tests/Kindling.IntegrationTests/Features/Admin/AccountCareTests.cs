using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Account.AccountMailbox;

namespace Kindling.IntegrationTests.Features.Admin;

/// <summary>The admin page's care for accounts: disabling one, failed mail, facilitator invitations by
/// e-mail.</summary>
[Collection(AppCollection.Name)]
public class AccountCareTests(Apps apps)
{
    private static Task<PageClient.Page> PostAsync(PageClient admin, string handler, Dictionary<string, string> form) =>
        admin.PostFormAsync("/admin", form, $"/admin?handler={handler}");

    private static Task<PageClient.Page> SignInAsync(PageClient client, string email, string password) =>
        client.PostFormAsync(
            "/account/signin",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Disable_EndsTheSessionWithinAMinute_AndOnlyThePasswordHolderLearnsWhy(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var person = s.Users["participant"];
        using var theirs = await s.ClientAsAsync("participant");
        using var admin = await s.ClientAsAsync("admin");

        var disabled = await PostAsync(admin, "Disable", new() { ["userId"] = person.Id });

        Assert.Equal(HttpStatusCode.Redirect, disabled.Status);
        Assert.Contains("disabled", (await admin.GetAsync("/admin")).Text);
        s.App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await theirs.GetAsync($"/cohorts/{s.CohortId}")).Status);
        using var again = s.App.Client();
        var right = await SignInAsync(again, person.Email!, CohortScenario.Password);
        var wrong = await SignInAsync(again, person.Email!, "not-the-password-at-all");
        Assert.Contains(SignInModel.Disabled, right.Errors);
        Assert.Contains(SignInModel.Refused, wrong.Errors);
        await again.PostFormAsync("/account/forgot", new Dictionary<string, string> { ["Email"] = person.Email! });
        // Requests are handled in order: once a later one is mailed, the disabled account's was handled too.
        await again.PostFormAsync(
            "/account/forgot",
            new Dictionary<string, string> { ["Email"] = s.Users["observer"].Email! }
        );
        await WaitForAsync(s.App, s.Users["observer"].Email!);
        Assert.Empty(await ToAsync(s.App, person.Email!));

        var enabled = await PostAsync(admin, "Enable", new() { ["userId"] = person.Id });

        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        await again.SignInAsync(person.Email!, CohortScenario.Password);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Disable_YourselfOrTheLastAdmin_IsRefused(string provider)
    {
        await using var app = new KindlingApp(provider);
        var first = await app.CreateUserAsync(NewEmail("first"), CohortScenario.Password, "UTC", InstanceRoles.Admin);
        var second = await app.CreateUserAsync(NewEmail("second"), CohortScenario.Password, "UTC", InstanceRoles.Admin);
        using var one = app.Client();
        await one.SignInAsync(first.Email!, CohortScenario.Password);
        using var two = app.Client();
        await two.SignInAsync(second.Email!, CohortScenario.Password);

        var self = await PostAsync(one, "Disable", new() { ["userId"] = first.Id });
        Assert.Contains(self.Errors, e => e.Contains("You can't disable your own account"));
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await PostAsync(one, "Disable", new() { ["userId"] = second.Id })).Status
        );
        // Within the minute before the disabled admin's session ends, they can't take the last admin with them.
        var last = await PostAsync(two, "Disable", new() { ["userId"] = first.Id });

        Assert.Contains(last.Errors, e => e.Contains("is the last admin who can sign in"));
        await one.GetAsync("/admin");
        Assert.False(
            await app.WithDbAsync(db =>
                db.Users.Where(u => u.Id == first.Id).Select(u => u.LockoutEnd != null).SingleAsync()
            )
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AdminPage_ShowsTheLastFailedMailForEachPerson(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        await s.App.WithDbAsync(db =>
        {
            foreach (var (minutes, error) in new[] { (-30, "older failure"), (-5, "550 5.1.1 No such mailbox here") })
                db.Outbox.Add(
                    new OutboxMessage
                    {
                        Kind = MessageKind.SessionReminder,
                        UserId = s.Users["observer"].Id,
                        ToAddress = s.Users["observer"].Email!,
                        Subject = "Session tomorrow",
                        State = OutboxState.Failed,
                        CreatedUtc = now.AddMinutes(minutes),
                        NextAttemptUtc = now,
                        LastError = error,
                    }
                );
            return db.SaveChangesAsync();
        });
        using var admin = await s.ClientAsAsync("admin");

        var page = await admin.GetAsync("/admin");

        var row = page.Document.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(s.Users["observer"].Email!));
        Assert.Contains("550 5.1.1 No such mailbox here", row.TextContent);
        Assert.DoesNotContain("older failure", row.TextContent);
        var others = page
            .Document.QuerySelectorAll("tr")
            .Single(r => r.TextContent.Contains(s.Users["participant"].Email!));
        Assert.Empty(others.QuerySelectorAll(".failed-mail"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FacilitatorInvitationByEmail_IsMailed_AndResentWithTheSameLink(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var admin = await s.ClientAsAsync("admin");
        var email = NewEmail("newfac");

        var sent = await PostAsync(
            admin,
            "MailInvite",
            new() { ["Mail.Addresses"] = email, ["Mail.ExpiresInDays"] = "7" }
        );
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var invitation = await s.App.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Email == email));
        Assert.Null(invitation.CohortId);
        Assert.Equal(1, invitation.MaxUses);
        var resent = await PostAsync(admin, "ResendInvite", new() { ["id"] = invitation.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, resent.Status);
        var mails = await ToAsync(s.App, email);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal($"/invite/{invitation.Token}", LinkIn(m, $"/invite/{invitation.Token}")));
        Assert.Contains(email, (await admin.GetAsync("/admin")).Text);
    }
}
