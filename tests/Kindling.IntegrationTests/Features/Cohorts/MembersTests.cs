using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Cohorts;

[Collection(SecondAppCollection.Name)]
public class MembersTests(Apps apps)
{
    private static Task<PageClient.Page> PostAsync(
        PageClient client,
        CohortScenario s,
        string handler,
        Dictionary<string, string> fields
    )
    {
        var url = $"/cohorts/{s.CohortId}/members";
        return client.PostFormAsync(url, fields, $"{url}?handler={handler}");
    }

    private static Task<(CohortRole Role, string? Stamp)?> MemberAsync(CohortScenario s, string who) =>
        s.App.WithDbAsync(async db =>
        {
            var id = s.Users[who].Id;
            var role = await db
                .CohortMembers.Where(m => m.CohortId == s.CohortId && m.UserId == id)
                .Select(m => (CohortRole?)m.Role)
                .SingleOrDefaultAsync();
            var stamp = await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync();
            return role is null ? ((CohortRole, string?)?)null : (role.Value, stamp);
        });

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangeRole_ParticipantToObserver_PersistsAndRenewsTheirStamp(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var before = await MemberAsync(s, "participant");
        using var facilitator = await s.ClientAsAsync("facilitator");
        var list = await facilitator.GetAsync($"/cohorts/{s.CohortId}/members");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("par-", list.Text);

        var result = await PostAsync(
            facilitator,
            s,
            "Role",
            new() { ["userId"] = s.Users["participant"].Id, ["role"] = "observer" }
        );
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var after = await MemberAsync(s, "participant");
        Assert.Equal(CohortRole.Observer, after!.Value.Role);
        Assert.NotEqual(before!.Value.Stamp, after.Value.Stamp);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RemoveMember_TheirNextRequest_Gets404(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var participant = await s.ClientAsAsync("participant");
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/cohorts/{s.CohortId}")).Status);
        using var facilitator = await s.ClientAsAsync("facilitator");

        var result = await PostAsync(facilitator, s, "Remove", new() { ["userId"] = s.Users["participant"].Id });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Null(await MemberAsync(s, "participant"));
        var page = await participant.GetAsync($"/cohorts/{s.CohortId}");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Spring cohort", page.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LastFacilitator_DemotedOrRemoved_IsRefusedWithMessage(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var before = await MemberAsync(s, "facilitator");
        var me = s.Users["facilitator"].Id;

        var demoted = await PostAsync(facilitator, s, "Role", new() { ["userId"] = me, ["role"] = "participant" });
        Assert.Equal(HttpStatusCode.OK, demoted.Status);
        Assert.Contains(demoted.Errors, e => e.Contains("at least one facilitator"));
        var removed = await PostAsync(facilitator, s, "Remove", new() { ["userId"] = me });
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Contains(removed.Errors, e => e.Contains("last facilitator"));

        Assert.Equal(before, await MemberAsync(s, "facilitator"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SecondFacilitator_FirstStepsDown_IsAllowedAndStaysSignedIn(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        await PostAsync(
            facilitator,
            s,
            "Role",
            new() { ["userId"] = s.Users["observer"].Id, ["role"] = "facilitator" }
        );

        var result = await PostAsync(
            facilitator,
            s,
            "Role",
            new() { ["userId"] = s.Users["facilitator"].Id, ["role"] = "participant" }
        );
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(CohortRole.Participant, (await MemberAsync(s, "facilitator"))!.Value.Role);
        Assert.Equal(CohortRole.Facilitator, (await MemberAsync(s, "observer"))!.Value.Role);
        s.App.Clock.Advance(TimeSpan.FromMinutes(2)); // past the security stamp check: the re-issued cookie still works
        Assert.Equal(HttpStatusCode.OK, (await facilitator.GetAsync($"/cohorts/{s.CohortId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await facilitator.GetAsync($"/cohorts/{s.CohortId}/members")).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangeRole_InvalidValueOrUnknownPerson_ChangesNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var before = await MemberAsync(s, "participant");

        foreach (var bad in new[] { "owner", "2", "" })
        {
            var result = await PostAsync(
                facilitator,
                s,
                "Role",
                new() { ["userId"] = s.Users["participant"].Id, ["role"] = bad }
            );
            Assert.Equal(HttpStatusCode.OK, result.Status);
            Assert.Contains(result.Errors, e => e.Contains("Choose a role"));
        }
        var unknown = await PostAsync(
            facilitator,
            s,
            "Role",
            new() { ["userId"] = s.Users["outsider"].Id, ["role"] = "observer" }
        );
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        var gone = await PostAsync(facilitator, s, "Remove", new() { ["userId"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);

        Assert.Equal(before, await MemberAsync(s, "participant"));
        Assert.Null(await MemberAsync(s, "outsider"));
    }

    [Theory]
    [InlineData("sqlite", "participant"), InlineData("sqlite", "observer")]
    [InlineData("postgres", "participant"), InlineData("postgres", "observer")]
    public async Task ChangeRole_NotFacilitator_Answers403AndChangesNothing(string provider, string role)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync(role);
        var token = await client.TokenAsync("/account/profile");
        foreach (var (handler, target) in new[] { ("Role", "facilitator"), ("Remove", "facilitator"), ("Role", role) })
        {
            var result = await client.PostWithTokenAsync(
                $"/cohorts/{s.CohortId}/members?handler={handler}",
                new Dictionary<string, string> { ["userId"] = s.Users[target].Id, ["role"] = "facilitator" },
                token
            );
            Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        }
        Assert.Equal(CohortRole.Facilitator, (await MemberAsync(s, "facilitator"))!.Value.Role);
        Assert.Equal(
            role == "observer" ? CohortRole.Observer : CohortRole.Participant,
            (await MemberAsync(s, role))!.Value.Role
        );
    }
}
