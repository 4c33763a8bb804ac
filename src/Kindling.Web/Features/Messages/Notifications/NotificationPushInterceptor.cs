using Kindling.Domain;

namespace Kindling.Web.Features.Messages.Notifications;

/// <summary>
/// Once added notifications are committed, tells their people's pages (<see cref="NotificationPush"/>). The push runs
/// after the caller has moved on, so it never holds up a commit.
/// </summary>
public sealed class NotificationPushInterceptor(NotificationPush push) : CommittedRowsWatcher<Notification>
{
    protected override string KeyOf(Notification row) => row.UserId;

    protected override void OnCommitted(IReadOnlyCollection<string> keys) => _ = Task.Run(() => push.PushAsync(keys));
}
