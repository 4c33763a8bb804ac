namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Queues this instance's live commits before they reach the database, and commits the ones that queued up together
/// (group commit). Commits to one session serialise on its sequence row anyway, and SQLite has a single writer per
/// file; without the queue, concurrent commits on SQLite collide, get SQLITE_BUSY and Microsoft.Data.Sqlite retries by
/// blocking a thread in Thread.Sleep(150), leaving the database idle meanwhile (docs/performance.md).
/// </summary>
/// <remarks>
/// One singleton per app (LiveSetup); its lanes are its state. SQLite uses one lane for the whole database,
/// PostgreSQL one lane per session stripe (64). The first command to arrive at an idle lane leads: it commits itself
/// at once. Commands arriving meanwhile wait, asynchronously and in arrival order; when the leader's transaction is
/// done, the first of them leads the next transaction, which takes every command waiting by then (at most
/// <see cref="MaxBatch"/>). So a quiet session commits each change alone, and a busy one pays one transaction — one
/// durable commit — for many changes. See docs/live-write-path.md.
/// </remarks>
public sealed class LiveWriteGate
{
    public const int MaxBatch = 64;
    public const int Stripes = 64;
    private readonly Lane[] _lanes = Enumerable.Range(0, Stripes).Select(_ => new Lane()).ToArray();

    /// <summary>A command waiting for its turn: its result is set by whichever transaction took it.</summary>
    public class Entry
    {
        internal readonly TaskCompletionSource<LiveStore.Committed> Result = new(
            TaskCreationOptions.RunContinuationsAsynchronously
        );
        internal readonly TaskCompletionSource Lead = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Done(LiveStore.Committed result) => Result.TrySetResult(result);

        public void Failed(Exception e) => Result.TrySetException(e);
    }

    /// <summary>The lane of a session: the only one for a single-writer database, else the session's stripe.</summary>
    public static int LaneOf(Guid sessionId, bool singleWriter) =>
        singleWriter ? 0 : (sessionId.GetHashCode() & int.MaxValue) % Stripes;

    /// <summary>
    /// Queues <paramref name="me"/> in lane <paramref name="lane"/> (<see cref="LaneOf"/>) and returns its result once
    /// a transaction containing it has ended. <paramref name="commit"/> runs one transaction for a batch on the leading
    /// caller's own context and must settle every entry (<see cref="Entry.Done"/> or <see cref="Entry.Failed"/>).
    /// </summary>
    public async Task<LiveStore.Committed> CommitAsync<T>(int lane, T me, Func<IReadOnlyList<T>, Task> commit)
        where T : Entry
    {
        var l = _lanes[lane];
        bool lead;
        lock (l)
        {
            l.Waiting.Add(me);
            lead = !l.Running;
            l.Running = true;
        }
        if (!lead && await Task.WhenAny(me.Result.Task, me.Lead.Task) == me.Lead.Task)
            lead = true;
        if (lead)
            await LeadAsync(l, commit);
        return await me.Result.Task;
    }

    private static async Task LeadAsync<T>(Lane lane, Func<IReadOnlyList<T>, Task> commit)
        where T : Entry
    {
        List<T> batch;
        lock (lane)
        {
            var take = Math.Min(MaxBatch, lane.Waiting.Count);
            batch = lane.Waiting.GetRange(0, take).Cast<T>().ToList();
            lane.Waiting.RemoveRange(0, take);
        }
        try
        {
            await commit(batch);
        }
        catch (Exception e)
        {
            foreach (var p in batch)
                p.Failed(e);
        }
        finally
        {
            foreach (var p in batch)
                p.Failed(new InvalidOperationException("The live change was not settled by its transaction."));
            lock (lane)
            {
                if (lane.Waiting.Count == 0)
                    lane.Running = false;
                else
                    lane.Waiting[0].Lead.TrySetResult();
            }
        }
    }

    private sealed class Lane
    {
        public bool Running;
        public readonly List<Entry> Waiting = [];
    }
}
