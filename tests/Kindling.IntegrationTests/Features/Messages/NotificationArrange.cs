using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Messages;

internal static class NotificationArrange
{
    /// <summary>Stores <paramref name="count"/> notifications for a person, a minute apart, the last one newest.</summary>
    public static async Task<List<Guid>> AddAsync(
        KindlingApp app,
        string userId,
        int count,
        string title = "Something happened",
        string link = "/account/profile",
        Guid? cohortId = null
    )
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var rows = Enumerable
            .Range(1, count)
            .Select(i => new Notification
            {
                UserId = userId,
                Kind = MessageKind.WorksheetComment,
                CohortId = cohortId,
                Title = count == 1 ? title : $"{title} {i}",
                Body = $"Details {i}",
                Link = link,
                CreatedUtc = now.AddMinutes(i - count),
            })
            .ToList();
        await app.WithDbAsync(async db =>
        {
            db.Notifications.AddRange(rows);
            return await db.SaveChangesAsync();
        });
        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>The bell's text as read out ("Notifications, 3 unread"), whitespace collapsed.</summary>
    public static string Bell(PageClient.Page page) =>
        string.Join(
                ' ',
                (page.Document.QuerySelector("[data-bell]")?.TextContent ?? "").Split(
                    (char[])[' ', '\n', '\r', '\t'],
                    StringSplitOptions.RemoveEmptyEntries
                )
            )
            .Replace(" ,", ",", StringComparison.Ordinal);
}
