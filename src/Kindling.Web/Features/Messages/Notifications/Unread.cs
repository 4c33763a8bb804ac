using System.Data.Common;
using System.Security.Claims;
using Kindling.Data;
using Kindling.Web.Infrastructure.Reads;
using Kindling.Web.Kernel;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Messages.Notifications;

/// <summary>
/// How many notifications a person has not read, counted only up to <see cref="Cap"/> so the query on every page
/// stays bounded however many pile up (the bell then says "99+").
/// </summary>
public static class Unread
{
    public const int Cap = 100;

    // Which rows fill the cap doesn't matter, only how many; the order by key keeps EF Core from warning about it.
    // Compiled: this runs on every page a signed-in person opens (the bell).
    private static readonly CompiledQuery<Func<KindlingDb, string, CancellationToken, Task<int>>> Counted = new(() =>
        EF.CompileAsyncQuery(
            (KindlingDb db, string userId, CancellationToken ct) =>
                db
                    .Notifications.Where(n => n.UserId == userId && n.ReadUtc == null)
                    .OrderBy(n => n.Id)
                    .Take(Cap)
                    .Count()
        )
    );

    public static Task<int> CountAsync(KindlingDb db, string userId, CancellationToken ct = default) =>
        Counted.For(db)(db, userId, ct);

    public static async Task<int> CountAsync(KindlingDb db, ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await CountAsync(db, id) : 0;

    /// <summary>
    /// For the header of every page, error pages included: when the count can't be read (the database is down) the
    /// bell shows no number rather than the page failing. Kept between pages until a notification is written.
    /// </summary>
    public static async Task<int> ForHeaderAsync(ReadCache reads, KindlingDb db, ClaimsPrincipal user)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
            return 0;
        try
        {
            return await reads.GetAsync("unread", id, Guid.Empty, () => CountAsync(db, id));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            return 0;
        }
    }

    /// <summary>The number as the badge shows it: "3", or "99+" past 99.</summary>
    public static string Text(int count) =>
        count >= Cap ? "99+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
