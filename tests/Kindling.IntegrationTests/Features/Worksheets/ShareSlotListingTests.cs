using Kindling.IntegrationTests.Features.LiveSession;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>The next session's "share your insights" slot lists the worksheets projects chose to share, and only
/// those.</summary>
[Collection(SecondAppCollection.Name)]
public class ShareSlotListingTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ShareSlot_ListsSharedWorksheets_NotPrivateOnes(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var s = seed.Scenario;
        var second = await ShareSlotTests.AddSecondSessionAsync(s);
        await LiveClients.OpenDocumentAsync(s, second);
        using var peer = await seed.PeerClientAsync();
        var room = $"/cohorts/{s.CohortId}/sessions/{second}/live";

        var before = await peer.GetAsync(room);
        var slot = before.Document.QuerySelector(".shared-worksheets")!;
        Assert.Contains("None yet.", slot.TextContent);
        Assert.DoesNotContain("Who is around our community", before.Text);

        // The peer also has the room open: the list reaches it as soon as the worksheet is shared, without a reload.
        await using var live = await LiveClients.JoinAsync(s.App, seed.Peer.Email!, CohortScenario.Password, second);
        Assert.Empty((await live.SharedWorksheetsAsync()).Worksheets);
        var pushed = new TaskCompletionSource<SharedWorksheetList>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.SharedWorksheetsPushed += list => pushed.TrySetResult(list);

        using var owner = await s.ClientAsAsync("participant");
        await owner.PostFormAsync(
            seed.WorksheetUrl + "/sharing",
            new Dictionary<string, string> { ["share"] = "true" },
            seed.WorksheetUrl + "/sharing?handler=Share"
        );
        var arrived = Assert.Single(
            (await pushed.Task.WaitAsync(TimeSpan.FromSeconds(LiveAssert.Patience))).Worksheets
        );
        Assert.Equal(("Who is around our community", seed.WorksheetUrl), (arrived.Title, arrived.Url));
        Assert.StartsWith("Riverside makers", arrived.ProjectName);
        Assert.Equal(arrived, Assert.Single((await live.SharedWorksheetsAsync()).Worksheets));

        var after = await peer.GetAsync(room);
        var link = after.Document.QuerySelector(".shared-worksheets a")!;
        Assert.Equal("Who is around our community", link.TextContent);
        Assert.Equal(seed.WorksheetUrl, link.GetAttribute("href"));
        Assert.Contains("Riverside makers", after.Document.QuerySelector(".shared-worksheets")!.TextContent);
    }
}
