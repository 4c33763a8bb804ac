namespace Kindling.Web.Features.Concerns;

/// <summary>Times of an anonymous reporter's actions are kept only to the hour, so they do not point at a
/// person.</summary>
public static class ConcernTimes
{
    public static DateTime DownToHour(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);

    /// <summary>How exports write a time: unambiguous, in UTC.</summary>
    public static string Utc(DateTime utc) =>
        utc.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
