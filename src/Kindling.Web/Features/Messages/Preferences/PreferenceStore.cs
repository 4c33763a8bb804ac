using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Messages.Preferences;

/// <summary>
/// Reads and writes a person's e-mail choice per kind; no row means <see cref="EmailDelivery.Immediately"/>.
/// </summary>
public static class PreferenceStore
{
    public static async Task<Dictionary<MessageKind, EmailDelivery>> ForAsync(KindlingDb db, string userId)
    {
        var rows = await db
            .NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, p => p.Delivery);
        return MessageKinds.Configurable.ToDictionary(c => c.Kind, c => rows.GetValueOrDefault(c.Kind));
    }

    /// <summary>
    /// Sets one kind and saves at once. Turning a kind off also takes its waiting items out of the next digest:
    /// "no e-mail about this" means that one too. Two sets racing (a mail client posting an unsubscribe twice) end
    /// with the same row.
    /// </summary>
    public static async Task SetAsync(KindlingDb db, string userId, MessageKind kind, EmailDelivery delivery)
    {
        var updated = await db
            .NotificationPreferences.Where(p => p.UserId == userId && p.Kind == kind)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Delivery, delivery));
        if (updated == 0)
        {
            var row = new NotificationPreference
            {
                UserId = userId,
                Kind = kind,
                Delivery = delivery,
            };
            db.NotificationPreferences.Add(row);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Inserted meanwhile by the other request: set it over that row.
                db.Entry(row).State = EntityState.Detached;
                await db
                    .NotificationPreferences.Where(p => p.UserId == userId && p.Kind == kind)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Delivery, delivery));
            }
        }
        if (delivery == EmailDelivery.Off)
            await db
                .Notifications.Where(n => n.UserId == userId && n.Kind == kind && n.AwaitingDigest)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.AwaitingDigest, false));
    }
}
