using Kindling.Data;
using Microsoft.AspNetCore.SignalR;

namespace Kindling.Web.Features.Messages.Notifications;

/// <summary>
/// Sends people their new unread count through <see cref="NotificationsHub"/>. Called after the rows are committed
/// (<see cref="NotificationPushInterceptor"/>), so a page that fetches the list on the signal finds them. With Redis
/// configured the SignalR backplane carries the signal to whichever instance holds the person's connection.
/// </summary>
public sealed class NotificationPush(
    IHubContext<NotificationsHub, INotificationsClient> hub,
    IServiceScopeFactory scopes,
    ILogger<NotificationPush> log
)
{
    public async Task PushAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0)
            return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
            foreach (var id in userIds.Distinct(StringComparer.Ordinal))
                await hub.Clients.User(id).Changed(await Unread.CountAsync(db, id, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rows are stored; pages show them on the next load. A lost signal only delays the bell.
            log.LogWarning(e, "Could not push notification counts to {Count} people", userIds.Count);
        }
    }
}
