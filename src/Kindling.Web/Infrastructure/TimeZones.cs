using System.Reflection;

namespace Kindling.Web.Infrastructure;

/// <summary>IANA time zones: the list people pick from and conversions at the edges (everything stored is
/// UTC).</summary>
public static class TimeZones
{
    public static readonly IReadOnlyList<string> All = ListZones();

    /// <summary>
    /// Listing the ids loads every zone the system knows, with all its rules, into the runtime's cache (about 3 MB for
    /// some 400 zones), where it would stay for the life of the process; clearing the cache afterwards keeps only the
    /// zones that are looked up again (the server's own and the ones people use).
    /// </summary>
    private static List<string> ListZones()
    {
        var ids = TimeZoneInfo
            .GetSystemTimeZones()
            .Select(z => z.Id)
            .Where(id => id.Contains('/') || id == "UTC")
            .Where(id =>
                !id.StartsWith("Etc/", StringComparison.Ordinal) && !id.StartsWith("SystemV/", StringComparison.Ordinal)
            )
            .Order(StringComparer.Ordinal)
            .ToList();
        TimeZoneInfo.ClearCachedData();
        return ids;
    }

    private static readonly Dictionary<string, string> Listed = All.ToDictionary(
        z => z,
        StringComparer.OrdinalIgnoreCase
    );
    private static readonly Lazy<Dictionary<string, string>> Aliases = new(LoadAliases);
    private static readonly Lazy<ILookup<string, string>> AliasesByZone = new(() =>
        Aliases.Value.ToLookup(a => a.Value, a => a.Key)
    );
    private static readonly string[] UtcZones = ["Etc/UTC", "Etc/GMT"];

    /// <summary>
    /// The zone of the list that a name stands for: itself, the zone a legacy IANA name links to (Asia/Calcutta →
    /// Asia/Kolkata, US/Pacific → America/Los_Angeles, Etc/UTC → UTC) or a Windows zone id's IANA zone; another zone
    /// the system knows (Etc/GMT+5) as it is; null when the name is no time zone at all.
    /// </summary>
    public static string? Canonical(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
            return null;
        id = id.Trim();
        if (Listed.TryGetValue(id, out var listed))
            return listed;
        if (Aliases.Value.TryGetValue(id, out var zone))
            return zone;
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana) && iana != id)
            return Canonical(iana);
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) && found.HasIanaId ? found.Id : null;
    }

    public static bool IsValid(string? id) => Canonical(id) is not null;

    /// <summary>The other names browsers may report for a zone of the list, space-separated (for
    /// timezone.js).</summary>
    public static string AliasesOf(string zone) => string.Join(' ', AliasesByZone.Value[zone]);

    public static TimeZoneInfo Find(string? id) =>
        Canonical(id) is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz) ? tz : TimeZoneInfo.Utc;

    public static DateTime ToLocal(DateTime utc, string? zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Find(zoneId));

    /// <summary>Converts a wall-clock time in a zone to UTC; an hour skipped by a DST change is refused.</summary>
    public static bool TryToUtc(DateTime local, string zoneId, out DateTime utc)
    {
        var tz = Find(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (tz.IsInvalidTime(unspecified))
        {
            utc = default;
            return false;
        }
        utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, tz);
        return true;
    }

    /// <summary>"Tue 3 Mar 2026, 15:00 (Europe/London)".</summary>
    public static string Format(DateTime utc, string? zoneId)
    {
        var local = ToLocal(utc, zoneId);
        return $"{local:ddd d MMM yyyy, HH:mm} ({Find(zoneId).Id})";
    }

    /// <summary>
    /// Legacy name → zone of the list. Shipped with the app (from the tz database) rather than read from the system,
    /// whose
    /// tzdata may lack the legacy names or store them as copies; a name whose zone the system lacks is left out.
    /// </summary>
    private static Dictionary<string, string> LoadAliases()
    {
        using var stream = Assembly
            .GetExecutingAssembly()
            .GetManifestResourceStream("Kindling.Web.Infrastructure.time-zone-aliases.txt")!;
        using var reader = new StreamReader(stream);
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (
                line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var alias, var zone]
                && !line.StartsWith('#')
            )
                if (
                    Listed.TryGetValue(zone, out var listed)
                    || UtcZones.Contains(zone) && Listed.TryGetValue("UTC", out listed)
                )
                    aliases[alias] = listed;
        if (Listed.TryGetValue("UTC", out var utc))
            foreach (var zone in UtcZones)
                aliases.TryAdd(zone, utc); // the tz database's own names for UTC and GMT
        return aliases;
    }
}
