using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using static Kindling.IntegrationTests.Features.FollowUp.WrapUpArrange;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;

namespace Kindling.IntegrationTests.Features.FollowUp;

/// <summary>A recording link added after the message went is pointed out, once, to the members who missed the
/// session.</summary>
[Collection(AppCollection.Name)]
public class RecordingNoticeTests(Apps apps)
{
    private const string First = "https://video.example.org/rec-first";
    private const string Second = "https://video.example.org/rec-second";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RecordingAddedAfterSending_TellsOnlyTheAbsent_Once_BadLinkChangesNothing(string provider)
    {
        var s = await HeldAsync(await apps.GetAsync(provider));
        await ContentAsync(s); // the observer was absent
        await EndAndSendAsync(s, s.Users["facilitator"].Id);
        using var fac = await s.ClientAsAsync("facilitator");
        var page = Url(s, "wrap-up");
        Assert.Contains("Save the links", (await fac.GetAsync(page)).Text);

        var tooLong = "https://video.example.org/" + new string('r', 480);
        var bad = await fac.PostFormAsync(page, Links(tooLong), page + "?handler=Links");
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("The recording link is 506 characters long; use at most 500.", bad.Text);
        Assert.Null((await WrapUpAsync(s))!.RecordingUrl);

        Assert.Equal(
            HttpStatusCode.Redirect,
            (await fac.PostFormAsync(page, Links(First), page + "?handler=Links")).Status
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await fac.PostFormAsync(page, Links(Second), page + "?handler=Links")).Status
        );

        var row = (await WrapUpAsync(s))!;
        Assert.Equal(Second, row.RecordingUrl);
        Assert.NotNull(row.RecordingNoticeSentUtc);
        var observer = await NotificationsAsync(s.App, s.Users["observer"].Id, MessageKind.AfterSession);
        // The message, then one notice; both may carry the same clock time, so find the notice by its title.
        Assert.Equal(2, observer.Count);
        Assert.Single(observer, n => n.Title.StartsWith("Recording:", StringComparison.Ordinal));
        Assert.Single(observer, n => n.Title.StartsWith("After the session:", StringComparison.Ordinal));
        // Both mails may carry the same clock time: find the notice by its subject, not its place.
        var mails = await MailsAsync(s.App, s.Users["observer"].Id, MessageKind.AfterSession);
        Assert.Equal(2, mails.Count);
        var notice = Assert.Single(mails, m => m.Subject?.Contains("Recording", StringComparison.Ordinal) == true);
        Assert.Contains(First, notice.TextBody);
        foreach (var present in new[] { "facilitator", "participant" })
            Assert.Single(await NotificationsAsync(s.App, s.Users[present].Id, MessageKind.AfterSession));
        var details = await fac.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}");
        Assert.NotNull(details.Document.QuerySelector($"#session-ended a[href='{Second}']"));
    }

    private static Dictionary<string, string> Links(string recording) =>
        new() { ["Form.RecordingUrl"] = recording, ["Form.SlidesUrl"] = "" };
}
