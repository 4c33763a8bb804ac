using Microsoft.Extensions.Caching.Memory;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// Parsed forms of stored texts (lessons, assignment templates), so pages don't parse a text on every request. Each
/// kind has a <see cref="MemoryCache"/> of its own holding at most a fixed number of entries, one per row: an edit
/// replaces the row's entry (it is seen at once, by its new edit time) instead of adding another.
/// </summary>
public static class ParsedCache
{
    /// <summary>
    /// Registers the cache of <typeparamref name="TOwner"/> (keyed by that type) with room for
    /// <paramref name="limit"/> rows.
    /// </summary>
    public static IServiceCollection AddParsedCache<TOwner>(this IServiceCollection services, int limit) =>
        services.AddKeyedSingleton<IMemoryCache>(
            typeof(TOwner),
            (_, _) => new MemoryCache(new MemoryCacheOptions { SizeLimit = limit })
        );

    /// <summary>The parsed form of the row's text as last edited at <paramref name="updatedUtc"/>.</summary>
    public static T GetOrParse<T>(this IMemoryCache cache, Guid id, DateTime updatedUtc, Func<T> parse)
    {
        if (cache.TryGetValue(id, out Entry<T>? entry) && entry!.UpdatedUtc == updatedUtc)
            return entry.Value;
        var value = parse();
        // A full cache refuses the entry (and makes room for later ones): the value is still returned.
        cache.Set(id, new Entry<T>(updatedUtc, value), new MemoryCacheEntryOptions { Size = 1 });
        return value;
    }

    /// <summary>The parsed form kept for the row as last edited at <paramref name="updatedUtc"/>, if any.</summary>
    public static T? Cached<T>(this IMemoryCache cache, Guid id, DateTime updatedUtc)
        where T : class =>
        cache.TryGetValue(id, out Entry<T>? entry) && entry!.UpdatedUtc == updatedUtc ? entry.Value : null;

    private sealed record Entry<T>(DateTime UpdatedUtc, T Value);
}
