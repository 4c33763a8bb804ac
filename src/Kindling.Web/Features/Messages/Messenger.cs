using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Kindling.Web.Features.Messages;

/// <summary>
/// The one way a feature tells people something. It only adds rows (notifications and outbox messages) to the
/// caller's context: the caller's SaveChanges, in the caller's transaction, makes them durable together with the
/// change that caused them, and the outbox sender delivers after the commit. So a message is never sent for a change
/// that was rolled back, and never lost for one that was kept.
/// </summary>
public sealed class Messenger(MailComposer composer, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task NotifyAsync(KindlingDb db, string userId, Message message, CancellationToken ct = default) =>
        NotifyAsync(db, [userId], message, ct);

    /// <summary>An in-app notification for each person, and an e-mail as they chose for this kind: at once, in
    /// the daily digest, or not at all. E-mail goes only to a confirmed address of an enabled account.</summary>
    public async Task NotifyAsync(
        KindlingDb db,
        IEnumerable<string> userIds,
        Message message,
        CancellationToken ct = default
    )
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
            return;
        var now = Now;
        var people = await db
            .Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.EmailConfirmed,
                u.DisplayName,
                u.LockoutEnd,
            })
            .ToListAsync(ct);
        var choices = await db
            .NotificationPreferences.AsNoTracking()
            .Where(p => ids.Contains(p.UserId) && p.Kind == message.Kind)
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, StringComparer.Ordinal, ct);
        foreach (var person in people)
        {
            var delivery = choices.GetValueOrDefault(person.Id, EmailDelivery.Immediately);
            var mailable =
                // A disabled account is locked out "for ever".
                person.Email
                    is { Length: > 0 }
                && person.EmailConfirmed
                && !(person.LockoutEnd?.Year > 9000);
            db.Notifications.Add(
                new Notification
                {
                    UserId = person.Id,
                    Kind = message.Kind,
                    CohortId = message.CohortId,
                    Title = Text.Clip(message.Subject, 200),
                    Body = Text.Clip(message.Summary ?? message.Paragraphs.FirstOrDefault() ?? "", 1000),
                    Link = message.Link,
                    CreatedUtc = now,
                    AwaitingDigest = mailable && delivery == EmailDelivery.DailyDigest,
                }
            );
            if (mailable && delivery == EmailDelivery.Immediately)
                Mail(db, person.Email!, person.DisplayName, message, person.Id);
        }
    }

    /// <summary>An e-mail to an address whatever the preferences: invitations and account security (address
    /// confirmation, password reset), and the digest.</summary>
    public void Mail(KindlingDb db, string toAddress, string? toName, Message message, string? userId = null)
    {
        var now = Now;
        var id = Guid.NewGuid();
        var mime = composer.Compose(id, now, toAddress, toName, message, userId);
        using var bytes = new MemoryStream();
        mime.WriteTo(FormatOptions.Default, bytes);
        db.Outbox.Add(
            new OutboxMessage
            {
                Id = id,
                Kind = message.Kind,
                UserId = userId,
                CohortId = message.CohortId,
                ToAddress = toAddress,
                Subject = Text.Clip(mime.Subject ?? "", 300),
                Mime = bytes.ToArray(),
                CreatedUtc = now,
                NextAttemptUtc = now,
            }
        );
    }
}
