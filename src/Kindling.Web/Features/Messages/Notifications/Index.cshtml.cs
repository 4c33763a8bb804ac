using System.Globalization;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure.Reads;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Messages.Notifications;

/// <summary>The signed-in person's notifications, newest first, 50 to a page; opening one marks it read.</summary>
public class IndexModel(KindlingDb db, ReadCache reads, NotificationPush push, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Item(
        Guid Id,
        MessageKind Kind,
        string Title,
        string? Body,
        string? CohortName,
        DateTime CreatedUtc,
        bool Read
    );

    /// <summary>From <c>?page=</c>, read by hand: "page" is a route value of every Razor page.</summary>
    public int PageNumber { get; private set; } = 1;
    public List<Item> Items { get; private set; } = [];
    public bool HasNewer => PageNumber > 1;
    public bool HasOlder { get; private set; }
    public int UnreadCount { get; private set; }
    public string Zone { get; private set; } = "UTC";

    private string UserId => CohortAccess.UserId(User)!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Request.Query.TryGetValue("page", out var p))
        {
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 100_000)
                return NotFound();
            PageNumber = n;
        }
        // Kept until the person's notifications (or another table it read) are written (ReadCache).
        (Zone, var rows, UnreadCount) = await reads.GetAsync("notifications", UserId, PageNumber, LoadAsync);
        HasOlder = rows.Count > PageSize;
        Items = rows.Take(PageSize).ToList();
        if (Items.Count == 0 && PageNumber > 1)
            return NotFound();
        return Page();
    }

    private async Task<(string, List<Item>, int)> LoadAsync()
    {
        var zone = await db.Users.Where(u => u.Id == UserId).Select(u => u.TimeZoneId).FirstOrDefaultAsync() ?? "UTC";
        var rows = await db
            .Notifications.AsNoTracking()
            .Where(n => n.UserId == UserId)
            .OrderByDescending(n => n.CreatedUtc)
            .ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(n => new Item(
                n.Id,
                n.Kind,
                n.Title,
                n.Body,
                db.Cohorts.Where(c => c.Id == n.CohortId).Select(c => c.Name).FirstOrDefault(),
                n.CreatedUtc,
                n.ReadUtc != null
            ))
            .ToListAsync();
        return (zone, rows, await Unread.CountAsync(db, UserId));
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db
            .Notifications.Where(n => n.UserId == UserId && n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now));
        if (marked > 0)
            await push.PushAsync([UserId]);
        TempData["Flash"] = marked switch
        {
            0 => "There was nothing unread.",
            1 => "1 notification marked as read.",
            _ => $"{marked:N0} notifications marked as read.",
        };
        return Redirect("/notifications");
    }
}
