using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;
using static Kindling.IntegrationTests.Features.PeerFeedback.PeerSeed;

namespace Kindling.IntegrationTests.Features.PeerFeedback;

/// <summary>Peer feedback across cohorts of one curriculum includes only people who opted in; a reviewer from another
/// cohort reads and comments from their own cohort, nobody else there can, and switching off ends it.</summary>
[Collection(AppCollection.Name)]
public class PeerAcrossCohortsTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AcrossCohorts_OnlyOptedIn_ReviewerReadsFromOwnCohort_OthersCannot_OptOutEndsIt(string provider)
    {
        var app = await apps.GetAsync(provider);
        var a = await CohortScenario.CreateAsync(app);
        var b = await CohortScenario.CreateAsync(app);
        var (ann, peer) = (a.Users["participant"], await AddParticipantAsync(a, "peer", across: true));
        var annSheet = await WorksheetAsync(a, ann);
        var peerSheet = await WorksheetAsync(a, peer);
        var bea = b.Users["participant"];
        var beaSheet = await WorksheetAsync(b, bea);
        await OptInAsync(b, bea);
        var closed = await AddParticipantAsync(b, "closed");
        var closedSheet = await WorksheetAsync(b, closed); // shared, but not agreed to other cohorts
        var bystander = await AddParticipantAsync(b, "bystander", across: true);

        using var fac = await a.ClientAsAsync("facilitator");
        // Until Ann agrees, nobody of another cohort may be asked to read her worksheet, not even by hand.
        var refused = await ArrangeAsync(fac, a, "hand", across: true, pairs: [(bea.Id, annSheet)]);
        Assert.Contains(refused.Errors, e => e.Contains("did not agree to feedback from other cohorts"));
        Assert.Equal(0, await app.WithDbAsync(db => db.PeerRounds.CountAsync(r => r.CohortId == a.CohortId)));

        // Ann agrees on the peer-feedback page, after reading what it means.
        using var annClient = await ClientAsync(app, ann);
        var peerPage = $"/cohorts/{a.CohortId}/peer-feedback";
        Assert.Contains("will read your shared worksheet", (await annClient.GetAsync(peerPage)).Text);
        var optIn = await annClient.PostFormAsync(
            peerPage,
            new Dictionary<string, string> { ["on"] = "true" },
            peerPage + "?handler=Across"
        );
        Assert.Equal(HttpStatusCode.Redirect, optIn.Status);

        var form = await fac.GetAsync(NewUrl(a, across: true));
        Assert.Contains(beaSheet.ToString(), form.Text);
        Assert.DoesNotContain(closedSheet.ToString(), form.Text);
        var done = await ArrangeAsync(fac, a, "random", across: true);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var reviews = await ReviewsAsync(app, RoundIdOf(done));
        // Three opted-in worksheets make one group of three: everyone reads the other two.
        Assert.Equal(6, reviews.Count);
        Assert.DoesNotContain(reviews, r => r.WorksheetId == closedSheet || r.ReviewerId == closed.Id);
        Assert.Contains(reviews, r => r.ReviewerId == bea.Id && r.WorksheetId == annSheet);
        Assert.Contains(reviews, r => r.ReviewerId == ann.Id && r.WorksheetId == beaSheet);

        // Bea reads Ann's worksheet from her own cohort, where her request points, and comments; Ann hears of it in
        // hers.
        var note = Assert.Single(await NotificationsAsync(app, bea.Id, MessageKind.PeerFeedback));
        Assert.Equal($"/cohorts/{b.CohortId}/peer-feedback", note.Link);
        var fromB = $"/cohorts/{b.CohortId}/worksheets/{annSheet}";
        using var beaClient = await b.ClientAsAsync("participant");
        Assert.Contains(fromB, (await beaClient.GetAsync(note.Link)).Text);
        Assert.Equal(HttpStatusCode.OK, (await beaClient.GetAsync(fromB)).Status);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await beaClient.GetAsync($"/cohorts/{a.CohortId}/worksheets/{annSheet}")).Status
        );
        var posted = await beaClient.PostFormAsync(
            fromB + "/comments",
            new Dictionary<string, string> { ["Field"] = "", ["Body"] = "From another cohort: lovely." },
            fromB + "/comments?handler=Add"
        );
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var told = Assert.Single(await NotificationsAsync(app, ann.Id, MessageKind.WorksheetComment));
        Assert.Equal($"/cohorts/{a.CohortId}/worksheets/{annSheet}/comments", told.Link);

        // Someone of Bea's cohort who was not asked cannot open it, nor can anyone once Ann stops agreeing.
        using var bystanderClient = await ClientAsync(app, bystander);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await bystanderClient.GetAsync($"/cohorts/{b.CohortId}/worksheets/{annSheet}")).Status
        );
        await annClient.PostFormAsync(
            peerPage,
            new Dictionary<string, string> { ["on"] = "false" },
            peerPage + "?handler=Across"
        );
        Assert.Equal(HttpStatusCode.NotFound, (await beaClient.GetAsync(fromB)).Status);
        Assert.Equal(
            HttpStatusCode.OK,
            (await beaClient.GetAsync($"/cohorts/{b.CohortId}/worksheets/{peerSheet}")).Status
        );
    }
}
