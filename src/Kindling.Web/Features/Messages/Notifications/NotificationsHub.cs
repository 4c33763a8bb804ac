using Kindling.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Kindling.Web.Features.Messages.Notifications;

/// <summary>What the notifications hub sends to a person's open pages.</summary>
public interface INotificationsClient
{
    /// <summary>The person's notifications changed; <paramref name="unread"/> is the new count (capped at
    /// <see cref="Unread.Cap"/>).</summary>
    Task Changed(int unread);
}

/// <summary>
/// Tells signed-in people's open pages that their notifications changed, so the bell's count follows without a
/// reload. Each connection belongs to its user (<c>Clients.User</c>), so nobody hears another person's count. The
/// pages work without it: the bell is rendered with every page.
/// </summary>
[Authorize]
public sealed class NotificationsHub(KindlingDb db) : Hub<INotificationsClient>
{
    public const string Path = "/hubs/notifications";

    /// <summary>The caller's unread count now (a page asks after reconnecting, having maybe missed a change).</summary>
    public Task<int> Count() => Unread.CountAsync(db, Context.User!);
}
