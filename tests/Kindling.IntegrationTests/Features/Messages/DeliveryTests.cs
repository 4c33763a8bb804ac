using Kindling.Data;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Messages;
using Kindling.Web.Features.Messages.Digest;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;

namespace Kindling.IntegrationTests.Features.Messages;

/// <summary>A person's choice on the preferences page decides how a message reaches them by e-mail; in-app always.</summary>
[Collection(AppCollection.Name)]
public class DeliveryTests(Apps apps)
{
    private static async Task ChooseAsync(CohortScenario s, string role, MessageKind kind, string delivery)
    {
        using var client = await s.ClientAsAsync(role);
        // Every configurable kind is on the form (the page refuses a form that leaves one out).
        var form = Kindling
            .Web.Features.Messages.Preferences.MessageKinds.Configurable.Select(c => c.Kind.ToString())
            .ToDictionary(k => $"Choices[{k}]", k => k == kind.ToString() ? delivery : "Immediately");
        var saved = await client.PostFormAsync("/account/messages", form);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.Status);
    }

    private static Task NotifyAsync(KindlingApp app, string userId, string subject) =>
        InScopeAsync(
            app,
            async sp =>
            {
                var db = sp.GetRequiredService<KindlingDb>();
                await sp.GetRequiredService<Messenger>()
                    .NotifyAsync(
                        db,
                        userId,
                        new Message(MessageKind.WorksheetComment, subject, "/account/profile", "Open it")
                        {
                            Paragraphs = [$"About {subject}."],
                        }
                    );
                return await db.SaveChangesAsync();
            }
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Immediately_MailsAtOnce_Off_InAppOnly(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var (now, off) = (s.Users["participant"].Id, s.Users["observer"].Id);
        await ChooseAsync(s, "observer", MessageKind.WorksheetComment, "Off");

        await NotifyAsync(s.App, now, "Comment one");
        await NotifyAsync(s.App, off, "Comment two");

        var mail = Assert.Single(await MailsAsync(s.App, now, MessageKind.WorksheetComment));
        Assert.Contains("Comment one", mail.Subject);
        Assert.Single(mail.Headers, h => h.Field == "List-Unsubscribe");
        Assert.False(Assert.Single(await NotificationsAsync(s.App, now, MessageKind.WorksheetComment)).AwaitingDigest);
        Assert.Empty(await MailsAsync(s.App, off, MessageKind.WorksheetComment));
        var inApp = Assert.Single(await NotificationsAsync(s.App, off, MessageKind.WorksheetComment));
        Assert.Equal("Comment two", inApp.Title);
        Assert.False(inApp.AwaitingDigest);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DailyDigest_WaitsForEightInTheMorningLocally_ThenOneMailListsEverything_OncePerDay(
        string provider
    )
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var user = s.Users["participant"]; // Asia/Tokyo
        await ChooseAsync(s, "participant", MessageKind.WorksheetComment, "DailyDigest");
        // Move to 07:30 in Tokyo (at most a day ahead), then notify twice.
        var tokyo = TimeZones.ToLocal(s.App.Clock.GetUtcNow().UtcDateTime, user.TimeZoneId);
        var target = tokyo.Date.AddHours(7.5);
        if (target <= tokyo)
            target = target.AddDays(1);
        s.App.Clock.Advance(target - tokyo);
        await NotifyAsync(s.App, user.Id, "First comment");
        s.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await NotifyAsync(s.App, user.Id, "Second comment");
        Assert.Empty(await MailsAsync(s.App, user.Id, MessageKind.WorksheetComment));
        Assert.All(
            await NotificationsAsync(s.App, user.Id, MessageKind.WorksheetComment),
            n => Assert.True(n.AwaitingDigest)
        );

        await WriteDigestsAsync(s.App);
        Assert.Empty(await MailsAsync(s.App, user.Id, MessageKind.Digest)); // 07:30 in Tokyo: not yet

        s.App.Clock.Advance(TimeSpan.FromMinutes(40)); // 08:10
        await WriteDigestsAsync(s.App);
        await WriteDigestsAsync(s.App);
        var digest = Assert.Single(await MailsAsync(s.App, user.Id, MessageKind.Digest));
        var text = digest.TextBody!;
        Assert.Contains("2 things happened", text);
        Assert.True(
            text.IndexOf("First comment", StringComparison.Ordinal)
                < text.IndexOf("Second comment", StringComparison.Ordinal)
        );
        var ids = (await NotificationsAsync(s.App, user.Id, MessageKind.WorksheetComment)).Select(n => n.Id).ToList();
        Assert.All(ids, id => Assert.Contains($"/notifications/{id}/open", text));
        Assert.Equal(user.Email, digest.To.Mailboxes.Single().Address);
        Assert.All(
            await NotificationsAsync(s.App, user.Id, MessageKind.WorksheetComment),
            n => Assert.False(n.AwaitingDigest)
        );
        Assert.NotNull(
            await s.App.WithDbAsync(db =>
                db.Users.Where(u => u.Id == user.Id).Select(u => u.LastDigestUtc).SingleAsync()
            )
        );
        Assert.Empty(await MailsAsync(s.App, user.Id, MessageKind.WorksheetComment));

        // Later the same day: the next item waits for tomorrow's digest.
        s.App.Clock.Advance(TimeSpan.FromHours(6));
        await NotifyAsync(s.App, user.Id, "Third comment");
        await WriteDigestsAsync(s.App);
        Assert.Single(await MailsAsync(s.App, user.Id, MessageKind.Digest));
        s.App.Clock.Advance(TimeSpan.FromHours(18)); // 08:10 the next morning
        await WriteDigestsAsync(s.App);
        var mails = await MailsAsync(s.App, user.Id, MessageKind.Digest);
        Assert.Equal(2, mails.Count);
        Assert.Contains("Third comment", mails[1].Subject);
        Assert.DoesNotContain("First comment", mails[1].TextBody);
    }

    private static Task<int> WriteDigestsAsync(KindlingApp app) =>
        InScopeAsync(app, sp => sp.GetRequiredService<DigestWriter>().WriteDueAsync());
}
