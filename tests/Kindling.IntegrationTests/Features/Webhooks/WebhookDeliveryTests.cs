using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Features.Charter;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kindling.IntegrationTests.Features.Webhooks.WebhookArrange;

namespace Kindling.IntegrationTests.Features.Webhooks;

/// <summary>
/// Real actions through the real pages reach a real receiver on 127.0.0.1, signed with the webhook's secret; failed
/// deliveries are retried when due, and the log shows each attempt.
/// </summary>
[Collection(AppCollection.Name)]
public class WebhookDeliveryTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PublishingACharter_SendsOneSignedEventWithThePublicAddress_ToTheWebhooksThatChoseIt(
        string provider
    )
    {
        var c = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        var s = c.Cohort;
        using var receiver = new WebhookReceiver();
        using var other = new WebhookReceiver();
        using var facilitator = await s.ClientAsAsync("facilitator");
        var (_, secret) = await RegisterAsync(
            facilitator,
            s.CohortId,
            receiver.Url,
            "charter.published",
            "session.ended"
        );
        await RegisterAsync(facilitator, s.CohortId, other.Url, "session.started");
        using var owner = await s.ClientAsAsync("participant");

        var published = await owner.PostFormAsync(
            c.PageUrl,
            new Dictionary<string, string>(),
            $"{c.PageUrl}?handler=Publish"
        );

        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var got = await receiver.WaitForAsync();
        Assert.True(got.SignedWith(secret));
        Assert.False(got.SignedWith(secret + "x"));
        Assert.Equal("charter.published", got.Event);
        Assert.Equal("application/json", got.ContentType);
        var json = got.Json;
        Assert.Equal(got.Headers["X-Kindling-Delivery"], json.GetProperty("id").GetString());
        Assert.Equal("charter.published", json.GetProperty("event").GetString());
        Assert.Equal(s.CohortId, json.GetProperty("cohort").GetProperty("id").GetGuid());
        Assert.StartsWith("Spring cohort", json.GetProperty("cohort").GetProperty("name").GetString());
        var data = json.GetProperty("data");
        Assert.Equal(c.ProjectName, data.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal(
            $"http://localhost/charters/{await c.SlugAsync()}",
            data.GetProperty("charter").GetProperty("url").GetString()
        );
        var timestamp = long.Parse(
            got.Headers["X-Kindling-Timestamp"]!,
            System.Globalization.CultureInfo.InvariantCulture
        );
        Assert.InRange(
            timestamp,
            s.App.Clock.GetUtcNow().ToUnixTimeSeconds() - 5,
            s.App.Clock.GetUtcNow().ToUnixTimeSeconds()
        );
        Assert.DoesNotContain("Every neighbour can fix a bike.", got.Body); // the charter's text stays on its page
        await Task.Delay(300);
        Assert.Single(receiver.All);
        Assert.Empty(other.All);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OpeningTheLiveRoom_SendsSessionStartedOnce(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var receiver = new WebhookReceiver();
        using var facilitator = await s.ClientAsAsync("facilitator");
        var (_, secret) = await RegisterAsync(facilitator, s.CohortId, receiver.Url, "session.started");
        var starts = s.App.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).ExecuteUpdateAsync(x => x.SetProperty(v => v.StartsUtc, starts))
        );
        using var participant = await s.ClientAsAsync("participant");
        var room = $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/live";

        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync(room)).Status);
        Assert.Equal(HttpStatusCode.OK, (await facilitator.GetAsync(room)).Status);

        var got = await receiver.WaitForAsync();
        Assert.True(got.SignedWith(secret));
        var session = got.Json.GetProperty("data").GetProperty("session");
        Assert.Equal(s.SessionId, session.GetProperty("id").GetGuid());
        Assert.False(string.IsNullOrWhiteSpace(session.GetProperty("title").GetString()));
        Assert.Equal(
            $"http://localhost/cohorts/{s.CohortId}/sessions/{s.SessionId}",
            session.GetProperty("url").GetString()
        );
        Assert.EndsWith("Z", session.GetProperty("startsUtc").GetString());
        await Task.Delay(300);
        Assert.Single(receiver.All);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GivingFeedback_SendsThatItWasGiven_WithoutTheAnswersTheRatingOrTheAuthor(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var receiver = new WebhookReceiver();
        using var facilitator = await s.ClientAsAsync("facilitator");
        await RegisterAsync(facilitator, s.CohortId, receiver.Url, "feedback.given");
        using var participant = await s.ClientAsAsync("participant");
        var form = new Dictionary<string, string>
        {
            ["Input.Worked"] = "The silent round gave me room to think.",
            ["Input.DidNotWork"] = "Breakouts ran long.",
            ["Input.Plus"] = "Keep the check-in.",
            ["Input.Rating"] = "4",
            ["Input.Anonymous"] = "false",
        };

        var sent = await participant.PostFormAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/feedback", form);

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var got = await receiver.WaitForAsync();
        var data = got.Json.GetProperty("data");
        Assert.Equal(1, data.GetProperty("feedbackCount").GetInt32());
        Assert.Equal(s.SessionId, data.GetProperty("session").GetProperty("id").GetGuid());
        var user = s.Users["participant"];
        foreach (
            var secret in new[]
            {
                "silent round",
                "Breakouts",
                "check-in",
                "rating",
                user.Id,
                user.DisplayName,
                user.Email!,
            }
        )
            Assert.DoesNotContain(secret, got.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReceiverFailsThenRecovers_TheTestEventIsRetriedWhenDue_AndTheLogShowsEachAttempt(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var receiver = new WebhookReceiver();
        receiver.AnswerNext(500);
        using var facilitator = await s.ClientAsAsync("facilitator");
        var (page, secret) = await RegisterAsync(facilitator, s.CohortId, receiver.Url, "session.ended");
        var id = Guid.Parse(page.Split('/')[^1]);
        Task<WebhookDelivery> DeliveryAsync() =>
            s.App.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.WebhookId == id));

        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(facilitator, page, "Test")).Status);
        var first = await receiver.WaitForAsync();
        await UntilAsync(async () => (await DeliveryAsync()).Attempts == 1);

        var failed = await DeliveryAsync();
        Assert.Equal((WebhookDeliveryState.Pending, 500), (failed.State, failed.LastStatus));
        Assert.Equal(failed.CreatedUtc.AddMinutes(1), failed.NextAttemptUtc);
        var row = (await facilitator.GetAsync(page)).Document.QuerySelector($"#delivery-{failed.Id}")!.TextContent;
        Assert.Contains("Waiting", row);
        Assert.Contains("The receiver answered 500 (Internal Server Error).", row);
        await s.App.Services.GetRequiredService<WebhookSender>().RunOnceAsync(); // not due yet
        Assert.Single(receiver.All);

        s.App.Clock.Advance(TimeSpan.FromSeconds(61));
        await s.App.Services.GetRequiredService<WebhookSender>().RunOnceAsync();
        var second = await receiver.WaitForAsync(count: 2);
        await UntilAsync(async () => (await DeliveryAsync()).State == WebhookDeliveryState.Delivered);

        Assert.Equal("ping", second.Event);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Headers["X-Kindling-Delivery"], second.Headers["X-Kindling-Delivery"]);
        Assert.True(second.SignedWith(secret));
        var delivered = await DeliveryAsync();
        Assert.Equal((2, 200, null), (delivered.Attempts, delivered.LastStatus, delivered.LastError));
        var log = await facilitator.GetAsync(page);
        Assert.Contains("Delivered", log.Document.QuerySelector($"#delivery-{delivered.Id}")!.TextContent);
        var details = await facilitator.GetAsync($"{page}/deliveries/{delivered.Id}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains("\"event\": \"ping\"", details.Document.QuerySelector("pre.payload")!.TextContent);
        Assert.Contains("Delivered after 2 attempts", details.Document.QuerySelector("dl.facts")!.TextContent);
        await Task.Delay(300);
        Assert.Equal(2, receiver.All.Count);
    }
}
