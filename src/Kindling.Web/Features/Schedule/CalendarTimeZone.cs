using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Kindling.Web.Features.Schedule;

/// <summary>
/// The time-zone part of an .ics file (RFC 5545 §3.6.5). Its rules come from the same zone data the app converts with,
/// so a calendar that reads them gets back exactly the instants the sessions were stored at.
/// </summary>
public static class CalendarTimeZone
{
    /// <summary>A zone with UTC's rules (UTC, Etc/UTC, an unknown id) needs no VTIMEZONE: its events are written in
    /// UTC.</summary>
    public static bool IsUtc(TimeZoneInfo zone) => zone.HasSameRules(TimeZoneInfo.Utc);

    /// <summary>
    /// A VTIMEZONE for <paramref name="zone"/> from <paramref name="fromUtc"/> to <paramref name="toUtc"/>: one
    /// STANDARD or
    /// DAYLIGHT observance for the offset in force at the start, then one for each change of offset, each with its
    /// exact onset (no RRULE to guess from, so rules that change from one year to the next stay right).
    /// </summary>
    public static VTimeZone Build(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var vtz = new VTimeZone(zone.Id);
        var offset = zone.GetUtcOffset(fromUtc);
        vtz.TimeZoneInfos.Add(Observance(zone, fromUtc, offset, offset));
        foreach (var (atUtc, before, after) in Changes(zone, fromUtc, toUtc))
            vtz.TimeZoneInfos.Add(Observance(zone, atUtc, before, after));
        return vtz;
    }

    /// <summary>
    /// Its DTSTART is the wall-clock time at the onset in the offset before it (TZOFFSETFROM), as RFC 5545 has it:
    /// 01:00 for London's spring change to BST, 02:00 for its autumn change back.
    /// </summary>
    private static VTimeZoneInfo Observance(TimeZoneInfo zone, DateTime atUtc, TimeSpan from, TimeSpan to) =>
        new(zone.IsDaylightSavingTime(atUtc) ? "DAYLIGHT" : "STANDARD")
        {
            DtStart = new CalDateTime(DateTime.SpecifyKind(atUtc + from, DateTimeKind.Unspecified)),
            OffsetFrom = new UtcOffset(from),
            OffsetTo = new UtcOffset(to),
        };

    /// <summary>Each change of UTC offset in the span, to the second: found by 6-hour steps, then halving.</summary>
    private static IEnumerable<(DateTime AtUtc, TimeSpan Before, TimeSpan After)> Changes(
        TimeZoneInfo zone,
        DateTime fromUtc,
        DateTime toUtc
    )
    {
        var step = TimeSpan.FromHours(6);
        for (var t = fromUtc; t < toUtc; t += step)
        {
            var (before, after) = (zone.GetUtcOffset(t), zone.GetUtcOffset(t + step));
            if (before == after)
                continue;
            var (lo, hi) = (t, t + step); // lo has the old offset, hi the new one
            while (hi - lo > TimeSpan.FromSeconds(1))
            {
                var mid = lo + (hi - lo) / 2;
                if (zone.GetUtcOffset(mid) == before)
                    lo = mid;
                else
                    hi = mid;
            }
            yield return (new DateTime(hi.Ticks - hi.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc), before, after);
        }
    }
}
