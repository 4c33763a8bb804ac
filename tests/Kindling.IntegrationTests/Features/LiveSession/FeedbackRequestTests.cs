using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>"Ask for feedback" asks the members who have not given feedback yet, each once per session.</summary>
[Collection(SecondAppCollection.Name)]
public class FeedbackRequestTests(Apps apps)
{
    private static readonly Dictionary<string, string> None = [];

    private static string Url(CohortScenario s) => $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/feedback";

    private static Task HeldAsync(CohortScenario s) =>
        s.App.WithDbAsync(db =>
        {
            var started = s.App.Clock.GetUtcNow().UtcDateTime.AddHours(-2);
            return db
                .Sessions.Where(x => x.Id == s.SessionId)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.StartsUtc, started));
        });

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ask_NotifiesMembersWithoutFeedback_OncePerPerson_NeverFacilitators(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var peer = await LiveArrange.AddParticipantAsync(s, "peer");
        using var fac = await s.ClientAsAsync("facilitator");
        var ask = Url(s) + "?handler=Ask";

        // Before the session: nobody is asked.
        Assert.Equal(HttpStatusCode.Redirect, (await fac.PostFormAsync(Url(s), None, ask)).Status);
        Assert.Empty(await NotificationsAsync(s.App, s.Users["participant"].Id, MessageKind.FeedbackRequest));

        await HeldAsync(s);
        using var par = await s.ClientAsAsync("participant");
        var sent = await par.PostFormAsync(Url(s), new Dictionary<string, string> { ["Input.Worked"] = "The pairs." });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await par.PostFormAsync(Url(s), None, ask)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await fac.PostFormAsync(Url(s), None, ask)).Status);
        Assert.Contains("2 people were asked", (await fac.GetAsync(Url(s))).Text);
        foreach (var user in new[] { peer, s.Users["observer"] })
        {
            var n = Assert.Single(await NotificationsAsync(s.App, user.Id, MessageKind.FeedbackRequest));
            Assert.Equal(Url(s), n.Link);
            Assert.Single(await MailsAsync(s.App, user.Id, MessageKind.FeedbackRequest));
        }
        Assert.Empty(await NotificationsAsync(s.App, s.Users["participant"].Id, MessageKind.FeedbackRequest));
        Assert.Empty(await NotificationsAsync(s.App, s.Users["facilitator"].Id, MessageKind.FeedbackRequest));
        Assert.Empty(await NotificationsAsync(s.App, s.Users["outsider"].Id, MessageKind.FeedbackRequest));

        // Asking again asks nobody twice.
        await fac.PostFormAsync(Url(s), None, ask);
        Assert.Contains("Nobody left to ask", (await fac.GetAsync(Url(s))).Text);
        Assert.Single(await NotificationsAsync(s.App, peer.Id, MessageKind.FeedbackRequest));
        Assert.Equal(
            2,
            await s.App.WithDbAsync(db =>
                db.Notifications.CountAsync(n => n.Kind == MessageKind.FeedbackRequest && n.Link == Url(s))
            )
        );
    }
}
