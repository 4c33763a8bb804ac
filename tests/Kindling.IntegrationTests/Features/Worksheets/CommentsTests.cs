using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Worksheets;

[Collection(SecondAppCollection.Name)]
public class CommentsTests(Apps apps)
{
    private static Dictionary<string, string> Form(params (string K, string V)[] f) =>
        f.ToDictionary(x => x.K, x => x.V);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reviewer_CommentsOnField_OwnerResolves_ReviewerCannotResolve(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        using var owner = await seed.Scenario.ClientAsAsync("participant");
        using var peer = await seed.PeerClientAsync();
        var comments = seed.WorksheetUrl + "/comments";
        await owner.PostFormAsync(
            seed.WorksheetUrl + "/sharing",
            Form(("userId", seed.Peer.Id)),
            seed.WorksheetUrl + "/sharing?handler=AddReviewer"
        );

        var posted = await peer.PostFormAsync(
            comments + "?field=stakeholders",
            Form(("Field", "stakeholders"), ("Body", "Funders look like they belong in 'keep satisfied'.")),
            comments + "?handler=Add"
        );
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        await peer.PostFormAsync(
            comments,
            Form(("Field", ""), ("Body", "A clear start overall.")),
            comments + "?handler=Add"
        );

        var page = await owner.GetAsync(comments);
        var open = page.Document.QuerySelectorAll("#open-h ~ .comment-list > li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, open.Count);
        Assert.Contains(open, t => t.Contains("Stakeholders") && t.Contains("keep satisfied"));
        Assert.Contains(open, t => t.Contains("The whole worksheet") && t.Contains("A clear start overall."));

        var ids = await seed.Scenario.App.WithDbAsync(db =>
            db.WorksheetComments.Where(c => c.WorksheetId == seed.WorksheetId)
                .OrderBy(c => c.CreatedUtc)
                .Select(c => c.Id)
                .ToListAsync()
        );
        var byReviewer = await peer.PostFormAsync(
            comments,
            Form(("commentId", ids[0].ToString()), ("resolve", "true")),
            comments + "?handler=Resolve"
        );
        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.Status);
        Assert.Null(
            await seed.Scenario.App.WithDbAsync(db =>
                db.WorksheetComments.Where(c => c.Id == ids[0]).Select(c => c.ResolvedUtc).SingleAsync()
            )
        );

        await owner.PostFormAsync(
            comments,
            Form(("commentId", ids[0].ToString()), ("resolve", "true")),
            comments + "?handler=Resolve"
        );
        var after = await owner.GetAsync(comments);
        Assert.Contains("Open (1)", after.Text);
        Assert.Contains("Resolved (1)", after.Text);
        Assert.NotNull(
            await seed.Scenario.App.WithDbAsync(db =>
                db.WorksheetComments.Where(c => c.Id == ids[0]).Select(c => c.ResolvedById).SingleAsync()
            )
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Comment_EmptyOrUnknownField_ClearMessage_NothingStored(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        using var owner = await seed.Scenario.ClientAsAsync("participant");
        var comments = seed.WorksheetUrl + "/comments";

        var empty = await owner.PostFormAsync(
            comments,
            Form(("Field", ""), ("Body", "   ")),
            comments + "?handler=Add"
        );
        Assert.Contains("Write your comment before posting it.", empty.Errors);
        var unknown = await owner.PostFormAsync(
            comments,
            Form(("Field", "no-such-field"), ("Body", "Hello")),
            comments + "?handler=Add"
        );
        Assert.Contains("Choose a field of this worksheet, or the whole worksheet.", unknown.Errors);
        var tooLong = await owner.PostFormAsync(
            comments,
            Form(("Field", ""), ("Body", new string('x', 4001))),
            comments + "?handler=Add"
        );
        Assert.Contains("Keep the comment under 4,000 characters (it has 4,001).", tooLong.Errors);
        Assert.Equal(
            0,
            await seed.Scenario.App.WithDbAsync(db =>
                db.WorksheetComments.CountAsync(c => c.WorksheetId == seed.WorksheetId)
            )
        );
    }
}
