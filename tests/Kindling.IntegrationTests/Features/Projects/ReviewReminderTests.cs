using Kindling.Domain;
using Kindling.IntegrationTests.Features.Worksheets;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;

namespace Kindling.IntegrationTests.Features.Projects;

/// <summary>A project's managers are reminded when its review is due: once per due date.</summary>
[Collection(AppCollection.Name)]
public class ReviewReminderTests(Apps apps)
{
    private static Task<int> RunAsync(KindlingApp app) =>
        InScopeAsync(app, sp => sp.GetRequiredService<ReviewReminders>().SendDueAsync());

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DueReview_RemindsEachManagerOnce_NextDueDateRemindsAgain(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var s = seed.Scenario;
        var (owner, coManager) = (s.Users["participant"].Id, seed.Peer.Id);
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        await s.App.WithDbAsync(async db =>
        {
            db.ProjectMembers.Add(
                new ProjectMember
                {
                    ProjectId = seed.ProjectId,
                    UserId = coManager,
                    Role = ProjectRole.CoManager,
                    AddedUtc = now,
                }
            );
            await db.SaveChangesAsync();
            // Last reviewed a minute short of six months ago: due in a minute.
            return await db
                .Projects.Where(p => p.Id == seed.ProjectId)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.LastReviewedUtc, now.AddMonths(-6).AddMinutes(1)));
        });
        await RunAsync(s.App);
        Assert.Empty(await NotificationsAsync(s.App, owner, MessageKind.ReviewReminder));

        s.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunAsync(s.App);
        await RunAsync(s.App);
        foreach (var id in new[] { owner, coManager })
        {
            var n = Assert.Single(await NotificationsAsync(s.App, id, MessageKind.ReviewReminder));
            Assert.Equal(seed.ProjectUrl, n.Link);
            Assert.Single(await MailsAsync(s.App, id, MessageKind.ReviewReminder));
        }
        Assert.Empty(await NotificationsAsync(s.App, s.Users["facilitator"].Id, MessageKind.ReviewReminder));

        // The review is marked done a while later; the next due date comes, and with it one more reminder.
        s.App.Clock.Advance(TimeSpan.FromMinutes(10));
        var reviewed = s.App.Clock.GetUtcNow().UtcDateTime.AddMonths(-6).AddMinutes(1);
        await s.App.WithDbAsync(db =>
            db.Projects.Where(p => p.Id == seed.ProjectId)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.LastReviewedUtc, reviewed))
        );
        await RunAsync(s.App);
        Assert.Single(await NotificationsAsync(s.App, owner, MessageKind.ReviewReminder));
        s.App.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunAsync(s.App);
        Assert.Equal(2, (await NotificationsAsync(s.App, owner, MessageKind.ReviewReminder)).Count);
        Assert.Equal(2, (await NotificationsAsync(s.App, coManager, MessageKind.ReviewReminder)).Count);
    }
}
