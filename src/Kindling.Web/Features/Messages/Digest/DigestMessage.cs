using Kindling.Domain;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Messages.Digest;

/// <summary>The words of a daily digest: one paragraph per item, oldest first, each with its link.</summary>
public static class DigestMessage
{
    /// <summary>Items listed in one mail; the rest are counted and wait in Kindling.</summary>
    public const int MaxItems = 50;

    public static Message For(
        IReadOnlyList<Notification> items,
        IReadOnlyDictionary<Guid, string> cohortNames,
        string zone,
        PublicUrls urls
    )
    {
        var listed = items.Take(MaxItems).Select(n => Item(n, cohortNames, zone, urls)).ToList();
        var intro =
            items.Count == 1
                ? "One thing happened in Kindling since your last digest:"
                : $"{items.Count:N0} things happened in Kindling since your last digest:";
        var rest =
            items.Count > MaxItems
                ? [$"…and {items.Count - MaxItems:N0} more. See them all under Notifications in Kindling."]
                : Array.Empty<string>();
        return new Message(
            MessageKind.Digest,
            items.Count == 1
                ? $"Your Kindling digest: {items[0].Title}"
                : $"Your Kindling digest: {items.Count:N0} updates",
            "/notifications",
            "Open your notifications"
        )
        {
            Summary = intro,
            Paragraphs = [intro, .. listed, .. rest],
        };
    }

    private static string Item(
        Notification n,
        IReadOnlyDictionary<Guid, string> cohortNames,
        string zone,
        PublicUrls urls
    )
    {
        var cohort = n.CohortId is { } c && cohortNames.TryGetValue(c, out var name) ? $" ({name})" : "";
        var body = string.IsNullOrWhiteSpace(n.Body) ? "" : $" {n.Body}";
        var open = urls.For($"/notifications/{n.Id}/open");
        return $"• {n.Title}{cohort}, {TimeZones.Format(n.CreatedUtc, zone)}.{body} {open}";
    }
}
