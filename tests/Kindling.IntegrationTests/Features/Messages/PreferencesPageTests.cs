using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Messages;

[Collection(AppCollection.Name)]
public class PreferencesPageTests(Apps apps)
{
    private static readonly string[] Kinds =
    [
        "SessionReminder",
        "AfterSession",
        "WorksheetComment",
        "FeedbackRequest",
        "QuestionAnswered",
        "PeerFeedback",
        "ReviewReminder",
        "FacilitatorNotice",
        "ConcernReport",
    ];

    private static Dictionary<string, string> Form(Dictionary<string, string> choices) =>
        choices.ToDictionary(c => $"Choices[{c.Key}]", c => c.Value);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Page_ShowsEveryKindImmediatelyByDefault_SavesChoices_RefusesBadValues(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var userId = s.Users["participant"].Id;
        using var par = await s.ClientAsAsync("participant");
        var profile = await par.GetAsync("/account/profile");
        Assert.NotNull(profile.Document.QuerySelector("a[href='/account/messages']"));

        var page = await par.GetAsync("/account/messages");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var kind in Kinds)
        {
            var radios = page.Document.QuerySelectorAll($"input[type=radio][name='Choices[{kind}]']").ToList();
            Assert.Equal(["Immediately", "DailyDigest", "Off"], radios.Select(r => r.GetAttribute("value")!).ToList());
            Assert.Equal("Immediately", radios.Single(r => r.HasAttribute("checked")).GetAttribute("value"));
        }
        Assert.Contains("can't be turned off", page.Text);
        Assert.Empty(
            page.Document.QuerySelectorAll("input[name='Choices[Account]'], input[name='Choices[Invitation]']")
        );

        var choices = Kinds.ToDictionary(k => k, _ => "Immediately");
        choices["WorksheetComment"] = "DailyDigest";
        choices["ReviewReminder"] = "Off";
        var saved = await par.PostFormAsync("/account/messages", Form(choices));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var stored = await s.App.WithDbAsync(db =>
            db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Delivery)
        );
        Assert.Equal(EmailDelivery.DailyDigest, stored[MessageKind.WorksheetComment]);
        Assert.Equal(EmailDelivery.Off, stored[MessageKind.ReviewReminder]);
        Assert.All(
            stored.Where(p => p.Key is not (MessageKind.WorksheetComment or MessageKind.ReviewReminder)),
            p => Assert.Equal(EmailDelivery.Immediately, p.Value)
        );
        var shown = await par.GetAsync("/account/messages");
        Assert.Equal(
            "DailyDigest",
            shown.Document.QuerySelector("input[name='Choices[WorksheetComment]'][checked]")!.GetAttribute("value")
        );

        foreach (var bad in new[] { "Sometimes", "1", "" })
        {
            var wrong = new Dictionary<string, string>(choices)
            {
                ["SessionReminder"] = bad,
                ["ReviewReminder"] = "Immediately",
            };
            var refused = await par.PostFormAsync("/account/messages", Form(wrong));
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("Choose Immediately, Daily digest or Off for “Session reminders”.", refused.Errors);
            Assert.Equal(
                EmailDelivery.Off,
                await s.App.WithDbAsync(db =>
                    db.NotificationPreferences.Where(p => p.UserId == userId && p.Kind == MessageKind.ReviewReminder)
                        .Select(p => p.Delivery)
                        .SingleAsync()
                )
            );
        }
    }
}
