using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// Keeps the audit trail append-only whatever code saves: a save that would change or remove a
/// <see cref="ConcernEvent"/> is refused before anything is written. The one way events go is the retention job's
/// bulk delete (<see cref="ConcernRetention"/>), which does not pass through a save; the one way one changes is a
/// deleted account's name becoming "a former member" (<see cref="FormerReporters"/>), a bulk update too.
/// </summary>
public sealed class ConcernEventGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
            return;
        var touched = context
            .ChangeTracker.Entries<ConcernEvent>()
            .Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (touched)
            throw new InvalidOperationException(
                "A concern report's audit trail is append-only: its events can't be changed or deleted."
            );
    }
}
