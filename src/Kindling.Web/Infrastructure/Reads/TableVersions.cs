using System.Collections.Concurrent;

namespace Kindling.Web.Infrastructure.Reads;

/// <summary>
/// When each table was last written, as a number from one counter for the whole process: a read that began at
/// <see cref="Now"/> still holds for a set of tables as long as none of them was written after it
/// (<see cref="Unchanged"/>). <see cref="TableWriteWatcher"/> reports writes once they are committed.
/// </summary>
public sealed class TableVersions
{
    private long _counter;
    private long _everything;
    private readonly ConcurrentDictionary<string, long> _written = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The point a read starts from; every later write gets a higher number.</summary>
    public long Now => Interlocked.Read(ref _counter);

    public void Written(IEnumerable<string> tables)
    {
        var at = Interlocked.Increment(ref _counter);
        // Two writers may get their numbers in one order and record them in the other: keep the higher.
        foreach (var table in tables)
            _written.AddOrUpdate(table, at, (_, was) => Math.Max(was, at));
    }

    /// <summary>For a write whose tables are unknown (a schema change, SQL this class cannot read).</summary>
    public void WrittenEverything()
    {
        var at = Interlocked.Increment(ref _counter);
        long was;
        while ((was = Interlocked.Read(ref _everything)) < at)
            Interlocked.CompareExchange(ref _everything, at, was);
    }

    public bool Unchanged(IReadOnlyList<string> tables, long since)
    {
        if (Interlocked.Read(ref _everything) > since)
            return false;
        foreach (var table in tables)
            if (_written.TryGetValue(table, out var at) && at > since)
                return false;
        return true;
    }
}
