using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>Sharing a worksheet with the cohort lets its members read it and comment; its owner sees how many comments
/// are open.</summary>
[Collection(SecondAppCollection.Name)]
public class SharedWorksheetCommentsTests(Apps apps)
{
    private static Dictionary<string, string> Form(params (string K, string V)[] f) =>
        f.ToDictionary(x => x.K, x => x.V);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SharedWorksheet_MemberReadsAndComments_NoDeadLinks_OwnerSeesOpenCount(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        using var owner = await seed.Scenario.ClientAsAsync("participant");
        using var member = await seed.PeerClientAsync();
        using var outsider = await seed.Scenario.ClientAsAsync("outsider");
        var comments = seed.WorksheetUrl + "/comments";
        await owner.PostFormAsync(
            seed.WorksheetUrl + "/sharing",
            Form(("share", "true")),
            seed.WorksheetUrl + "/sharing?handler=Share"
        );

        // The member reads the worksheet and every link on it leads somewhere they may go (comments, the project).
        var page = await member.GetAsync(seed.WorksheetUrl);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        await member.AssertNoDeadLinksAsync(page, seed.WorksheetUrl);
        var project = await member.GetAsync(seed.ProjectUrl);
        Assert.Contains("Who is around our community", project.Text);
        Assert.Null(project.Document.QuerySelector("form[action*=handler]")); // reads only: nothing to manage
        await member.AssertNoDeadLinksAsync(project, seed.ProjectUrl);

        var posted = await member.PostFormAsync(
            comments,
            Form(("Field", "purpose"), ("Body", "Could the purpose name who it is for?")),
            comments + "?handler=Add"
        );
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var thread = await member.GetAsync(comments);
        Assert.Contains("Could the purpose name who it is for?", thread.Text);
        await member.AssertNoDeadLinksAsync(thread, comments);

        // The owner sees the open comment on the worksheet, in the project's list and on the dashboard.
        Assert.Contains("Comments (1 open comment)", (await owner.GetAsync(seed.WorksheetUrl)).Text);
        Assert.Contains(
            "1 open comment",
            (await owner.GetAsync(seed.ProjectUrl)).Document.QuerySelector(".cards")!.TextContent
        );
        var dashboard = await owner.GetAsync("/");
        Assert.Contains("Comments on Who is around our community", dashboard.Text);
        Assert.Contains("1 open comment to read and resolve", dashboard.Text);

        // Someone outside the cohort still finds nothing.
        foreach (var url in new[] { seed.WorksheetUrl, comments, seed.ProjectUrl })
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).Status);
        var token = await outsider.TokenAsync("/account/profile");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await outsider.PostWithTokenAsync(comments + "?handler=Add", Form(("Field", ""), ("Body", "Hi")), token)
            ).Status
        );

        // Unshared, it is private again: the member can neither read, comment nor open the project.
        await owner.PostFormAsync(
            seed.WorksheetUrl + "/sharing",
            Form(("share", "false")),
            seed.WorksheetUrl + "/sharing?handler=Share"
        );
        foreach (var url in new[] { seed.WorksheetUrl, comments, seed.ProjectUrl })
            Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).Status);
        var late = await member.PostWithTokenAsync(
            comments + "?handler=Add",
            Form(("Field", ""), ("Body", "Late")),
            await member.TokenAsync("/account/profile")
        );
        Assert.Equal(HttpStatusCode.NotFound, late.Status);
        Assert.Equal(
            1,
            await seed.Scenario.App.WithDbAsync(db =>
                db.WorksheetComments.CountAsync(c => c.WorksheetId == seed.WorksheetId)
            )
        );
    }
}
