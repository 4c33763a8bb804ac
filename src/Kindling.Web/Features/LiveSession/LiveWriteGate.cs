using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Queues this instance's live commits before they reach the database. Commits to one session serialise on its sequence
/// row anyway, and SQLite has a single writer per file; without the queue, concurrent commits on SQLite collide,
/// get SQLITE_BUSY and Microsoft.Data.Sqlite retries by blocking a thread in Thread.Sleep(150), leaving the database idle
/// meanwhile (docs/performance.md). Waiting here is asynchronous, in arrival order, and blocks no thread.
/// </summary>
public static class LiveWriteGate
{
    private static readonly SemaphoreSlim Sqlite = new(1, 1);
    private static readonly SemaphoreSlim[] Sessions = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public static async Task<IDisposable> EnterAsync(KindlingDb db, Guid sessionId)
    {
        var gate = db.Database.IsSqlite() ? Sqlite : Sessions[(sessionId.GetHashCode() & int.MaxValue) % Sessions.Length];
        await gate.WaitAsync();
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release(); }
    }
}
