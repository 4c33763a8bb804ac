using System.ComponentModel.DataAnnotations;
using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Concerns;

/// <summary>The <c>Concerns</c> settings.</summary>
public sealed class ConcernOptions
{
    public const string Section = "Concerns";

    /// <summary>How long a resolved or closed report is kept after it was last closed, then deleted with its
    /// trail.</summary>
    [Range(1, 1200, ErrorMessage = "Concerns:RetentionMonths must be a whole number of months from 1 to 1200.")]
    public int RetentionMonths { get; set; } = 12;
}

/// <summary>
/// Deletes resolved and closed reports, with their events, once <see cref="ConcernOptions.RetentionMonths"/> have
/// passed since they were closed. Runs every hour on the injected clock; open reports are never touched.
/// </summary>
public sealed class ConcernRetention(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ConcernOptions> options,
    ILogger<ConcernRetention> log
) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>One round: deletes what is due and returns how many reports went.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMonths(-options.Value.RetentionMonths);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        var due = db.ConcernReports.Where(r =>
            r.ClosedUtc != null
            && r.ClosedUtc < cutoff
            && (r.Status == ConcernStatus.Resolved || r.Status == ConcernStatus.Closed)
        );
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ConcernEvents.Where(e => due.Any(r => r.Id == e.ReportId)).ExecuteDeleteAsync(ct);
        var deleted = await due.ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // A fresh delay each round: moving a test's fake clock by months fires one round, not thousands.
                await Task.Delay(Every, clock, stop);
                var deleted = await PurgeAsync(stop);
                if (deleted > 0)
                    log.LogInformation("Deleted {Count} closed concern reports past their retention", deleted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Deleting closed concern reports past their retention failed; will retry");
            }
        }
    }
}
