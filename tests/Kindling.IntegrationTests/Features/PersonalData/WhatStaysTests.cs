using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Features.Concerns;
using Kindling.IntegrationTests.Features.Worksheets;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Kernel;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.PersonalData;

/// <summary>Deleting an account around other people: what is shared stays with them, a cohort nobody else is in goes,
/// and a report nobody else could read holds the deletion back.</summary>
[Collection(AppCollection.Name)]
public class WhatStaysTests(Apps apps)
{
    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static Task<PageClient.Page> DeleteAsync(PageClient client) =>
        client.PostFormAsync(
            "/account/data",
            new Dictionary<string, string> { ["Password"] = CohortScenario.Password, ["Confirm"] = "true" },
            "/account/data?handler=Delete"
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Delete_ProjectManagedWithOthersStays_ACohortNobodyElseIsInGoes(string provider)
    {
        var app = await apps.GetAsync(provider);
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(app));
        var me = seed.Scenario.Users["participant"];
        var lonely = await CohortScenario.CreateAsync(app);
        await LiveClients.OpenDocumentAsync(lonely);
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.ProjectMembers.Add(
                new ProjectMember
                {
                    ProjectId = seed.ProjectId,
                    UserId = seed.Peer.Id,
                    Role = ProjectRole.CoManager,
                    AddedUtc = now,
                }
            );
            // Shared with the cohort, so the facilitator (not a manager) sees the project too.
            await db
                .Worksheets.Where(w => w.Id == seed.WorksheetId)
                .ExecuteUpdateAsync(x => x.SetProperty(w => w.SharedUtc, now));
            // The lonely cohort's only member is now this person, as its facilitator.
            await db.CohortMembers.Where(m => m.CohortId == lonely.CohortId).ExecuteDeleteAsync();
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = lonely.CohortId,
                    UserId = me.Id,
                    Role = CohortRole.Facilitator,
                    JoinedUtc = now,
                    AcknowledgedUtc = now,
                }
            );
            return await db.SaveChangesAsync();
        });
        using var client = await seed.Scenario.ClientAsAsync("participant");
        var lonelyName = await app.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == lonely.CohortId).Select(c => c.Name).SingleAsync()
        );
        var page = await client.GetAsync("/account/data");
        Assert.Contains($"Nobody else is in “{lonelyName}”", Words(page.Document.Body!.TextContent));

        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(client)).Status);

        // The co-manager keeps the project, its worksheet and the version this person saved, by "a former member".
        using var peer = await seed.PeerClientAsync();
        var versions = await peer.GetAsync($"{seed.WorksheetUrl}/versions");
        Assert.Equal(HttpStatusCode.OK, versions.Status);
        Assert.Contains(FormerMember.Name, versions.Document.Body!.TextContent);
        Assert.DoesNotContain(me.DisplayName, versions.Text);
        using var facilitator = await seed.Scenario.ClientAsAsync("facilitator");
        var home = await facilitator.GetAsync(seed.ProjectUrl);
        Assert.Contains($"Started by {FormerMember.Name}", Words(home.Document.Body!.TextContent));
        Assert.Equal(
            1,
            await app.WithDbAsync(db => db.WorksheetVersions.CountAsync(v => v.WorksheetId == seed.WorksheetId))
        );

        // The cohort only they were in went, with its session and live document.
        var gone = await app.WithDbAsync(async db =>
            new[]
            {
                await db.Cohorts.CountAsync(c => c.Id == lonely.CohortId),
                await db.Sessions.CountAsync(s => s.CohortId == lonely.CohortId),
                await db.LiveDocuments.CountAsync(d => d.SessionId == lonely.SessionId),
            }
        );
        Assert.Equal([0, 0, 0], gone);
        Assert.Equal(1, await app.WithDbAsync(db => db.Cohorts.CountAsync(c => c.Id == seed.Scenario.CohortId)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Delete_WhileAnOpenReportIsAddressedToThemAlone_IsRefused(string provider)
    {
        var s = await ConcernScenario.CreateAsync(await apps.GetAsync(provider));
        using (var reporter = await s.ClientAsAsync("reporter"))
            await s.FileAsync(reporter, audience: "one", facilitatorId: s.Users["facilitator2"].Id);
        using var chosen = await s.ClientAsAsync("facilitator2");

        var refused = await DeleteAsync(chosen);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(
            refused.Errors,
            e => e.StartsWith("An open concern report waits for you alone", StringComparison.Ordinal)
        );
        var id = s.Users["facilitator2"].Id;
        Assert.True(await s.App.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == id)));
    }
}
