using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;
using static Kindling.IntegrationTests.Features.PeerFeedback.PeerSeed;

namespace Kindling.IntegrationTests.Features.PeerFeedback;

/// <summary>A facilitator arranges peer feedback on shared worksheets; reviewers are asked, can read and comment, and
/// the round page follows their comments.</summary>
[Collection(AppCollection.Name)]
public class PeerRoundTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RandomRound_PairsEveryShared_NeverSelf_AsksEach_ReviewerComments_StatesFollow(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var owners = new List<AppUser> { s.Users["participant"] };
        for (var i = 0; i < 3; i++)
            owners.Add(await AddParticipantAsync(s, $"p{i}"));
        var sheets = new Dictionary<string, Guid>();
        foreach (var o in owners)
            sheets[o.Id] = await WorksheetAsync(s, o);
        var privateOwner = await AddParticipantAsync(s, "private");
        var privateSheet = await WorksheetAsync(s, privateOwner, shared: false);

        using var fac = await s.ClientAsAsync("facilitator");
        var form = await fac.GetAsync(NewUrl(s));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.DoesNotContain(privateSheet.ToString(), form.Text);
        var done = await ArrangeAsync(fac, s, "random");
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var roundId = RoundIdOf(done);
        var reviews = await ReviewsAsync(s.App, roundId);

        // Pairs: each of the four reviews exactly one other shared worksheet, and each is reviewed once.
        Assert.Equal(4, reviews.Count);
        Assert.Equal(owners.Select(o => o.Id).Order(), reviews.Select(r => r.ReviewerId).Order());
        Assert.Equal(sheets.Values.Order(), reviews.Select(r => r.WorksheetId).Order());
        Assert.All(reviews, r => Assert.NotEqual(sheets[r.ReviewerId], r.WorksheetId));
        var round = await s.App.WithDbAsync(db => db.PeerRounds.SingleAsync(r => r.Id == roundId));
        var session = await s.App.WithDbAsync(db => db.Sessions.SingleAsync(x => x.Id == s.SessionId));
        Assert.Equal(session.StartsUtc, round.DueUtc); // due by the next session unless chosen otherwise

        // Each reviewer is asked in the app and by e-mail, with a link to the worksheet, and may now open it.
        var reviewer = owners[0];
        var mine = reviews.Single(r => r.ReviewerId == reviewer.Id);
        var link = $"/cohorts/{s.CohortId}/worksheets/{mine.WorksheetId}";
        foreach (var o in owners)
        {
            Assert.Single(await NotificationsAsync(s.App, o.Id, MessageKind.PeerFeedback));
            Assert.Single(await MailsAsync(s.App, o.Id, MessageKind.PeerFeedback));
        }
        var note = Assert.Single(await NotificationsAsync(s.App, reviewer.Id, MessageKind.PeerFeedback));
        Assert.Equal(link, note.Link);
        Assert.Contains(link, Assert.Single(await MailsAsync(s.App, reviewer.Id, MessageKind.PeerFeedback)).TextBody);
        Assert.True(
            await s.App.WithDbAsync(db =>
                db.WorksheetReviewers.AnyAsync(r => r.WorksheetId == mine.WorksheetId && r.UserId == reviewer.Id)
            )
        );

        using var par = await s.ClientAsAsync("participant");
        var index = await par.GetAsync($"/cohorts/{s.CohortId}/peer-feedback");
        Assert.Contains("You were asked to give feedback on", index.Text);
        Assert.Contains("not given yet", index.Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await par.GetAsync(done.Location!.OriginalString)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await par.GetAsync(NewUrl(s))).Status);

        var roundUrl = done.Location!.OriginalString;
        Assert.Contains("Feedback given on 0 of 4 requests", (await fac.GetAsync(roundUrl)).Text);
        var comments = link + "/comments";
        var posted = await par.PostFormAsync(
            comments,
            new Dictionary<string, string> { ["Field"] = "", ["Body"] = "The purpose reads clearly." },
            comments + "?handler=Add"
        );
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Contains("Feedback given on 1 of 4 requests; 0 resolved", (await fac.GetAsync(roundUrl)).Text);
        Assert.Contains("feedback given", (await par.GetAsync($"/cohorts/{s.CohortId}/peer-feedback")).Text);

        // The worksheet's owner resolves it: the request is resolved.
        var owner = owners.Single(o => sheets[o.Id] == mine.WorksheetId);
        using var ownerClient = await ClientAsync(s.App, owner);
        var commentId = await s.App.WithDbAsync(db =>
            db.WorksheetComments.Where(c => c.WorksheetId == mine.WorksheetId).Select(c => c.Id).SingleAsync()
        );
        await ownerClient.PostFormAsync(
            comments,
            new Dictionary<string, string> { ["commentId"] = commentId.ToString(), ["resolve"] = "true" },
            comments + "?handler=Resolve"
        );
        Assert.Contains("Feedback given on 1 of 4 requests; 1 resolved", (await fac.GetAsync(roundUrl)).Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Errors_TooFewShared_OrAReviewerOnTheirOwnProject_ChangeNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var owner = s.Users["participant"];
        var ownSheet = await WorksheetAsync(s, owner);
        using var fac = await s.ClientAsAsync("facilitator");

        var tooFew = await ArrangeAsync(fac, s, "random");
        Assert.Equal(HttpStatusCode.OK, tooFew.Status);
        Assert.Contains(tooFew.Errors, e => e.Contains("Only one worksheet") && e.Contains("at least two"));

        var peer = await AddParticipantAsync(s, "peer");
        var peerSheet = await WorksheetAsync(s, peer);
        var own = await ArrangeAsync(fac, s, "hand", pairs: [(owner.Id, ownSheet), (peer.Id, ownSheet)]);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains(own.Errors, e => e.Contains("Row 1") && e.Contains("manages"));
        Assert.Equal(0, await s.App.WithDbAsync(db => db.PeerRounds.CountAsync(r => r.CohortId == s.CohortId)));
        Assert.Empty(await NotificationsAsync(s.App, peer.Id, MessageKind.PeerFeedback));
        Assert.False(await s.App.WithDbAsync(db => db.WorksheetReviewers.AnyAsync(r => r.WorksheetId == ownSheet)));

        var hand = await ArrangeAsync(fac, s, "hand", pairs: [(peer.Id, ownSheet)]);
        Assert.Equal(HttpStatusCode.Redirect, hand.Status);
        var review = Assert.Single(await ReviewsAsync(s.App, RoundIdOf(hand)));
        Assert.Equal((peer.Id, ownSheet), (review.ReviewerId, review.WorksheetId));
        Assert.Empty(await NotificationsAsync(s.App, owner.Id, MessageKind.PeerFeedback));
    }
}
