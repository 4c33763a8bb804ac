using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Messages.Unsubscribe;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Messages;

[Collection(AppCollection.Name)]
public class UnsubscribeTests(Apps apps)
{
    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static Task<Dictionary<MessageKind, EmailDelivery>> PreferencesAsync(KindlingApp app, string userId) =>
        app.WithDbAsync(db =>
            db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Delivery)
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OneClickPost_WithoutCookieOrFormToken_TurnsThatKindOff_GetChangesNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var userId = s.Users["participant"].Id;
        var links = s.App.Services.GetRequiredService<UnsubscribeLinks>();
        var url = links.For(userId, MessageKind.SessionReminder);
        Assert.StartsWith("http", url, StringComparison.Ordinal);
        Assert.Contains("/messages/unsubscribe/", url, StringComparison.Ordinal);
        await s.App.WithDbAsync(db =>
        {
            db.Notifications.Add(
                new Notification
                {
                    UserId = userId,
                    Kind = MessageKind.SessionReminder,
                    Title = "Soon",
                    Link = "/",
                    AwaitingDigest = true,
                }
            );
            return db.SaveChangesAsync();
        });

        using var http = s.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var get = await PageClient.Page.FromAsync(await http.GetAsync(PathOf(url)));
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Contains("Stop e-mails about session reminders?", get.Text);
        Assert.NotNull(get.Document.QuerySelector("form[method=post] button[type=submit]"));
        Assert.Empty(await PreferencesAsync(s.App, userId));

        // RFC 8058: what a mail program posts, with nothing else.
        var post = await http.PostAsync(
            PathOf(url),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" })
        );
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains(
            "You will no longer get e-mails about session reminders",
            await post.Content.ReadAsStringAsync()
        );
        Assert.Equal(
            new Dictionary<MessageKind, EmailDelivery> { [MessageKind.SessionReminder] = EmailDelivery.Off },
            await PreferencesAsync(s.App, userId)
        );
        Assert.False(
            await s.App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == userId && n.AwaitingDigest))
        );

        // A second post (mail programs retry) changes nothing more; the page now says it is off.
        var again = await http.PostAsync(PathOf(url), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await PreferencesAsync(s.App, userId));
        Assert.Contains("already off", await http.GetStringAsync(PathOf(url)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DigestLink_TurnsOffEveryDigestKind_LeavesOthers(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var userId = s.Users["participant"].Id;
        await s.App.WithDbAsync(db =>
        {
            db.NotificationPreferences.AddRange(
                new NotificationPreference
                {
                    UserId = userId,
                    Kind = MessageKind.WorksheetComment,
                    Delivery = EmailDelivery.DailyDigest,
                },
                new NotificationPreference
                {
                    UserId = userId,
                    Kind = MessageKind.ReviewReminder,
                    Delivery = EmailDelivery.DailyDigest,
                },
                new NotificationPreference
                {
                    UserId = userId,
                    Kind = MessageKind.SessionReminder,
                    Delivery = EmailDelivery.Immediately,
                }
            );
            return db.SaveChangesAsync();
        });
        var url = s.App.Services.GetRequiredService<UnsubscribeLinks>().For(userId, MessageKind.Digest);
        using var http = s.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Contains("Stop daily digest e-mails?", await http.GetStringAsync(PathOf(url)));
        var post = await http.PostAsync(PathOf(url), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(
            new Dictionary<MessageKind, EmailDelivery>
            {
                [MessageKind.WorksheetComment] = EmailDelivery.Off,
                [MessageKind.ReviewReminder] = EmailDelivery.Off,
                [MessageKind.SessionReminder] = EmailDelivery.Immediately,
            },
            await PreferencesAsync(s.App, userId)
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task InvalidToken_Answers404WithAReason_AndChangesNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var userId = s.Users["participant"].Id;
        var good = PathOf(
            s.App.Services.GetRequiredService<UnsubscribeLinks>().For(userId, MessageKind.FeedbackRequest)
        );
        // Sealed by this instance, but for another purpose: not an unsubscribe token.
        var otherPurpose = s
            .App.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Kindling.Other")
            .Protect($"{(int)MessageKind.FeedbackRequest}:{userId}");
        // Sealed for unsubscribing, but naming account mail, which is always sent.
        var accountKind = s
            .App.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(UnsubscribeLinks.Purpose)
            .Protect($"{(int)MessageKind.Account}:{userId}");
        using var http = s.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        foreach (
            var path in new[]
            {
                good[..^6],
                "/messages/unsubscribe/not-a-token",
                "/messages/unsubscribe/" + otherPurpose,
                "/messages/unsubscribe/" + accountKind,
            }
        )
        {
            foreach (var post in new[] { false, true })
            {
                var r = post ? await http.PostAsync(path, new FormUrlEncodedContent([])) : await http.GetAsync(path);
                var text = await r.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
                Assert.Contains("This unsubscribe link is not valid", text);
                Assert.Contains("Nothing was changed.", text);
            }
        }
        Assert.False(await s.App.WithDbAsync(db => db.NotificationPreferences.AnyAsync(p => p.UserId == userId)));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            s.App.Services.GetRequiredService<UnsubscribeLinks>().For(userId, MessageKind.Invitation)
        );
    }
}
