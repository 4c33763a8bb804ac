using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Schedule;

namespace Kindling.Tests.Schedule;

/// <summary>The .ics read by a second parser (ical.js) that knows a zone only by the file's VTIMEZONE rules.</summary>
public class CalendarBuilderTests
{
    private static readonly LessonDocument Lesson = new(
        "welcome",
        1,
        "Welcome",
        "ready",
        null,
        [],
        [],
        [],
        [],
        null,
        ""
    );

    [Theory]
    // Either side of the spring and autumn changes, and both passes of the hour that happens twice in autumn.
    [InlineData(
        "Europe/London",
        2,
        "2026-03-24T15:00Z",
        "2026-03-31T14:00Z",
        "2026-10-20T14:00Z",
        "2026-10-25T00:30Z",
        "2026-10-25T01:30Z",
        "2026-11-03T15:00Z"
    )]
    [InlineData(
        "America/New_York",
        2,
        "2026-03-03T23:00Z",
        "2026-03-10T22:00Z",
        "2026-11-01T05:30Z",
        "2026-11-01T06:30Z",
        "2026-11-03T23:00Z"
    )]
    [InlineData("Australia/Sydney", 0, "2026-03-31T07:00Z", "2026-04-07T08:00Z", "2026-10-06T07:00Z")]
    [InlineData("Asia/Tokyo", 0, "2026-03-24T09:00Z", "2027-01-12T09:00Z")]
    [InlineData("UTC", 2, "2026-03-24T15:00Z", "2026-07-01T15:00Z")]
    public void EveryEvent_ReadByIcalJs_StartsAndEndsAtTheSessionsInstants(
        string zone,
        int inUtc,
        params string[] startsUtc
    )
    {
        var cohort = new Cohort { Name = "Cohort", TimeZoneId = zone };
        var sessions = startsUtc
            .Select(s => new Session
            {
                CohortId = cohort.Id,
                StartsUtc = DateTime.Parse(s, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
                PresentationMinutes = 60,
                DiscussionMinutes = 30,
            })
            .ToList();

        var ics = CalendarBuilder.Build(
            "Cohort",
            sessions.Select(s => new SessionView(s, cohort, Lesson, null)),
            "https://kindling.example"
        );

        var events = IcalJs.Read(ics, RepoPaths.Root).ToDictionary(e => e.Uid);
        Assert.Equal(sessions.Count, events.Count);
        foreach (var s in sessions)
        {
            var e = events[$"session-{s.Id}@kindling"];
            Assert.Equal((s.StartsUtc, s.EndsUtc), (e.Start, e.End));
        }
        // Times are written in the cohort's zone, except in UTC cohorts and in the hour that happens twice: never
        // floating.
        Assert.Equal(startsUtc.Length - inUtc, events.Values.Count(e => e.Zone == zone && zone != "UTC"));
        Assert.Equal(inUtc, events.Values.Count(e => e.Zone == "UTC"));
        Assert.Equal(zone != "UTC", ics.Contains("BEGIN:VTIMEZONE"));
    }
}
