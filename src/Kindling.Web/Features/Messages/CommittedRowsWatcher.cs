using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kindling.Web.Features.Messages;

/// <summary>
/// Watches every <c>KindlingDb</c> for added rows of one type and, once they are durable, says so
/// (<see cref="OnCommitted"/>): right after <c>SaveChanges</c> when no transaction is open, otherwise after that
/// transaction commits; a failed save or a rolled-back transaction says nothing. Features need do nothing but add
/// the rows. One instance serves every context; what a context saved is kept beside it.
/// </summary>
/// <remarks>
/// A change rolled back to a savepoint (the live write path) still counts at the commit; the watchers here only wake
/// something up (the outbox sender, a page's count), which then reads what was committed, so that is harmless.
/// </remarks>
public abstract class CommittedRowsWatcher<TRow> : SaveChangesInterceptor, IDbTransactionInterceptor
    where TRow : class
{
    /// <summary>What to remember of an added row until its commit (e.g. the person to tell).</summary>
    protected abstract string KeyOf(TRow row);

    /// <summary>Runs once the rows are durable, with the keys of the rows added since the last time.</summary>
    protected abstract void OnCommitted(IReadOnlyCollection<string> keys);

    private sealed class State
    {
        public List<string> Saving { get; } = [];
        public HashSet<string> Pending { get; } = new(StringComparer.Ordinal);
    }

    private readonly ConditionalWeakTable<DbContext, State> _states = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
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

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        Forget(eventData.Context, saving: true);

    public override Task SaveChangesFailedAsync(
        DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Forget(eventData.Context, saving: true);
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(
        DbConnection connection,
        TransactionEndEventData eventData,
        DbTransaction result
    )
    {
        // Whatever is pending belonged to a transaction that was disposed without a commit.
        Forget(eventData.Context, saving: false);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection,
        TransactionEndEventData eventData,
        DbTransaction result,
        CancellationToken cancellationToken = default
    )
    {
        Forget(eventData.Context, saving: false);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Flush(eventData.Context);

    public Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(eventData.Context, saving: false);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Forget(eventData.Context, saving: false);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        var added = context
            .ChangeTracker.Entries<TRow>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => KeyOf(e.Entity))
            .ToList();
        if (added.Count == 0 && !_states.TryGetValue(context, out _))
            return;
        var state = _states.GetOrCreateValue(context);
        state.Saving.Clear();
        state.Saving.AddRange(added);
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state))
            return;
        state.Pending.UnionWith(state.Saving);
        state.Saving.Clear();
        if (context.Database.CurrentTransaction is null)
            Flush(context);
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state) || state.Pending.Count == 0)
            return;
        var keys = state.Pending.ToList();
        state.Pending.Clear();
        OnCommitted(keys);
    }

    private void Forget(DbContext? context, bool saving)
    {
        if (context is null || !_states.TryGetValue(context, out var state))
            return;
        if (saving)
            state.Saving.Clear();
        else
            state.Pending.Clear();
    }
}
