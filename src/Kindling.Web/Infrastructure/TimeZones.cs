namespace Kindling.Web.Infrastructure;

/// <summary>IANA time zones: the list people pick from and conversions at the edges (everything stored is UTC).</summary>
public static class TimeZones
{
    public static readonly IReadOnlyList<string> All = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC")
        .Where(id => !id.StartsWith("Etc/") && !id.StartsWith("SystemV/"))
        .Order(StringComparer.Ordinal).ToList();

    public static bool IsValid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) ? tz : TimeZoneInfo.Utc;

    public static DateTime ToLocal(DateTime utc, string? zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Find(zoneId));

    /// <summary>Converts a wall-clock time in a zone to UTC; an hour skipped by a DST change is refused.</summary>
    public static bool TryToUtc(DateTime local, string zoneId, out DateTime utc)
    {
        var tz = Find(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (tz.IsInvalidTime(unspecified)) { utc = default; return false; }
        utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, tz);
        return true;
    }

    /// <summary>"Tue 3 Mar 2026, 15:00 (Europe/London)".</summary>
    public static string Format(DateTime utc, string? zoneId)
    {
        var local = ToLocal(utc, zoneId);
        return $"{local:ddd d MMM yyyy, HH:mm} ({Find(zoneId).Id})";
    }
}
