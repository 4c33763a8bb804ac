using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Webhooks.WebhookArrange;

namespace Kindling.IntegrationTests.Features.Webhooks;

/// <summary>
/// With Webhooks:AllowPrivateAddresses off (the default), a webhook cannot point Kindling at the server's own network:
/// refused when it is added, and again when a delivery is made (a name can resolve elsewhere later).
/// </summary>
[Collection(AppCollection.Name)]
public class WebhookAddressTests
{
    private static KindlingApp Strict(string provider) =>
        new(provider, new Dictionary<string, string> { ["Webhooks:AllowPrivateAddresses"] = "false" });

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PrivateAddresses_WithTheSwitchOff_AreRefusedWhenAddedAndWhenDelivered(string provider)
    {
        await using var app = Strict(provider);
        var s = await CohortScenario.CreateAsync(app);
        using var facilitator = await s.ClientAsAsync("facilitator");
        using var receiver = new WebhookReceiver();

        var http = await AddAsync(facilitator, s.CohortId, receiver.Url, ["charter.published"]);
        var loopback = await AddAsync(
            facilitator,
            s.CohortId,
            receiver.Url.Replace("http:", "https:"),
            ["worksheet.shared"]
        );
        var local = await AddAsync(facilitator, s.CohortId, "https://[::1]/hook", ["charter.published"]);
        var metadata = await AddAsync(facilitator, s.CohortId, "https://169.254.169.254/latest", ["session.ended"]);

        Assert.Contains(
            "Enter an address starting with https://, e.g. https://hooks.example.org/kindling.",
            http.Errors
        );
        Assert.Contains(
            loopback.Errors,
            e => e.StartsWith("127.0.0.1 is a private, loopback or link-local address", StringComparison.Ordinal)
        );
        Assert.Contains(local.Errors, e => e.Contains("is a private, loopback or link-local address (::1)"));
        Assert.Contains(
            metadata.Errors,
            e => e.StartsWith("169.254.169.254 is a private, loopback or link-local", StringComparison.Ordinal)
        );
        Assert.Equal(0, await app.WithDbAsync(db => db.Webhooks.CountAsync()));

        // Registered when the name still resolved to a public address: now it is loopback, and nothing is sent.
        var hook = new Webhook
        {
            CohortId = s.CohortId,
            Url = receiver.Url.Replace("http://127.0.0.1", "https://localhost"),
            Secret = "whsec_x",
            Events = "charter.published",
            CreatedById = s.Users["facilitator"].Id,
        };
        await app.WithDbAsync(db =>
        {
            db.Webhooks.Add(hook);
            return db.SaveChangesAsync();
        });
        await PressAsync(facilitator, $"{PageUrl(s.CohortId)}/{hook.Id}", "Test");
        await UntilAsync(() => app.WithDbAsync(db => db.WebhookDeliveries.AnyAsync(d => d.Attempts == 1)));

        var delivery = await app.WithDbAsync(db => db.WebhookDeliveries.SingleAsync());
        Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
        Assert.Null(delivery.LastStatus);
        Assert.StartsWith("localhost is a private, loopback or link-local address", delivery.LastError);
        Assert.Empty(receiver.All);
    }
}
