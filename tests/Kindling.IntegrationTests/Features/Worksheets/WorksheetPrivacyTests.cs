using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>A worksheet is seen by its project only until shared; reviewers see it to comment; nobody else ever
/// does.</summary>
[Collection(SecondAppCollection.Name)]
public class WorksheetPrivacyTests(Apps apps)
{
    private static async Task<Dictionary<string, PageClient>> ClientsAsync(ProjectSeed seed)
    {
        var clients = new Dictionary<string, PageClient>
        {
            ["anonymous"] = seed.Scenario.App.Client(),
            ["peer"] = await seed.PeerClientAsync(),
        };
        foreach (var role in new[] { "participant", "facilitator", "observer", "outsider" })
            clients[role] = await seed.Scenario.ClientAsAsync(role);
        return clients;
    }

    private static async Task AssertSeesAsync(PageClient client, string url, bool sees, string who)
    {
        var page = await client.GetAsync(url);
        if (sees)
            Assert.True(page.Status == HttpStatusCode.OK, $"{who} should see {url} but got {(int)page.Status}");
        else
            Assert.True(
                page.Status is HttpStatusCode.NotFound or HttpStatusCode.Redirect,
                $"{who} must not see {url} but got {(int)page.Status}"
            );
        if (!sees && page.Status == HttpStatusCode.Redirect)
            Assert.StartsWith("/account/signin", page.Location!.ToString().Replace("http://localhost", ""));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Worksheet_PrivateToProject_UntilShared_ThenWholeCohortReadsOnly(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var clients = await ClientsAsync(seed);
        string[] urls =
        [
            seed.WorksheetUrl,
            seed.WorksheetUrl + "/sharing",
            seed.WorksheetUrl + "/comments",
            seed.ProjectUrl,
        ];
        foreach (var (who, client) in clients)
        foreach (var url in urls)
            await AssertSeesAsync(client, url, who == "participant", who);
        var list = await clients["peer"].GetAsync(seed.CohortUrl + "/projects");
        Assert.DoesNotContain("Who is around our community", list.Text);

        var shared = await clients["participant"]
            .PostFormAsync(
                seed.WorksheetUrl + "/sharing",
                new Dictionary<string, string> { ["share"] = "true" },
                seed.WorksheetUrl + "/sharing?handler=Share"
            );
        Assert.Equal(HttpStatusCode.Redirect, shared.Status);

        foreach (var (who, client) in clients)
        {
            var member = who is "participant" or "peer" or "facilitator" or "observer";
            await AssertSeesAsync(client, seed.WorksheetUrl, member, who);
            // Sharing lets the cohort read and its participants comment, and shows the project's shared worksheets to
            // the cohort; it does not let them manage the project or change sharing. Observers read only.
            await AssertSeesAsync(client, seed.WorksheetUrl + "/sharing", who == "participant", who);
            await AssertSeesAsync(client, seed.WorksheetUrl + "/comments", member && who != "observer", who);
            await AssertSeesAsync(client, seed.ProjectUrl, member, who);
        }
        var listed = await clients["observer"].GetAsync(seed.CohortUrl + "/projects");
        Assert.Contains("Who is around our community", listed.Text);

        // A peer's attempt to change sharing is refused and changes nothing.
        var token = await clients["peer"].TokenAsync(seed.CohortUrl + "/projects");
        var refused = await clients["peer"]
            .PostWithTokenAsync(
                seed.WorksheetUrl + "/sharing?handler=Share",
                new Dictionary<string, string> { ["share"] = "false" },
                token
            );
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.NotNull(
            await seed.Scenario.App.WithDbAsync(db =>
                db.Worksheets.Where(w => w.Id == seed.WorksheetId).Select(w => w.SharedUtc).SingleAsync()
            )
        );

        await clients["participant"]
            .PostFormAsync(
                seed.WorksheetUrl + "/sharing",
                new Dictionary<string, string> { ["share"] = "false" },
                seed.WorksheetUrl + "/sharing?handler=Share"
            );
        await AssertSeesAsync(clients["peer"], seed.WorksheetUrl, false, "peer after unsharing");
        await AssertSeesAsync(clients["observer"], seed.WorksheetUrl, false, "observer after unsharing");
        foreach (var c in clients.Values)
            c.Dispose();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reviewer_ReadsAndComments_BeforeSharing_ButCannotManage(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        using var owner = await seed.Scenario.ClientAsAsync("participant");
        using var peer = await seed.PeerClientAsync();
        using var observer = await seed.Scenario.ClientAsAsync("observer");

        var asked = await owner.PostFormAsync(
            seed.WorksheetUrl + "/sharing",
            new Dictionary<string, string> { ["userId"] = seed.Peer.Id },
            seed.WorksheetUrl + "/sharing?handler=AddReviewer"
        );
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var dashboard = await peer.GetAsync("/");
        Assert.Contains("Feedback requested: Who is around our community", dashboard.Text);

        await AssertSeesAsync(peer, seed.WorksheetUrl, true, "reviewer");
        await AssertSeesAsync(peer, seed.WorksheetUrl + "/comments", true, "reviewer");
        await AssertSeesAsync(peer, seed.WorksheetUrl + "/sharing", false, "reviewer");
        await AssertSeesAsync(peer, seed.ProjectUrl, true, "reviewer"); // lists the worksheet to review, read-only
        await AssertSeesAsync(observer, seed.WorksheetUrl, false, "observer who was not asked");

        // The owner can't ask someone outside the cohort; the message says who can be asked.
        var outsider = await owner.PostFormAsync(
            seed.WorksheetUrl + "/sharing",
            new Dictionary<string, string> { ["userId"] = seed.Scenario.Users["outsider"].Id },
            seed.WorksheetUrl + "/sharing?handler=AddReviewer"
        );
        Assert.Contains("Choose a member of this cohort who does not already manage the project.", outsider.Errors);
        Assert.Equal(
            1,
            await seed.Scenario.App.WithDbAsync(db =>
                db.WorksheetReviewers.CountAsync(r => r.WorksheetId == seed.WorksheetId)
            )
        );

        await owner.PostFormAsync(
            seed.WorksheetUrl + "/sharing",
            new Dictionary<string, string> { ["userId"] = seed.Peer.Id },
            seed.WorksheetUrl + "/sharing?handler=RemoveReviewer"
        );
        await AssertSeesAsync(peer, seed.WorksheetUrl, false, "former reviewer");
        await AssertSeesAsync(peer, seed.ProjectUrl, false, "former reviewer");
    }
}
