using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.PeerFeedback;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;
using static Kindling.IntegrationTests.Features.PeerFeedback.PeerSeed;

namespace Kindling.IntegrationTests.Features.PeerFeedback;

/// <summary>A day before feedback is due, reviewers who have not commented yet are reminded once.</summary>
[Collection(AppCollection.Name)]
public class PeerReminderTests(Apps apps)
{
    private static Task<int> RunAsync(KindlingApp app) =>
        InScopeAsync(app, sp => sp.GetRequiredService<PeerReminders>().SendDueAsync());

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reminder_OnceADayBeforeDue_OnlyToReviewersWhoHaveNotCommented(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var (ann, bob) = (s.Users["participant"], await AddParticipantAsync(s, "bob"));
        var annSheet = await WorksheetAsync(s, ann);
        await WorksheetAsync(s, bob);
        using var fac = await s.ClientAsAsync("facilitator");
        var due = s.App.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        var done = await ArrangeAsync(fac, s, "random", dueLocal: TimeZones.ToLocal(due, "Europe/London"));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var dueUtc = new DateTime(due.Ticks - due.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

        // Bob gives his feedback on Ann's worksheet; Ann has not commented on Bob's.
        using var bobClient = await ClientAsync(s.App, bob);
        var comments = $"/cohorts/{s.CohortId}/worksheets/{annSheet}/comments";
        await bobClient.PostFormAsync(
            comments,
            new Dictionary<string, string> { ["Field"] = "", ["Body"] = "Clear and kind." },
            comments + "?handler=Add"
        );

        s.App.Clock.Advance(dueUtc - s.App.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(25));
        await RunAsync(s.App);
        Assert.Single(await NotificationsAsync(s.App, ann.Id, MessageKind.PeerFeedback)); // the request alone

        s.App.Clock.Advance(TimeSpan.FromHours(2)); // 23 hours before
        await Task.WhenAll(RunAsync(s.App), RunAsync(s.App)); // two instances
        await RunAsync(s.App);
        var annNotes = await NotificationsAsync(s.App, ann.Id, MessageKind.PeerFeedback);
        Assert.Equal(2, annNotes.Count); // the request, then one reminder
        Assert.StartsWith("Reminder: peer feedback", annNotes[1].Title);
        Assert.Equal(2, (await MailsAsync(s.App, ann.Id, MessageKind.PeerFeedback)).Count);
        Assert.Single(await NotificationsAsync(s.App, bob.Id, MessageKind.PeerFeedback));
        var reminded = await s.App.WithDbAsync(db =>
            db.PeerReviews.Where(r => r.ReviewerId == ann.Id).Select(r => r.ReminderUtc).SingleAsync()
        );
        Assert.NotNull(reminded);
    }
}
