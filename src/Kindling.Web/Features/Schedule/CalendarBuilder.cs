using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Schedule;

/// <summary>
/// Builds .ics calendars. Events are written in the cohort's zone (TZID with its VTIMEZONE), so calendar apps keep
/// the wall-clock time right across daylight-saving changes; each carries the join link, the session page and pre-work.
/// </summary>
public static class CalendarBuilder
{
    public static string Build(string calendarName, IEnumerable<SessionView> sessions, string baseUrl)
    {
        var list = sessions.ToList();
        var calendar = new Calendar { ProductId = "-//Kindling//Cohort schedule//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.Method = "PUBLISH";
        foreach (var zone in list.Select(v => v.Cohort.TimeZoneId).Distinct())
            if (zone != "UTC") calendar.AddTimeZone(new VTimeZone(zone));
        foreach (var v in list) calendar.Events.Add(ToEvent(v, baseUrl));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent ToEvent(SessionView v, string baseUrl)
    {
        var s = v.Session;
        var zone = v.Cohort.TimeZoneId;
        var pageUrl = $"{baseUrl}/cohorts/{v.Cohort.Id}/sessions/{s.Id}";
        var start = zone == "UTC"
            ? new CalDateTime(s.StartsUtc, "UTC")
            : new CalDateTime(TimeZones.ToLocal(s.StartsUtc, zone), zone);
        var end = zone == "UTC"
            ? new CalDateTime(s.EndsUtc, "UTC")
            : new CalDateTime(TimeZones.ToLocal(s.EndsUtc, zone), zone);
        var e = new CalendarEvent
        {
            Uid = $"session-{s.Id}@kindling",
            Summary = $"{v.Cohort.Name}: {v.Lesson.Title}",
            Start = start,
            End = end,
            DtStamp = new CalDateTime(s.UpdatedUtc == default ? s.CreatedUtc : s.UpdatedUtc, "UTC"),
            Location = s.JoinUrl,
            Url = new Uri(pageUrl),
            Description = Describe(v, pageUrl),
        };
        return e;
    }

    private static string Describe(SessionView v, string pageUrl)
    {
        var s = v.Session;
        var d = new StringBuilder();
        d.AppendLine($"Session page: {pageUrl}");
        d.AppendLine(string.IsNullOrEmpty(s.JoinUrl) ? "Join link: not set yet, see the session page." : $"Join the call: {s.JoinUrl}");
        d.AppendLine(s.Recording == Domain.RecordingPolicy.PresentationMayBeRecorded
            ? "Recording: the presentation may be recorded; the discussion is never recorded."
            : "Recording: nothing is recorded.");
        if (v.PreviousAssignment is { } a || v.Readings.Count > 0)
        {
            d.AppendLine().AppendLine("Before the session:");
            if (v.PreviousAssignment is { } pa) d.AppendLine($"- Finish the assignment: {pa.Title}");
            foreach (var r in v.Readings) d.AppendLine($"- Read: {r.Title} {r.Url}");
        }
        if (!string.IsNullOrEmpty(s.NotesUrl)) d.AppendLine().AppendLine($"Notes: {s.NotesUrl}");
        return d.ToString().TrimEnd();
    }
}
