using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Invitations;

[Collection(AppCollection.Name)]
public class InvitationTests(Apps apps)
{
    private static Task<int> CountUsersAsync(KindlingApp app, string email) =>
        app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email));

    private static Task<Invitation> FindAsync(KindlingApp app, string invitePath) =>
        app.WithDbAsync(db =>
            db.Invitations.AsNoTracking().SingleAsync(i => i.Token == InvitationFlow.Token(invitePath))
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SingleUseInvitation_NewPerson_SignsUpAcknowledgesAndEntersWithTheRole(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "observer");

        var (client, signedUp, email) = await InvitationFlow.SignUpAsync(s.App, link, "Ana");
        using var _ = client;
        Assert.Equal(HttpStatusCode.Redirect, signedUp.Status);
        Assert.Equal($"/cohorts/{s.CohortId}/welcome", signedUp.Location!.OriginalString);

        var ack = await InvitationFlow.AcknowledgeAsync(client, s.CohortId);
        Assert.Equal(HttpStatusCode.Redirect, ack.Status);
        var cohort = await client.GetAsync($"/cohorts/{s.CohortId}");
        Assert.Equal(HttpStatusCode.OK, cohort.Status);
        Assert.Contains("Spring cohort", cohort.Text);

        var member = await s.App.WithDbAsync(db =>
            db.CohortMembers.AsNoTracking().SingleAsync(m => m.CohortId == s.CohortId && m.User!.Email == email)
        );
        Assert.Equal(CohortRole.Observer, member.Role);
        Assert.NotNull(member.AcknowledgedUtc);
        Assert.Equal(1, (await FindAsync(s.App, link)).Uses);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SingleUseInvitation_SecondUse_IsRefusedWithoutCreatingAnything(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant");
        var (first, firstResult, _) = await InvitationFlow.SignUpAsync(s.App, link, "Bo");
        first.Dispose();
        Assert.Equal(HttpStatusCode.Redirect, firstResult.Status);

        var (second, secondResult, email) = await InvitationFlow.SignUpAsync(s.App, link, "Cy");
        using var _ = second;
        Assert.Equal(HttpStatusCode.Gone, secondResult.Status);
        Assert.Contains("already been used", secondResult.Text);
        // Posting the form anyway (e.g. from a page opened earlier) creates nothing either.
        var token = await second.TokenAsync("/account/signin");
        var posted = await second.PostWithTokenAsync(
            $"/account/signup?invite={InvitationFlow.Token(link)}",
            new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Cy",
                ["Input.Email"] = email,
                ["Input.Password"] = CohortScenario.Password,
                ["Input.ConfirmPassword"] = CohortScenario.Password,
                ["Input.TimeZoneId"] = "UTC",
                ["Invite"] = InvitationFlow.Token(link),
            },
            token
        );
        Assert.Equal(HttpStatusCode.Gone, posted.Status);
        Assert.Equal(0, await CountUsersAsync(s.App, email));
        Assert.Equal(4, await s.App.WithDbAsync(db => db.CohortMembers.CountAsync(m => m.CohortId == s.CohortId)));
        Assert.Equal(1, (await FindAsync(s.App, link)).Uses);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUp_LegacyZoneNameFromTheBrowser_StoresTheCanonicalZone(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var token = InvitationFlow.Token(await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant"));
        using var anonymous = s.App.Client();
        var signup = $"/account/signup?invite={token}";

        // The form starts on "Choose a time zone" (never UTC unseen) and tells timezone.js the legacy names of each
        // zone.
        var form = await anonymous.GetAsync(signup);
        Assert.Equal(
            "",
            form.Document.QuerySelector("select[name='Input.TimeZoneId'] option[selected]")?.GetAttribute("value")
        );
        Assert.Contains(
            "Asia/Calcutta",
            form.Document.QuerySelectorAll("select[name='Input.TimeZoneId'] option")
                .Single(o => o.TextContent == "Asia/Kolkata")
                .GetAttribute("data-aliases")!
                .Split(' ')
        );

        var email = $"kolkata-{Guid.NewGuid():N}@example.org";
        var result = await anonymous.PostFormAsync(
            signup,
            new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Ira",
                ["Input.Email"] = email,
                ["Input.Password"] = CohortScenario.Password,
                ["Input.ConfirmPassword"] = CohortScenario.Password,
                ["Input.TimeZoneId"] = "Asia/Calcutta",
                ["Invite"] = token,
            }
        );

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(
            "Asia/Kolkata",
            await s.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TimeZoneId).SingleAsync())
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MultiUseInvitation_EightPeopleAtOnce_AllJoin(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant", uses: "multi");

        var results = await InvitationFlow.SignUpTogetherAsync(s.App, link, 8);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Result.Status));
        var emails = results.Select(r => r.Email).ToList();
        Assert.Equal(
            8,
            await s.App.WithDbAsync(db =>
                db.CohortMembers.CountAsync(m =>
                    m.CohortId == s.CohortId && m.Role == CohortRole.Participant && emails.Contains(m.User!.Email!)
                )
            )
        );
        Assert.Equal(8, (await FindAsync(s.App, link)).Uses);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SingleUseInvitation_EightPeopleAtOnce_MakesExactlyOneAccount(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant");

        var results = await InvitationFlow.SignUpTogetherAsync(s.App, link, 8);

        Assert.Single(results, r => r.Result.Status == HttpStatusCode.Redirect);
        Assert.All(
            results.Where(r => r.Result.Status != HttpStatusCode.Redirect),
            r => Assert.Contains("already been used", r.Result.Text)
        );
        var emails = results.Select(r => r.Email).ToList();
        Assert.Equal(1, await s.App.WithDbAsync(db => db.Users.CountAsync(u => emails.Contains(u.Email!))));
        Assert.Equal(4, await s.App.WithDbAsync(db => db.CohortMembers.CountAsync(m => m.CohortId == s.CohortId)));
        Assert.Equal(1, (await FindAsync(s.App, link)).Uses);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExpiredInvitation_Opened_SaysExpired(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant", days: 1);
        s.App.Clock.Advance(TimeSpan.FromDays(2));

        using var anonymous = s.App.Client();
        var page = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("expired", page.Text);
        var (client, signUp, email) = await InvitationFlow.SignUpAsync(s.App, link, "Di");
        client.Dispose();
        Assert.Equal(HttpStatusCode.Gone, signUp.Status);
        Assert.Equal(0, await CountUsersAsync(s.App, email));

        using var again = await s.ClientAsAsync("facilitator");
        var list = await again.GetAsync($"/cohorts/{s.CohortId}/invitations");
        Assert.Contains(
            "expired",
            list.Document.QuerySelector($"#inv-{(await FindAsync(s.App, link)).Id} .tag")!.TextContent
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RevokedInvitation_Opened_SaysWithdrawn_AndRevokingAgainSaysSo(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant", uses: "multi");
        var id = (await FindAsync(s.App, link)).Id;
        var url = $"/cohorts/{s.CohortId}/invitations";
        var revoked = await facilitator.PostFormAsync(
            url,
            new Dictionary<string, string> { ["id"] = id.ToString() },
            url + "?handler=Revoke"
        );
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        var revokedAt = (await FindAsync(s.App, link)).RevokedUtc;
        Assert.NotNull(revokedAt);

        using var anonymous = s.App.Client();
        var page = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("withdrawn", page.Text);

        var twice = await facilitator.PostFormAsync(
            url,
            new Dictionary<string, string> { ["id"] = id.ToString() },
            url + "?handler=Revoke"
        );
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains(twice.Errors, e => e.Contains("already revoked"));
        Assert.Equal(revokedAt, (await FindAsync(s.App, link)).RevokedUtc);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MultiUseInvitation_TwoPeople_BothJoin(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant", uses: "multi");
        foreach (var name in new[] { "Eli", "Fay" })
        {
            var (client, result, email) = await InvitationFlow.SignUpAsync(s.App, link, name);
            client.Dispose();
            Assert.Equal(HttpStatusCode.Redirect, result.Status);
            Assert.Equal(
                CohortRole.Participant,
                await s.App.WithDbAsync(db =>
                    db.CohortMembers.Where(m => m.CohortId == s.CohortId && m.User!.Email == email)
                        .Select(m => m.Role)
                        .SingleAsync()
                )
            );
        }
        Assert.Equal(2, (await FindAsync(s.App, link)).Uses);
        var list = await facilitator.GetAsync($"/cohorts/{s.CohortId}/invitations");
        Assert.Contains("open", list.Document.QuerySelector(".invitations .tag")!.TextContent);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExistingMember_OpensInvitationWithOtherRole_KeepsRoleAndLinkUnused(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "facilitator");
        using var participant = await s.ClientAsAsync("participant");

        var accepted = await participant.PostFormAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, accepted.Status);
        Assert.Contains(accepted.Errors, e => e.Contains("already a participant"));
        var role = await s.App.WithDbAsync(db =>
            db.CohortMembers.Where(m => m.CohortId == s.CohortId && m.UserId == s.Users["participant"].Id)
                .Select(m => m.Role)
                .SingleAsync()
        );
        Assert.Equal(CohortRole.Participant, role);
        Assert.Equal(0, (await FindAsync(s.App, link)).Uses);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UnknownToken_Opened_Answers404WithReadablePage(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var anonymous = app.Client();
        var page = await anonymous.GetAsync("/invite/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("not valid", page.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NewMember_BeforeAcknowledging_IsSentToWelcomeAndMustTickTheBox(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var link = await InvitationFlow.CreateAsync(facilitator, s.CohortId, "participant");
        var (client, _, email) = await InvitationFlow.SignUpAsync(s.App, link, "Gus");
        using var __ = client;

        foreach (var page in new[] { $"/cohorts/{s.CohortId}", $"/cohorts/{s.CohortId}/sessions/{s.SessionId}" })
        {
            var result = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, result.Status);
            Assert.Equal($"/cohorts/{s.CohortId}/welcome", result.Location!.OriginalString);
        }
        var refused = await InvitationFlow.AcknowledgeAsync(client, s.CohortId, agree: false);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("Tick the box"));
        var acknowledged = await s.App.WithDbAsync(db =>
            db.CohortMembers.Where(m => m.CohortId == s.CohortId && m.User!.Email == email)
                .Select(m => m.AcknowledgedUtc)
                .SingleAsync()
        );
        Assert.Null(acknowledged);
    }

    [Theory]
    [InlineData("sqlite", "participant"), InlineData("sqlite", "observer")]
    [InlineData("postgres", "participant"), InlineData("postgres", "observer")]
    public async Task CreateInvitation_WrongRole_Answers403AndStoresNothing(string provider, string role)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync(role);
        var token = await client.TokenAsync("/account/profile");
        var result = await client.PostWithTokenAsync(
            $"/cohorts/{s.CohortId}/invitations?handler=Create",
            new Dictionary<string, string>
            {
                ["Input.Role"] = "facilitator",
                ["Input.Uses"] = "multi",
                ["Input.ExpiresInDays"] = "30",
            },
            token
        );
        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Invitations.CountAsync(i => i.CohortId == s.CohortId)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CreateInvitation_DaysOutOfRange_SaysWhatIsAllowedAndStoresNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var url = $"/cohorts/{s.CohortId}/invitations";
        foreach (
            var (days, role) in new[]
            {
                ("91", "participant"),
                ("0", "participant"),
                ("soon", "participant"),
                ("14", "owner"),
            }
        )
        {
            var result = await facilitator.PostFormAsync(
                url,
                new Dictionary<string, string>
                {
                    ["Input.Role"] = role,
                    ["Input.Uses"] = "single",
                    ["Input.ExpiresInDays"] = days,
                },
                url + "?handler=Create"
            );
            Assert.Equal(HttpStatusCode.OK, result.Status);
            Assert.Contains(result.Errors, e => e.Contains(role == "owner" ? "Choose a role" : "1 to 90"));
        }
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Invitations.CountAsync(i => i.CohortId == s.CohortId)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FacilitatorInvitationFromAdmin_NewPerson_CanStartCohorts(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var admin = await s.ClientAsAsync("admin");
        var created = await admin.PostFormAsync(
            "/admin",
            new Dictionary<string, string> { ["ExpiresInDays"] = "7" },
            "/admin?handler=Invite"
        );
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var link = InvitationFlow.NewestLink(await admin.GetAsync("/admin"));
        var invitation = await FindAsync(s.App, link);
        Assert.Null(invitation.CohortId);
        Assert.Equal(1, invitation.MaxUses);

        var (client, result, _) = await InvitationFlow.SignUpAsync(s.App, link, "Hal");
        using var __ = client;
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cohorts/new")).Status);
        // The used link no longer shows among the open ones.
        Assert.DoesNotContain(InvitationFlow.Token(link), (await admin.GetAsync("/admin")).Text);
    }
}
