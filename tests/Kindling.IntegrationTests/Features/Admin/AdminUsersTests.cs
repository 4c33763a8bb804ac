using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Admin;

[Collection(AppCollection.Name)]
public class AdminUsersTests(Apps apps)
{
    private static Task<bool> IsFacilitatorAsync(KindlingApp app, string userId) =>
        app.WithDbAsync(db =>
            (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ur.UserId == userId && r.Name == InstanceRoles.Facilitator
                select ur
            ).AnyAsync()
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AdminPage_NonAdminFacilitator_Gets403(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var page = await facilitator.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Not allowed", page.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GrantFacilitator_ByAdmin_UserCanStartCohortsWithinAMinute(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var user = await s.ClientAsAsync("outsider");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/cohorts/new")).Status);
        using var admin = await s.ClientAsAsync("admin");
        var list = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(s.Users["outsider"].Email!, list.Text);

        var result = await admin.PostFormAsync(
            "/admin",
            new Dictionary<string, string> { ["userId"] = s.Users["outsider"].Id },
            "/admin?handler=Grant"
        );
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.True(await IsFacilitatorAsync(s.App, s.Users["outsider"].Id));
        // The signed-in person's cookie picks up the role at the next security stamp check (every minute).
        s.App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/cohorts/new")).Status);
        using var fresh = await s.ClientAsAsync("outsider");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/cohorts/new")).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RevokeFacilitator_ByAdmin_RemovesRoleButNeverFromAnAdmin(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var admin = await s.ClientAsAsync("admin");
        var revoked = await admin.PostFormAsync(
            "/admin",
            new Dictionary<string, string> { ["userId"] = s.Users["facilitator"].Id },
            "/admin?handler=Revoke"
        );
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        Assert.False(await IsFacilitatorAsync(s.App, s.Users["facilitator"].Id));

        var self = await admin.PostFormAsync(
            "/admin",
            new Dictionary<string, string> { ["userId"] = s.Users["admin"].Id },
            "/admin?handler=Revoke"
        );
        Assert.Equal(HttpStatusCode.OK, self.Status);
        Assert.Contains(self.Errors, e => e.Contains("admins can always facilitate"));
        Assert.True(await IsFacilitatorAsync(s.App, s.Users["admin"].Id));
    }
}
