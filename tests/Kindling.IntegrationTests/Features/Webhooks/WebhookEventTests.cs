using System.Net;
using Kindling.IntegrationTests.Features.Worksheets;
using Kindling.IntegrationTests.Infrastructure;
using static Kindling.IntegrationTests.Features.FollowUp.WrapUpArrange;
using static Kindling.IntegrationTests.Features.Webhooks.WebhookArrange;

namespace Kindling.IntegrationTests.Features.Webhooks;

/// <summary>Ending a session and sharing a worksheet, through their pages, reach the cohort's webhooks.</summary>
[Collection(AppCollection.Name)]
public class WebhookEventTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EndingASession_SendsSessionEndedAndNotesPublished_WithTheNotesAddress(string provider)
    {
        var s = await HeldAsync(await apps.GetAsync(provider));
        using var receiver = new WebhookReceiver();
        using var facilitator = await s.ClientAsAsync("facilitator");
        await RegisterAsync(facilitator, s.CohortId, receiver.Url, "session.ended", "notes.published");
        var wrapUp = $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/wrap-up";
        var form = new Dictionary<string, string>
        {
            ["Form.Subject"] = "After our session",
            ["Form.Body"] = "Thank you all.",
            ["Form.RecordingUrl"] = "",
            ["Form.SlidesUrl"] = "https://slides.example.org/deck",
        };

        var ended = await facilitator.PostFormAsync(wrapUp, form, wrapUp + "?handler=End");

        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        var end = await receiver.WaitForAsync(r => r.Event == "session.ended");
        var notes = await receiver.WaitForAsync(r => r.Event == "notes.published");
        var endData = end.Json.GetProperty("data");
        Assert.Equal(s.SessionId, endData.GetProperty("session").GetProperty("id").GetGuid());
        Assert.False(endData.GetProperty("endedAutomatically").GetBoolean());
        var notesData = notes.Json.GetProperty("data");
        Assert.Equal(
            $"http://localhost/cohorts/{s.CohortId}/sessions/{s.SessionId}/notes",
            notesData.GetProperty("notesUrl").GetString()
        );
        Assert.Equal("https://slides.example.org/deck", notesData.GetProperty("slidesUrl").GetString());
        Assert.DoesNotContain("Thank you all.", notes.Body); // the message itself went to the members only
        await Task.Delay(300);
        Assert.Equal(2, receiver.All.Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SharingAWorksheet_SendsWorksheetSharedOnce_AndNothingWhileItIsPrivate(string provider)
    {
        var seed = await ProjectSeed.CreateAsync(await CohortScenario.CreateAsync(await apps.GetAsync(provider)));
        var s = seed.Scenario;
        using var receiver = new WebhookReceiver();
        using var facilitator = await s.ClientAsAsync("facilitator");
        await RegisterAsync(facilitator, s.CohortId, receiver.Url, "worksheet.shared");
        using var owner = await s.ClientAsAsync("participant");
        var sharing = seed.WorksheetUrl + "/sharing";
        Task<PageClient.Page> ShareAsync(bool share) =>
            owner.PostFormAsync(
                sharing,
                new Dictionary<string, string> { ["share"] = share ? "true" : "false" },
                sharing + "?handler=Share"
            );

        await ShareAsync(false);
        await Task.Delay(300);
        Assert.Empty(receiver.All);
        await ShareAsync(true);
        await ShareAsync(true); // already shared: nothing new

        var got = await receiver.WaitForAsync();
        var data = got.Json.GetProperty("data");
        Assert.Equal("Who is around our community", data.GetProperty("worksheet").GetProperty("title").GetString());
        Assert.Equal(
            $"http://localhost{seed.WorksheetUrl}",
            data.GetProperty("worksheet").GetProperty("url").GetString()
        );
        Assert.StartsWith("Riverside makers", data.GetProperty("project").GetProperty("name").GetString());
        Assert.DoesNotContain("Map the people.", got.Body);
        await Task.Delay(300);
        Assert.Single(receiver.All);
    }
}
