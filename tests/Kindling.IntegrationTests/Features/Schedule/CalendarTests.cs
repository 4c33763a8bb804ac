using System.Net;
using Ical.Net;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Tests.Schedule;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Schedule;

[Collection(SecondAppCollection.Name)]
public class CalendarTests(Apps apps)
{
    private static async Task<Guid> ScheduleAsync(CohortScenario s, PageClient facilitator, string date, string time)
    {
        var lessonId = await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.LessonId).SingleAsync()
        );
        var result = await facilitator.PostFormAsync(
            $"/cohorts/{s.CohortId}/sessions/new",
            new Dictionary<string, string>
            {
                ["Input.LessonId"] = lessonId.ToString(),
                ["Input.Date"] = date,
                ["Input.Time"] = time,
                ["Input.PresentationMinutes"] = "60",
                ["Input.DiscussionMinutes"] = "30",
                ["Input.JoinUrl"] = "https://meet.example.org/dst",
                ["Input.Recording"] = "PresentationMayBeRecorded",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        return Guid.Parse(result.Location!.OriginalString.Split('/').Last());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SessionsAcrossDstChange_KeepTheirWallClockTimeInTheCohortZone(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider), "Europe/London");
        using var facilitator = await s.ClientAsAsync("facilitator");
        // London moves to BST on 29 March 2026: 15:00 is 15:00Z before and 14:00Z after.
        var before = await ScheduleAsync(s, facilitator, "2026-03-24", "15:00");
        var after = await ScheduleAsync(s, facilitator, "2026-03-31", "15:00");
        var stored = await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == before || x.Id == after).ToDictionaryAsync(x => x.Id, x => x.StartsUtc)
        );
        Assert.Equal(new DateTime(2026, 3, 24, 15, 0, 0, DateTimeKind.Utc), stored[before]);
        Assert.Equal(new DateTime(2026, 3, 31, 14, 0, 0, DateTimeKind.Utc), stored[after]);

        var feedUrl = await s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CalendarToken).SingleAsync()
        );
        using var anonymous = s.App.Client();
        var feed = await anonymous.GetAsync($"/calendar/{feedUrl}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.Status);
        Assert.Equal("text/calendar", feed.ContentType);
        var calendar = Calendar.Load(feed.Text)!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/London");
        var events = calendar.Events.ToDictionary(e => e.Uid!);
        var e1 = events[$"session-{before}@kindling"];
        var e2 = events[$"session-{after}@kindling"];
        Assert.Equal(new DateTime(2026, 3, 24, 15, 0, 0, DateTimeKind.Utc), e1.Start!.AsUtc);
        Assert.Equal(new DateTime(2026, 3, 31, 14, 0, 0, DateTimeKind.Utc), e2.Start!.AsUtc);
        Assert.Equal("Europe/London", e2.Start.TzId);
        Assert.Equal(15, e2.Start.Hour);
        Assert.Equal(TimeSpan.FromMinutes(90), e2.End!.AsUtc - e2.Start.AsUtc);
        Assert.Contains("https://meet.example.org/dst", e2.Description);
        Assert.Contains($"/cohorts/{s.CohortId}/sessions/{after}", e2.Description);
        Assert.Contains("discussion is never recorded", e2.Description);
        // The second session's pre-work names the assignment of the session before it, and the lesson's readings.
        Assert.Contains("Finish the assignment: Community background", e2.Description);
        Assert.Contains("Read: ", e2.Description);
        // A second parser that knows the zone only by the feed's VTIMEZONE reads every session at its stored instant.
        var sessions = await s.App.WithDbAsync(db => db.Sessions.Where(x => x.CohortId == s.CohortId).ToListAsync());
        var read = IcalJs.Read(feed.Text, Paths.Root).ToDictionary(e => e.Uid);
        Assert.Equal(sessions.Count, read.Count);
        foreach (var x in sessions)
        {
            var e = read[$"session-{x.Id}@kindling"];
            Assert.Equal(("Europe/London", x.StartsUtc, x.EndsUtc), (e.Zone, e.Start, e.End));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TimeSkippedByDst_IsRefusedWithAClearMessage(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider), "Europe/London");
        using var facilitator = await s.ClientAsAsync("facilitator");
        var lessonId = await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.LessonId).SingleAsync()
        );
        var result = await facilitator.PostFormAsync(
            $"/cohorts/{s.CohortId}/sessions/new",
            new Dictionary<string, string>
            {
                ["Input.LessonId"] = lessonId.ToString(),
                ["Input.Date"] = "2026-03-29",
                ["Input.Time"] = "01:30",
                ["Input.PresentationMinutes"] = "60",
                ["Input.DiscussionMinutes"] = "30",
                ["Input.Recording"] = "NoRecording",
            }
        );
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(result.Errors, e => e.Contains("does not exist") && e.Contains("Europe/London"));
        Assert.Equal(1, await s.App.WithDbAsync(db => db.Sessions.CountAsync(x => x.CohortId == s.CohortId)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SessionPage_ShowsTimeInTheViewersOwnZone(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider), "Europe/London");
        var startsUtc = await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.StartsUtc).SingleAsync()
        );
        using var participant = await s.ClientAsAsync("participant"); // Asia/Tokyo
        var page = await participant.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}");
        var tokyo = TimeZoneInfo.ConvertTimeFromUtc(startsUtc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Contains($"{tokyo:ddd d MMM yyyy, HH:mm} (Asia/Tokyo)", page.Text);
        Assert.Contains("never recorded", page.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CalendarFeed_AfterReset_OldAddressIsGone(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var old = await s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CalendarToken).SingleAsync()
        );
        using var facilitator = await s.ClientAsAsync("facilitator");
        var reset = await facilitator.PostFormAsync(
            $"/cohorts/{s.CohortId}",
            new Dictionary<string, string>(),
            $"/cohorts/{s.CohortId}?handler=ResetFeed"
        );
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        var fresh = await s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CalendarToken).SingleAsync()
        );
        Assert.NotEqual(old, fresh);
        using var anonymous = s.App.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{old}.ics")).Status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/{fresh}.ics")).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SessionIcsDownload_IsOneEventWithTheJoinLink(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var participant = await s.ClientAsAsync("participant");
        var result = await participant.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/calendar.ics");
        Assert.True(result.Status == HttpStatusCode.OK, result.Location?.ToString());
        var calendar = Calendar.Load(result.Text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("https://meet.example.org/spring", e.Location);
    }
}
