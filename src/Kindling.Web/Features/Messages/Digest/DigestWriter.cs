using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Messages.Digest;

/// <summary>
/// Writes the daily digest: for each person with notifications waiting for it
/// (<see cref="Notification.AwaitingDigest"/>, set by <see cref="Messenger"/> for kinds they chose "Daily digest"
/// for), once it is past
/// <see cref="LocalHour"/>:00 in their time zone and their last digest is at least <see cref="Gap"/> old, one e-mail
/// listing them all. The person's <see cref="AppUser.LastDigestUtc"/> is claimed with a conditional update in the
/// same transaction that writes the mail and clears the items, so a digest is written once even with two instances.
/// </summary>
public sealed class DigestWriter(KindlingDb db, Messenger messenger, PublicUrls urls, TimeProvider clock)
{
    public const int LocalHour = 8;

    /// <summary>Less than a day, so a digest written at 8:10 one day does not hold back the next morning's.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromHours(20);

    /// <summary>Writes every digest that is due now; returns how many.</summary>
    public async Task<int> WriteDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - Gap;
        var people = await db
            .Users.Where(u =>
                u.EmailConfirmed
                && u.Email != null
                && (u.LastDigestUtc == null || u.LastDigestUtc < before)
                && db.Notifications.Any(n => n.UserId == u.Id && n.AwaitingDigest)
            )
            .Select(u => new
            {
                u.Id,
                u.TimeZoneId,
                u.LockoutEnd,
            })
            .ToListAsync(ct);
        var written = 0;
        // A disabled account is locked out "for ever" (as Messenger reads it): its items wait, unmailed.
        var due = people.Where(p =>
            !(p.LockoutEnd?.Year > 9000) && TimeZones.ToLocal(now, p.TimeZoneId).Hour >= LocalHour
        );
        foreach (var p in due)
            written += await WriteAsync(p.Id, now, ct) ? 1 : 0;
        return written;
    }

    private async Task<bool> WriteAsync(string userId, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var before = now - Gap;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db
            .Users.Where(u => u.Id == userId && (u.LastDigestUtc == null || u.LastDigestUtc < before))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastDigestUtc, now), ct);
        if (claimed == 0)
            return false;
        var person = await db
            .Users.Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Email,
                u.DisplayName,
                u.TimeZoneId,
            })
            .SingleAsync(ct);
        var items = await db
            .Notifications.Where(n => n.UserId == userId && n.AwaitingDigest)
            .OrderBy(n => n.CreatedUtc)
            .ThenBy(n => n.Id)
            .ToListAsync(ct);
        if (items.Count == 0 || person.Email is null)
            return false; // rolled back: nothing to send after all
        var cohorts = await CohortNamesAsync(items, ct);
        foreach (var n in items)
            n.AwaitingDigest = false;
        messenger.Mail(
            db,
            person.Email,
            person.DisplayName,
            DigestMessage.For(items, cohorts, person.TimeZoneId, urls),
            userId
        );
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private Task<Dictionary<Guid, string>> CohortNamesAsync(List<Notification> items, CancellationToken ct)
    {
        var ids = items.Where(n => n.CohortId is not null).Select(n => n.CohortId!.Value).Distinct().ToList();
        return db.Cohorts.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
