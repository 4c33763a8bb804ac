using System.Data.Common;
using System.Runtime.CompilerServices;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kindling.Web.Features.Messages;

/// <summary>
/// Notices a save that adds outbox messages and wakes the sender once they are committed: at once for a save that is
/// its own transaction, at the commit for a save inside a longer one (e.g. the live write path).
/// </summary>
public sealed class OutboxWatcher(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public bool Saving;
        public bool AwaitingCommit;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _state = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
            return;
        var adds = context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        if (adds)
            _state.GetOrCreateValue(context).Saving = true;
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_state.TryGetValue(context, out var p) || !p.Saving)
            return;
        p.Saving = false;
        if (context.Database.CurrentTransaction is null)
            signal.Pulse();
        else
            p.AwaitingCommit = true;
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _state.TryGetValue(context, out var p) && p.AwaitingCommit)
        {
            p.AwaitingCommit = false;
            signal.Pulse();
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Committed(eventData.Context);

    public Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(eventData.Context);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _state.TryGetValue(context, out var p))
            p.AwaitingCommit = false;
    }
}
