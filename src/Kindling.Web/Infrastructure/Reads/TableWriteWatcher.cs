using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kindling.Web.Infrastructure.Reads;

/// <summary>
/// Sees every command a <c>KindlingDb</c> runs. Tables a command writes are reported to <see cref="TableVersions"/>
/// once the write is durable: right away outside a transaction, at the commit inside one (also when it ends another
/// way, and when the context lets its connection go, so no write is ever missed). Tables a command reads are added to
/// the read being recorded (<see cref="ReadCache"/>), if any.
/// </summary>
public sealed class TableWriteWatcher(TableVersions versions)
    : DbCommandInterceptor,
        IDbTransactionInterceptor,
        IDbConnectionInterceptor
{
    private sealed class Pending
    {
        public HashSet<string> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);
        public bool Everything { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result
    )
    {
        ReadCache.Recorded(SqlTables.Of(command.CommandText).Reads);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        ReadCache.Recorded(SqlTables.Of(command.CommandText).Reads);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result
    )
    {
        ReadCache.Recorded(SqlTables.Of(command.CommandText).Reads);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    )
    {
        ReadCache.Recorded(SqlTables.Of(command.CommandText).Reads);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result
    )
    {
        Executed(command, eventData.Context);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken cancellationToken = default
    )
    {
        Executed(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(command, eventData.Context);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        Executed(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Executed(command, eventData.Context);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        object? result,
        CancellationToken cancellationToken = default
    )
    {
        Executed(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Executed(command, eventData.Context);

    public override Task CommandFailedAsync(
        DbCommand command,
        CommandErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Executed(command, eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A write is reported when it runs (a read starting later may cache what it saw before the commit, which the
    /// report at the commit then outdates) and again once it is committed.
    /// </summary>
    private void Executed(DbCommand command, DbContext? context)
    {
        var use = SqlTables.Of(command.CommandText);
        if (use.Writes.Length == 0 && !use.WritesEverything)
            return;
        Report(use.Writes, use.WritesEverything);
        if (command.Transaction is null || context is null)
            return;
        var pending = _pending.GetOrCreateValue(context);
        lock (pending)
        {
            pending.Tables.UnionWith(use.Writes);
            pending.Everything |= use.WritesEverything;
        }
    }

    private void Report(IEnumerable<string> tables, bool everything)
    {
        if (everything)
            versions.WrittenEverything();
        else
            versions.Written(tables);
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        string[] tables;
        bool everything;
        lock (pending)
        {
            if (pending.Tables.Count == 0 && !pending.Everything)
                return;
            tables = [.. pending.Tables];
            everything = pending.Everything;
            pending.Tables.Clear();
            pending.Everything = false;
        }
        Report(tables, everything);
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
        Flush(eventData.Context);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Flush(eventData.Context);

    public Task TransactionFailedAsync(
        DbTransaction transaction,
        TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Flush(eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }
}
