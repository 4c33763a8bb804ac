using Kindling.Data;
using Kindling.Web.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kindling.Web.Features.Messages.Notifications;

public static class NotificationsSetup
{
    /// <summary>The bell's live signal, the push after commit, preferences, unsubscribe links and the digest.</summary>
    public static void AddNotifications(this IServiceCollection s)
    {
        s.AddSignalR(); // options and the Redis backplane are set where the live sessions add it (LiveSetup)
        s.AddSingleton<NotificationPush>();
        s.AddSingleton<NotificationPushInterceptor>();
        s.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<NotificationPushInterceptor>());
        s.AddScoped<Digest.DigestWriter>();
        s.AddHostedService<Digest.DigestJob>();
    }

    public static void MapNotifications(this WebApplication app)
    {
        app.MapHub<NotificationsHub>(NotificationsHub.Path);
        // Opening a notification marks it read and goes to the thing itself; links are site-relative by contract.
        app.MapGet(
                "/notifications/{id:guid}/open",
                async (Guid id, HttpContext http, KindlingDb db, NotificationPush push, TimeProvider clock) =>
                {
                    var userId = CohortAccess.UserId(http.User);
                    var n = await db
                        .Notifications.Where(x => x.Id == id && x.UserId == userId)
                        .Select(x => new { x.Link, x.ReadUtc })
                        .FirstOrDefaultAsync();
                    if (n is null || userId is null)
                        return Results.NotFound();
                    if (n.ReadUtc is null)
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        await db
                            .Notifications.Where(x => x.Id == id && x.ReadUtc == null)
                            .ExecuteUpdateAsync(x => x.SetProperty(v => v.ReadUtc, now));
                        await push.PushAsync([userId]);
                    }
                    return Results.Redirect(IsSiteLink(n.Link) ? n.Link : "/notifications");
                }
            )
            .RequireAuthorization();
    }

    /// <summary>A path on this site ("/cohorts/…"), never another host ("//evil.example", "/\evil.example").</summary>
    public static bool IsSiteLink(string link) =>
        link.StartsWith('/') && (link.Length == 1 || (link[1] != '/' && link[1] != '\\'));
}
