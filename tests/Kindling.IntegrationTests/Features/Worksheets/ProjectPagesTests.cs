using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Worksheets;

[Collection(SecondAppCollection.Name)]
public class ProjectPagesTests(Apps apps)
{
    private static Dictionary<string, string> Form(params (string K, string V)[] f) =>
        f.ToDictionary(x => x.K, x => x.V);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Participant_CreatesProject_OthersCannotOpenIt(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var par = await s.ClientAsAsync("participant");
        var url = $"/cohorts/{s.CohortId}/projects/new";

        var blank = await par.PostFormAsync(url, Form(("Input.Name", "  "), ("Input.Description", "")));
        Assert.Contains("Give the project a name, for example the community you are building.", blank.Errors);
        Assert.Equal(0, await s.App.WithDbAsync(db => db.Projects.CountAsync(p => p.CohortId == s.CohortId)));

        var created = await par.PostFormAsync(
            url,
            Form(("Input.Name", "Open Seeds network"), ("Input.Description", "Seed librarians who swap notes."))
        );
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var home = await par.GetAsync(created.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("Open Seeds network", home.Document.QuerySelector("h1")!.TextContent);

        foreach (var role in new[] { "facilitator", "observer", "outsider" })
        {
            using var other = await s.ClientAsAsync(role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(created.Location!.ToString())).Status);
        }
        using var observer = await s.ClientAsAsync("observer");
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync(url)).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Owner_AddsCoManager_WhoThenManages_ObserverCannotBeAdded_OwnerCannotBeRemoved(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var s = seed.Scenario;
        using var owner = await s.ClientAsAsync("participant");
        using var peer = await seed.PeerClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await peer.GetAsync(seed.ProjectUrl)).Status);

        var observer = await owner.PostFormAsync(
            seed.ProjectUrl,
            Form(("userId", s.Users["observer"].Id)),
            seed.ProjectUrl + "?handler=AddManager"
        );
        Assert.Contains("Choose a participant or facilitator of this cohort to add as a co-manager.", observer.Errors);

        var added = await owner.PostFormAsync(
            seed.ProjectUrl,
            Form(("userId", seed.Peer.Id)),
            seed.ProjectUrl + "?handler=AddManager"
        );
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal(HttpStatusCode.OK, (await peer.GetAsync(seed.ProjectUrl)).Status);
        var list = await peer.GetAsync($"/cohorts/{s.CohortId}/projects");
        Assert.Contains("Riverside makers", list.Text);

        var removeOwner = await peer.PostFormAsync(
            seed.ProjectUrl,
            Form(("userId", s.Users["participant"].Id)),
            seed.ProjectUrl + "?handler=RemoveManager"
        );
        Assert.Contains("The person who started the project can't be removed from it.", removeOwner.Errors);
        Assert.Equal(
            2,
            await s.App.WithDbAsync(db => db.ProjectMembers.CountAsync(m => m.ProjectId == seed.ProjectId))
        );

        await owner.PostFormAsync(
            seed.ProjectUrl,
            Form(("userId", seed.Peer.Id)),
            seed.ProjectUrl + "?handler=RemoveManager"
        );
        Assert.Equal(HttpStatusCode.NotFound, (await peer.GetAsync(seed.ProjectUrl)).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReviewReminder_AppearsOnDashboardWhenDue_AndClearsWhenReviewed(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var s = seed.Scenario;
        using var owner = await s.ClientAsAsync("participant");
        Assert.DoesNotContain("Review due:", (await owner.GetAsync("/")).Text);

        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        await s.App.WithDbAsync(async db =>
        {
            var p = await db.Projects.SingleAsync(p => p.Id == seed.ProjectId);
            p.CreatedUtc = now.AddMonths(-6).AddDays(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Review due: Riverside makers", (await owner.GetAsync("/")).Text);
        using var peer = await seed.PeerClientAsync();
        Assert.DoesNotContain("Review due:", (await peer.GetAsync("/")).Text);

        var bad = await owner.PostFormAsync(
            seed.ProjectUrl,
            Form(("months", "0")),
            seed.ProjectUrl + "?handler=Review"
        );
        Assert.Contains("The review reminder must come every 1 to 36 months.", bad.Errors);

        // A longer interval makes it not due yet; marking the review done restarts the count.
        await owner.PostFormAsync(seed.ProjectUrl, Form(("months", "12")), seed.ProjectUrl + "?handler=Review");
        Assert.DoesNotContain("Review due:", (await owner.GetAsync("/")).Text);
        await owner.PostFormAsync(
            seed.ProjectUrl,
            Form(("months", "3"), ("reviewedNow", "true")),
            seed.ProjectUrl + "?handler=Review"
        );
        Assert.DoesNotContain("Review due:", (await owner.GetAsync("/")).Text);
        var saved = await s.App.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == seed.ProjectId));
        Assert.Equal((3, now), (saved.ReviewIntervalMonths, saved.LastReviewedUtc!.Value));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MakeACopy_FromTheLessonsTemplate_CreatesAPrivateWorksheetAtVersionOne(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var s = seed.Scenario;
        using var owner = await s.ClientAsAsync("participant");
        var home = await owner.GetAsync(seed.ProjectUrl);
        var offered = home
            .Document.QuerySelectorAll(".copy-list input[name=template]")
            .Select(i => i.GetAttribute("value"))
            .ToList();
        Assert.Equal(
            [
                "community-background",
                "cop-basics",
                "participation-engagement",
                "vision-mission-charter",
                "open-practices",
                "event-plan",
                "impact-indicators",
                "response-process",
            ],
            offered
        );

        var copied = await owner.PostFormAsync(
            seed.ProjectUrl,
            Form(("template", "cop-basics")),
            seed.ProjectUrl + "?handler=Copy"
        );
        Assert.Equal(HttpStatusCode.Redirect, copied.Status);
        var worksheet = await s.App.WithDbAsync(db =>
            db.Worksheets.SingleAsync(w => w.ProjectId == seed.ProjectId && w.TemplateSlug == "cop-basics")
        );
        Assert.Equal($"/cohorts/{s.CohortId}/worksheets/{worksheet.Id}", copied.Location!.ToString());
        Assert.Equal(
            (1, "Community of practice basics", "cop-basics", (DateTime?)null),
            (worksheet.Version, worksheet.Title, worksheet.LessonSlug, worksheet.SharedUtc)
        );
        Assert.Equal(
            1,
            await s.App.WithDbAsync(db => db.WorksheetVersions.CountAsync(v => v.WorksheetId == worksheet.Id))
        );
        Assert.Contains("stakeholder-map", worksheet.TemplateJson);

        var unknown = await owner.PostFormAsync(
            seed.ProjectUrl,
            Form(("template", "no-such-template")),
            seed.ProjectUrl + "?handler=Copy"
        );
        Assert.Contains(
            "That assignment template no longer exists in this cohort's curriculum. Pick one from the list.",
            unknown.Errors
        );
        using var peer = await seed.PeerClientAsync();
        var token = await peer.TokenAsync($"/cohorts/{s.CohortId}/projects");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await peer.PostWithTokenAsync(
                    seed.ProjectUrl + "?handler=Copy",
                    Form(("template", "cop-basics")),
                    token
                )
            ).Status
        );
        Assert.Equal(2, await s.App.WithDbAsync(db => db.Worksheets.CountAsync(w => w.ProjectId == seed.ProjectId)));
    }
}
