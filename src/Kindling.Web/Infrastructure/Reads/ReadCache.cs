using Microsoft.Extensions.Caching.Memory;

namespace Kindling.Web.Infrastructure.Reads;

/// <summary>
/// Keeps what a page read from the database, per person and page, until one of the tables it read is written
/// (docs/performance.md, Pages). Which tables a read used is recorded while it runs (<see cref="TableWriteWatcher"/>),
/// so a page declares nothing and cannot forget a table. What is kept must depend on the database only: anything that
/// depends on the clock is worked out from it on every request, and a query filtering on the time now must not be
/// cached. With several instances (the Redis backplane) another instance's writes are not seen here, so every read
/// goes to the database.
/// </summary>
public sealed class ReadCache(TableVersions versions, IConfiguration configuration) : IDisposable
{
    private sealed record Entry(object? Value, string[] Tables, long Since);

    private sealed record Key(string Kind, string Person, object Scope);

    private static readonly AsyncLocal<HashSet<string>?> Recording = new();

    private readonly bool _enabled = string.IsNullOrWhiteSpace(configuration["Live:RedisConnectionString"]);

    // A bound on the entries, each counted as one; the least recently used go first.
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    /// <summary>How long an entry is kept at most, whatever the writes: a change made outside Kindling (an operator's
    /// hand edit of the database) shows within this time.</summary>
    public static readonly TimeSpan KeptAtMost = TimeSpan.FromMinutes(5);

    /// <summary>What <paramref name="load"/> reads for one person ("" for what every member sees alike), and one
    /// cohort, session… as <paramref name="scope"/> (with anything else the read takes as input: a value with value
    /// equality, such as a tuple), from memory while none of the tables it read has been written since.</summary>
    /// <param name="keptAtMost">Shorter than <see cref="KeptAtMost"/> for large reads that writes soon outdate (the
    /// live room while it runs), so outdated ones do not linger in memory.</param>
    public async Task<T> GetAsync<T>(
        string kind,
        string person,
        object scope,
        Func<Task<T>> load,
        TimeSpan? keptAtMost = null
    )
    {
        if (!_enabled)
            return await load();
        var key = new Key(kind, person, scope);
        if (_entries.TryGetValue(key, out Entry? kept) && versions.Unchanged(kept!.Tables, kept.Since))
        {
            Recorded(kept.Tables); // a read that contains this one depends on its tables too
            return (T)kept.Value!;
        }
        var since = versions.Now;
        var outer = Recording.Value;
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Recording.Value = tables;
        T value;
        try
        {
            value = await load();
        }
        finally
        {
            Recording.Value = outer;
        }
        outer?.UnionWith(tables);
        _entries.Set(
            key,
            new Entry(value, [.. tables], since),
            new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = keptAtMost ?? KeptAtMost,
                SlidingExpiration = TimeSpan.FromMinutes(1),
            }
        );
        return value;
    }

    /// <summary>Called for every command a context runs: its tables join the read being recorded, if any.</summary>
    internal static void Recorded(IReadOnlyCollection<string> tables)
    {
        if (tables.Count > 0 && Recording.Value is { } recording)
            recording.UnionWith(tables);
    }

    public void Dispose() => _entries.Dispose();
}
