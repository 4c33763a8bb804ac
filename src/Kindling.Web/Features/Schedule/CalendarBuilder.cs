using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kindling.Web.Infrastructure;
using CultureInfo = System.Globalization.CultureInfo;

namespace Kindling.Web.Features.Schedule;

/// <summary>
/// Builds .ics calendars. Events are written in the cohort's zone (TZID with a VTIMEZONE holding the zone's real
/// offsets
/// from a year before the first session to a year after the last), so calendar apps keep the wall-clock time right
/// across daylight-saving changes; a UTC cohort's events are in UTC. Each carries the join link, the session page and
/// pre-work.
/// </summary>
public static class CalendarBuilder
{
    public static string Build(string calendarName, IEnumerable<SessionView> sessions, string baseUrl)
    {
        var list = sessions.ToList();
        var calendar = new Calendar { ProductId = "-//Kindling//Cohort schedule//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.Method = "PUBLISH";
        foreach (
            var zone in list.GroupBy(v => TimeZones.Find(v.Cohort.TimeZoneId))
                .Where(g => !CalendarTimeZone.IsUtc(g.Key))
        )
        {
            var from = zone.Min(v => v.Session.StartsUtc).Date.AddYears(-1);
            var to = zone.Max(v => v.Session.EndsUtc).Date.AddYears(1);
            calendar.AddTimeZone(
                CalendarTimeZone.Build(
                    zone.Key,
                    DateTime.SpecifyKind(from, DateTimeKind.Utc),
                    DateTime.SpecifyKind(to, DateTimeKind.Utc)
                )
            );
        }
        foreach (var v in list)
            calendar.Events.Add(ToEvent(v, baseUrl));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent ToEvent(SessionView v, string baseUrl)
    {
        var s = v.Session;
        var zone = TimeZones.Find(v.Cohort.TimeZoneId);
        var pageUrl = $"{baseUrl}/cohorts/{v.Cohort.Id}/sessions/{s.Id}";
        var e = new CalendarEvent
        {
            Uid = $"session-{s.Id}@kindling",
            Summary = $"{v.Cohort.Name}: {v.Lesson.Title}",
            Start = At(s.StartsUtc, zone),
            End = At(s.EndsUtc, zone),
            DtStamp = new CalDateTime(s.UpdatedUtc == default ? s.CreatedUtc : s.UpdatedUtc, "UTC"),
            Location = s.JoinUrl,
            Url = new Uri(pageUrl),
            Description = Describe(v, pageUrl),
        };
        return e;
    }

    /// <summary>
    /// The wall-clock time in the zone, or UTC: for a UTC zone, and in the hour that happens twice when clocks go back
    /// (RFC 5545 reads such a local time as its first pass, some calendars as its second: UTC is read one way by all).
    /// </summary>
    private static CalDateTime At(DateTime utc, TimeZoneInfo zone)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return CalendarTimeZone.IsUtc(zone) || zone.IsAmbiguousTime(local)
            ? new CalDateTime(utc, "UTC")
            : new CalDateTime(local, zone.Id);
    }

    private static string Describe(SessionView v, string pageUrl)
    {
        var s = v.Session;
        var d = new StringBuilder();
        d.AppendLine(CultureInfo.InvariantCulture, $"Session page: {pageUrl}");
        d.AppendLine(
            string.IsNullOrEmpty(s.JoinUrl)
                ? "Join link: not set yet, see the session page."
                : $"Join the call: {s.JoinUrl}"
        );
        d.AppendLine(
            s.Recording == Domain.RecordingPolicy.PresentationMayBeRecorded
                ? "Recording: the presentation may be recorded; the discussion is never recorded."
                : "Recording: nothing is recorded."
        );
        if (v.SlidesUrl is { } slides)
            d.AppendLine(CultureInfo.InvariantCulture, $"Slides: {slides}");
        if (v.PreviousAssignment is { } a || v.Readings.Count > 0)
        {
            d.AppendLine().AppendLine("Before the session:");
            if (v.PreviousAssignment is { } pa)
                d.AppendLine(CultureInfo.InvariantCulture, $"- Finish the assignment: {pa.Title}");
            foreach (var r in v.Readings)
                d.AppendLine(CultureInfo.InvariantCulture, $"- Read: {r.Title} {r.Url}");
        }
        if (!string.IsNullOrEmpty(s.NotesUrl))
            d.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Notes: {s.NotesUrl}");
        return d.ToString().TrimEnd();
    }
}
