using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PeerFeedback;

/// <summary>
/// Reminds reviewers who have not given their feedback yet, once, a day before the round's due time. Each request is
/// claimed with a conditional update of <see cref="Domain.PeerReview.ReminderUtc"/> in the transaction that writes the
/// reminder, so with two instances only one sends it. A request made within the day before the due time gets no
/// reminder: it was just sent.
/// </summary>
public sealed class PeerReminders(KindlingDb db, PeerRequests requests, TimeProvider clock)
{
    public static readonly TimeSpan Lead = TimeSpan.FromHours(24);

    /// <summary>Writes every reminder due now; returns how many were written.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + Lead;
        var due = await db
            .PeerReviews.Where(r => r.ReminderUtc == null)
            .Join(
                db.PeerRounds.Where(p => p.DueUtc != null && p.DueUtc > now && p.DueUtc <= horizon),
                r => r.RoundId,
                p => p.Id,
                (r, p) =>
                    new
                    {
                        r.Id,
                        r.RequestedUtc,
                        Due = p.DueUtc!.Value,
                    }
            )
            .ToListAsync(ct);
        var candidates = due.Where(x => x.RequestedUtc <= x.Due - Lead).ToList();
        if (candidates.Count == 0)
            return 0;
        var ids = candidates.Select(c => c.Id).ToList();
        var given = (await db.PeerReviewStates(db.PeerReviews.Where(r => ids.Contains(r.Id))).ToListAsync(ct))
            .Where(s => s.Given)
            .Select(s => s.ReviewId)
            .ToHashSet();
        var sent = 0;
        foreach (var c in candidates.Where(c => !given.Contains(c.Id)))
            sent += await RemindAsync(c.Id, c.Due, ct) ? 1 : 0;
        return sent;
    }

    private async Task<bool> RemindAsync(Guid reviewId, DateTime dueUtc, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db
            .PeerReviews.Where(r => r.Id == reviewId && r.ReminderUtc == null)
            .ExecuteUpdateAsync(x => x.SetProperty(r => r.ReminderUtc, now), ct);
        if (claimed == 0)
            return false;
        var review = await db.PeerReviews.AsNoTracking().SingleAsync(r => r.Id == reviewId, ct);
        await requests.RemindAsync(review, dueUtc);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}

/// <summary>Looks for due peer feedback reminders every quarter of an hour (<see cref="PeerReminders"/>).</summary>
public sealed class PeerReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PeerReminderJob> log)
    : ClockedJob(clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromMinutes(15);
    protected override string Doing => "Writing peer feedback reminders";

    protected override async Task RunOnceAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PeerReminders>().SendDueAsync();
    }
}

public static class PeerFeedbackSetup
{
    public static void AddPeerFeedback(this IServiceCollection s)
    {
        s.AddScoped<PeerRequests>();
        s.AddScoped<ArrangeRound>();
        s.AddScoped<PeerReminders>();
        s.AddHostedService<PeerReminderJob>();
    }
}
