using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kindling.IntegrationTests.Features.FollowUp.WrapUpArrange;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;

namespace Kindling.IntegrationTests.Features.FollowUp;

/// <summary>
/// A session nobody ended ends by itself half an hour after its planned end, the facilitators are asked to review its
/// message, and the draft goes by itself a day later; sessions that ended long ago are left alone. The clock is the
/// app's fake one: the job runs in the background too, so the tests assert the state, never one run's count.
/// </summary>
[Collection(AppCollection.Name)]
public class AutoEndTests(Apps apps)
{
    private static Task RunAsync(KindlingApp app) =>
        InScopeAsync(app, async sp => await sp.GetRequiredService<AutoEnder>().RunOnceAsync());

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UnendedSession_EndsAfterHalfAnHour_FacilitatorsAsked_DraftSentADayLater_OldOnesLeftAlone(
        string provider
    )
    {
        var s = await HeldAsync(await apps.GetAsync(provider), startedAgo: TimeSpan.FromMinutes(90)); // ends now
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        var (lastYear, lastWeek, twoDaysAgo) = await s.App.WithDbAsync(async db =>
        {
            var lesson = await db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.LessonId).SingleAsync();
            var held = NewSession(s.CohortId, lesson, now.AddDays(-300)); // held, with a document: still too old
            var older = NewSession(s.CohortId, lesson, now.AddDays(-8));
            var recent = NewSession(s.CohortId, lesson, now.AddDays(-2)); // never opened, but recent: it ends
            db.Sessions.AddRange(held, older, recent);
            db.LiveDocuments.Add(new LiveDocument { SessionId = held.Id, OpenedUtc = held.StartsUtc });
            await db.SaveChangesAsync();
            return (held.Id, older.Id, recent.Id);
        });
        var facilitator = s.Users["facilitator"].Id;
        async Task<List<Notification>> Notices() =>
            (await NotificationsAsync(s.App, facilitator, MessageKind.FacilitatorNotice))
                .Where(n => n.Link == Url(s, "wrap-up"))
                .ToList();
        async Task<List<Notification>> AfterSession(string role) =>
            (await NotificationsAsync(s.App, s.Users[role].Id, MessageKind.AfterSession))
                .Where(n => n.Link == Url(s, "notes"))
                .ToList();

        await RunAsync(s.App);
        s.App.Clock.Advance(TimeSpan.FromMinutes(29));
        await RunAsync(s.App);
        Assert.Null(await WrapUpAsync(s));
        Assert.Null(await LockedAsync(s));

        s.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunAsync(s.App);
        await RunAsync(s.App);
        var ended = (await WrapUpAsync(s))!;
        Assert.Null(ended.EndedById);
        Assert.NotNull(ended.NotesPublishedUtc);
        Assert.Null(ended.MessageSentUtc);
        Assert.NotNull(await LockedAsync(s));
        var notice = Assert.Single(await Notices());
        Assert.Contains("Review the after-session message", notice.Title);
        var mail = (await MailsAsync(s.App, facilitator, MessageKind.FacilitatorNotice)).Single(m =>
            m.TextBody!.Contains(Url(s, "wrap-up"), StringComparison.Ordinal)
        );
        Assert.Contains("Review and send", mail.TextBody);
        Assert.Empty(await AfterSession("participant"));
        Assert.NotNull(await WrapUpAsync(s, twoDaysAgo));
        Assert.Null(await WrapUpAsync(s, lastWeek));
        Assert.Null(await WrapUpAsync(s, lastYear));

        s.App.Clock.Advance(TimeSpan.FromHours(23));
        await RunAsync(s.App);
        Assert.Null((await WrapUpAsync(s))!.MessageSentUtc);
        s.App.Clock.Advance(TimeSpan.FromHours(1));
        await RunAsync(s.App);
        await RunAsync(s.App);
        var sent = (await WrapUpAsync(s))!;
        Assert.NotNull(sent.MessageSentUtc);
        Assert.Null(sent.MessageSentById);
        foreach (var role in new[] { "facilitator", "participant", "observer" })
            Assert.Single(await AfterSession(role));
        Assert.Single(await Notices());
        Assert.Null(await WrapUpAsync(s, lastYear));
        Assert.Equal(
            0,
            await s.App.WithDbAsync(db =>
                db.Notifications.CountAsync(n =>
                    n.Link.Contains(lastYear.ToString()) || n.Link.Contains(lastWeek.ToString())
                )
            )
        );

        // The session that ended without anyone opening its room stays ended: its document opens locked.
        await InScopeAsync(
            s.App,
            async sp =>
                await sp.GetRequiredService<Kindling.Web.Features.LiveSession.OpenLiveDocument>().OpenAsync(twoDaysAgo)
        );
        Assert.NotNull(
            await s.App.WithDbAsync(db =>
                db.LiveDocuments.Where(d => d.SessionId == twoDaysAgo).Select(d => d.LockedUtc).SingleAsync()
            )
        );
    }
}
