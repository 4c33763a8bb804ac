using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Webhooks;

/// <summary>
/// Delivers the webhook outbox after the commits that wrote it. A delivery is claimed with a conditional update (so
/// two instances never post the same one at once), posted, then marked delivered; a failure is retried with
/// back-off (<see cref="WebhookRetries"/>) until it is marked failed. A sender that dies mid-post leaves a claim that
/// lapses, and the delivery goes again: delivery is at least once, and a receiver tells repeats by
/// <c>X-Kindling-Delivery</c>. A paused webhook's deliveries wait until it is resumed.
/// </summary>
public sealed partial class WebhookSender(
    IServiceScopeFactory scopes,
    WebhookPoster poster,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> log
) : BackgroundService
{
    /// <summary>Far longer than an attempt can take (<see cref="WebhookPoster.Timeout"/>).</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private const int Batch = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DrainLoop.RunAsync(
            () => signal.Next,
            RunOnceAsync,
            Batch,
            TimeSpan.FromSeconds(options.Value.PollSeconds),
            clock,
            e => LogRoundFailed(log, e),
            stoppingToken
        );

    /// <summary>Posts what is due now; returns how many deliveries it looked at.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        var now = Now;
        var due = await db
            .WebhookDeliveries.Where(d =>
                d.State == WebhookDeliveryState.Pending
                && d.NextAttemptUtc <= now
                && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now)
                && db.Webhooks.Any(w => w.Id == d.WebhookId && w.Active)
            )
            .OrderBy(d => d.NextAttemptUtc)
            .Select(d => d.Id)
            .Take(Batch)
            .ToListAsync(ct);
        foreach (var id in due)
            await DeliverAsync(db, id, ct);
        return due.Count;
    }

    private async Task DeliverAsync(KindlingDb db, Guid id, CancellationToken ct)
    {
        var now = Now;
        var until = now + ClaimFor;
        var claimed = await db
            .WebhookDeliveries.Where(d =>
                d.Id == id
                && d.State == WebhookDeliveryState.Pending
                && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now)
            )
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntilUtc, until), ct);
        if (claimed == 0)
            return;
        var row = await db
            .WebhookDeliveries.AsNoTracking()
            .Where(d => d.Id == id)
            .Join(
                db.Webhooks,
                d => d.WebhookId,
                w => w.Id,
                (d, w) =>
                    new
                    {
                        d.Event,
                        d.Payload,
                        d.Attempts,
                        w.Url,
                        w.Secret,
                    }
            )
            .FirstOrDefaultAsync(ct);
        if (row is null)
            return; // the webhook was deleted meanwhile, and its log with it
        var outcome = await poster.PostAsync(
            new WebhookPoster.Request(id, row.Event, row.Payload, row.Url, row.Secret),
            ct
        );
        await RecordAsync(db, id, row.Attempts + 1, outcome);
    }

    private async Task RecordAsync(KindlingDb db, Guid id, int attempts, PostOutcome outcome)
    {
        var now = Now;
        var q = db.WebhookDeliveries.Where(d => d.Id == id);
        if (outcome.Delivered)
        {
            await q.ExecuteUpdateAsync(s =>
                s.SetProperty(d => d.State, WebhookDeliveryState.Delivered)
                    .SetProperty(d => d.DeliveredUtc, now)
                    .SetProperty(d => d.Attempts, attempts)
                    .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(d => d.LastStatus, outcome.Status)
                    .SetProperty(d => d.LastError, (string?)null)
            );
            return;
        }
        var (givenUp, next) = WebhookRetries.After(attempts, now);
        var error = Text.Clip(outcome.Error ?? "Unknown failure.", 1000);
        LogNotDelivered(log, id, attempts, error);
        await q.ExecuteUpdateAsync(s =>
            s.SetProperty(d => d.State, givenUp ? WebhookDeliveryState.Failed : WebhookDeliveryState.Pending)
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.NextAttemptUtc, next)
                .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(d => d.LastStatus, outcome.Status)
                .SetProperty(d => d.LastError, error)
        );
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Webhook delivery {Id} not delivered (attempt {Attempts}): {Error}"
    )]
    private static partial void LogNotDelivered(ILogger log, Guid id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook sender's round failed; it will try again.")]
    private static partial void LogRoundFailed(ILogger log, Exception e);
}
