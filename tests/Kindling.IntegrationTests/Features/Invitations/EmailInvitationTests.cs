using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Account.AccountMailbox;

namespace Kindling.IntegrationTests.Features.Invitations;

/// <summary>Invitations a facilitator sends to addresses: one single-use link each, mailed in the same save.</summary>
[Collection(AppCollection.Name)]
public class EmailInvitationTests(Apps apps)
{
    private static Task<PageClient.Page> SendAsync(
        PageClient fac,
        Guid cohortId,
        string addresses,
        string role = "participant"
    )
    {
        var url = $"/cohorts/{cohortId}/invitations";
        return fac.PostFormAsync(
            url,
            new Dictionary<string, string>
            {
                ["Mail.Addresses"] = addresses,
                ["Mail.Role"] = role,
                ["Mail.ExpiresInDays"] = "14",
            },
            url + "?handler=Mail"
        );
    }

    private static Task<List<Invitation>> MailedAsync(CohortScenario s) =>
        s.App.WithDbAsync(db =>
            db.Invitations.AsNoTracking().Where(i => i.CohortId == s.CohortId && i.Email != null).ToListAsync()
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Send_EachAddressGetsItsOwnSingleUseLink_ByMail(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var fac = await s.ClientAsAsync("facilitator");
        var (a, b) = (NewEmail("ann"), NewEmail("ben"));

        var sent = await SendAsync(fac, s.CohortId, $" {a},\n{b}\r\n{a.ToUpperInvariant()}\n", "observer");

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var rows = await MailedAsync(s);
        Assert.Equal(
            new[] { a, b }.Order(StringComparer.Ordinal),
            rows.Select(i => i.Email!).Order(StringComparer.Ordinal)
        );
        Assert.All(rows, i => Assert.Equal((1, CohortRole.Observer), (i.MaxUses!.Value, i.Role)));
        foreach (var row in rows)
        {
            var mail = Assert.Single(await ToAsync(s.App, row.Email!));
            Assert.Contains("Spring cohort", mail.Subject);
            Assert.Equal($"/invite/{row.Token}", LinkIn(mail, $"/invite/{row.Token}"));
            Assert.Contains("as an observer", mail.TextBody);
        }
        var page = await fac.GetAsync($"/cohorts/{s.CohortId}/invitations");
        Assert.Contains($"Link e-mailed to {a}", page.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Send_ABadAddressOrTooMany_SendsNothing_AndNamesTheProblem(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var fac = await s.ClientAsAsync("facilitator");
        var good = NewEmail("good");

        var bad = await SendAsync(fac, s.CohortId, $"{good}, ann.example.org, bo@");
        var many = await SendAsync(
            fac,
            s.CohortId,
            string.Join("\n", Enumerable.Range(0, 51).Select(i => $"p{i}@example.org"))
        );
        var none = await SendAsync(fac, s.CohortId, " \n ");

        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("“ann.example.org” is not an e-mail address. Correct it or remove it.", bad.Errors);
        Assert.Contains("“bo@” is not an e-mail address. Correct it or remove it.", bad.Errors);
        Assert.Contains(many.Errors, e => e.Contains("You entered 51 addresses; at most 50"));
        Assert.Contains("Enter at least one e-mail address.", none.Errors);
        Assert.Empty(await MailedAsync(s));
        Assert.Empty(await ToAsync(s.App, good));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Resend_MailsTheSameLinkAgain(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var fac = await s.ClientAsAsync("facilitator");
        var email = NewEmail("again");
        await SendAsync(fac, s.CohortId, email);
        var invitation = Assert.Single(await MailedAsync(s));
        var url = $"/cohorts/{s.CohortId}/invitations";

        var resent = await fac.PostFormAsync(
            url,
            new Dictionary<string, string> { ["id"] = invitation.Id.ToString() },
            url + "?handler=Resend"
        );

        Assert.Equal(HttpStatusCode.Redirect, resent.Status);
        var mails = await ToAsync(s.App, email);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => LinkIn(m, $"/invite/{invitation.Token}"));
        Assert.Single(await MailedAsync(s));
        using var participant = await s.ClientAsAsync("participant");
        var refused = await participant.PostWithTokenAsync(
            url + "?handler=Resend",
            new Dictionary<string, string> { ["id"] = invitation.Id.ToString() },
            await participant.TokenAsync("/account/profile")
        );
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(2, (await ToAsync(s.App, email)).Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUp_FromTheMail_HasTheAddressFilledIn_AndConfirmed(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var fac = await s.ClientAsAsync("facilitator");
        var (kept, changed) = (NewEmail("kept"), NewEmail("changed"));
        await SendAsync(fac, s.CohortId, $"{kept}, {changed}");
        var rows = await MailedAsync(s);

        foreach (var (invited, used) in new[] { (kept, kept), (changed, NewEmail("other")) })
        {
            var token = rows.Single(i => i.Email == invited).Token;
            using var client = s.App.Client();
            var form = await client.GetAsync($"/account/signup?invite={token}");
            Assert.Equal(invited, form.Document.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
            var result = await client.PostFormAsync(
                $"/account/signup?invite={token}",
                new Dictionary<string, string>
                {
                    ["Input.DisplayName"] = "Newcomer",
                    ["Input.Email"] = used,
                    ["Input.Password"] = CohortScenario.Password,
                    ["Input.ConfirmPassword"] = CohortScenario.Password,
                    ["Input.TimeZoneId"] = "Europe/Berlin",
                    ["Invite"] = token,
                }
            );
            Assert.Equal(HttpStatusCode.Redirect, result.Status);
            var confirmed = await s.App.WithDbAsync(db =>
                db.Users.Where(u => u.Email == used).Select(u => u.EmailConfirmed).SingleAsync()
            );
            // The link proved the address it was mailed to, and only that one: another address gets a confirmation mail.
            Assert.Equal(used == invited, confirmed);
            Assert.Equal(
                used == invited ? 0 : 1,
                (await ToAsync(s.App, used)).Count(m => m.Subject!.StartsWith("Confirm", StringComparison.Ordinal))
            );
        }
    }
}
