using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Kindling.IntegrationTests.Features.Messages;

/// <summary>What Kindling wrote to one person: the outbox's messages (as they will be sent) and the notifications.</summary>
internal static class Mailbox
{
    public static Task<List<MimeMessage>> MailsAsync(KindlingApp app, string userId, MessageKind kind) =>
        app.WithDbAsync(async db =>
            (
                await db
                    .Outbox.Where(m => m.UserId == userId && m.Kind == kind)
                    .OrderBy(m => m.CreatedUtc)
                    .Select(m => m.Mime)
                    .ToListAsync()
            )
                .Select(bytes => MimeMessage.Load(new MemoryStream(bytes)))
                .ToList()
        );

    public static Task<List<Notification>> NotificationsAsync(KindlingApp app, string userId, MessageKind kind) =>
        app.WithDbAsync(db =>
            db.Notifications.AsNoTracking()
                .Where(n => n.UserId == userId && n.Kind == kind)
                .OrderBy(n => n.CreatedUtc)
                .ToListAsync()
        );

    public static async Task<T> InScopeAsync<T>(KindlingApp app, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }
}
