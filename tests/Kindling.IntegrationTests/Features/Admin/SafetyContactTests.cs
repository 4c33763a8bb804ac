using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Admin;

/// <summary>An admin makes a person a safety contact from the admin page, and takes it back; nobody else can.</summary>
[Collection(AppCollection.Name)]
public class SafetyContactTests(Apps apps)
{
    private static Task<bool> IsSafetyContactAsync(KindlingApp app, string userId) =>
        app.WithDbAsync(db =>
            (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ur.UserId == userId && r.Name == InstanceRoles.SafetyContact
                select ur
            ).AnyAsync()
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SafetyContactToggle_ByAdmin_AddsAndRemovesTheRole(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var person = s.Users["outsider"];
        using var admin = await s.ClientAsAsync("admin");
        async Task<string> ButtonAsync()
        {
            var page = await admin.GetAsync("/admin");
            var form = page
                .Document.QuerySelectorAll("form[action='/admin/safety-contact']")
                .FirstOrDefault(f => f.QuerySelector("input[name=userId]")?.GetAttribute("value") == person.Id);
            Assert.NotNull(form);
            return string.Join(
                ' ',
                form.QuerySelector("button")!
                    .TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            );
        }
        Assert.Equal($"Make safety contact: {person.DisplayName}", await ButtonAsync());

        var on = new Dictionary<string, string> { ["userId"] = person.Id, ["on"] = "true" };
        var made = await admin.PostFormAsync("/admin", on, "/admin/safety-contact");
        Assert.Equal(HttpStatusCode.Redirect, made.Status);
        Assert.True(await IsSafetyContactAsync(s.App, person.Id));
        Assert.Equal($"Remove safety contact: {person.DisplayName}", await ButtonAsync());

        var off = new Dictionary<string, string> { ["userId"] = person.Id, ["on"] = "false" };
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await admin.PostFormAsync("/admin", off, "/admin/safety-contact")).Status
        );
        Assert.False(await IsSafetyContactAsync(s.App, person.Id));

        var unknown = new Dictionary<string, string> { ["userId"] = "nobody", ["on"] = "true" };
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await admin.PostFormAsync("/admin", unknown, "/admin/safety-contact")).Status
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SafetyContactToggle_ByNonAdmin_IsRefused(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var facilitator = await s.ClientAsAsync("facilitator");
        var token = await facilitator.TokenAsync("/");
        var answer = await facilitator.PostWithTokenAsync(
            "/admin/safety-contact",
            new Dictionary<string, string> { ["userId"] = s.Users["facilitator"].Id, ["on"] = "true" },
            token
        );
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.False(await IsSafetyContactAsync(s.App, s.Users["facilitator"].Id));
    }
}
