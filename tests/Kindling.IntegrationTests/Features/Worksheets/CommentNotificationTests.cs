using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>A new comment on a worksheet tells the project's managers, never its author.</summary>
[Collection(SecondAppCollection.Name)]
public class CommentNotificationTests(Apps apps)
{
    private static Dictionary<string, string> Form(params (string K, string V)[] f) =>
        f.ToDictionary(x => x.K, x => x.V);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Comment_NotifiesManagersExceptAuthor_LinksToTheComments_MailHasNoText(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var s = seed.Scenario;
        var owner = s.Users["participant"];
        using var ownerClient = await s.ClientAsAsync("participant");
        using var peer = await seed.PeerClientAsync();
        var comments = seed.WorksheetUrl + "/comments";
        await ownerClient.PostFormAsync(
            seed.WorksheetUrl + "/sharing",
            Form(("userId", seed.Peer.Id)),
            seed.WorksheetUrl + "/sharing?handler=AddReviewer"
        );

        var posted = await peer.PostFormAsync(
            comments + "?field=stakeholders",
            Form(("Field", "stakeholders"), ("Body", "Funders belong in 'keep satisfied', I think.")),
            comments + "?handler=Add"
        );
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);

        var n = Assert.Single(await NotificationsAsync(s.App, owner.Id, MessageKind.WorksheetComment));
        Assert.Equal($"{comments}?field=stakeholders", n.Link);
        Assert.Equal(s.CohortId, n.CohortId);
        Assert.Contains(seed.Peer.DisplayName, n.Body);
        Assert.Contains("Stakeholders", n.Body);
        var mail = Assert.Single(await MailsAsync(s.App, owner.Id, MessageKind.WorksheetComment));
        Assert.DoesNotContain("keep satisfied", mail.TextBody);
        Assert.Contains(comments, mail.TextBody);
        Assert.Empty(await NotificationsAsync(s.App, seed.Peer.Id, MessageKind.WorksheetComment));
        Assert.Empty(await NotificationsAsync(s.App, s.Users["facilitator"].Id, MessageKind.WorksheetComment));

        // The owner's own comment tells nobody (they are the only manager).
        await ownerClient.PostFormAsync(comments, Form(("Field", ""), ("Body", "Agreed.")), comments + "?handler=Add");
        Assert.Single(await NotificationsAsync(s.App, owner.Id, MessageKind.WorksheetComment));
        Assert.Empty(await NotificationsAsync(s.App, seed.Peer.Id, MessageKind.WorksheetComment));

        // A refused comment (empty) tells nobody either.
        await peer.PostFormAsync(comments, Form(("Field", ""), ("Body", "   ")), comments + "?handler=Add");
        Assert.Single(await NotificationsAsync(s.App, owner.Id, MessageKind.WorksheetComment));
    }
}
