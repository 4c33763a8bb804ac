using System.Text.Json;
using System.Text.Json.Serialization;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Webhooks;

/// <summary>
/// Writes the webhook outbox (<see cref="ICohortEvents"/>): one <see cref="WebhookDelivery"/> per active webhook of
/// the cohort that takes the event, with its payload fixed now, so every retry posts the same bytes.
/// </summary>
public sealed class WebhookEvents(PublicUrls urls, TimeProvider clock) : ICohortEvents
{
    /// <summary>camelCase, and every time in UTC with its Z (times read back from SQLite come without a
    /// kind).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new UtcTimes() },
    };

    private sealed record Cohort(Guid Id, string Name, string Url);

    private sealed record Payload(Guid Id, string Event, DateTime OccurredUtc, Cohort Cohort, object Data);

    public string Link(string path) => urls.For(path);

    public async Task AddAsync(
        KindlingDb db,
        Guid cohortId,
        string eventName,
        object data,
        CancellationToken ct = default
    )
    {
        var hooks = await db
            .Webhooks.AsNoTracking()
            .Where(w => w.CohortId == cohortId && w.Active)
            .Select(w => new { w.Id, w.Events })
            .ToListAsync(ct);
        var takers = hooks.Where(h => Takes(h.Events, eventName)).Select(h => h.Id).ToList();
        if (takers.Count == 0)
            return;
        var name = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Name).FirstAsync(ct);
        foreach (var id in takers)
            db.WebhookDeliveries.Add(New(id, cohortId, name, eventName, data));
    }

    /// <summary>A delivery of one event to one webhook (the test event is written directly with this).</summary>
    public WebhookDelivery New(Guid webhookId, Guid cohortId, string cohortName, string eventName, object data)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        var cohort = new Cohort(cohortId, cohortName, Link($"/cohorts/{cohortId}"));
        return new WebhookDelivery
        {
            Id = id,
            WebhookId = webhookId,
            Event = eventName,
            Payload = JsonSerializer.Serialize(new Payload(id, eventName, now, cohort, data), Json),
            State = WebhookDeliveryState.Pending,
            CreatedUtc = now,
            NextAttemptUtc = now,
        };
    }

    /// <summary>The event names a webhook stores (space-separated).</summary>
    public static IReadOnlyList<string> Names(string events) =>
        events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool Takes(string events, string eventName) => Names(events).Contains(eventName);

    private sealed class UtcTimes : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
