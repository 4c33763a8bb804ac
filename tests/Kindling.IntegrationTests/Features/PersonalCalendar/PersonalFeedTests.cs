using System.Net;
using Ical.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.PersonalCalendar;

/// <summary>A person's own feed: every session of the cohorts they take part in, behind a secret they can reset.</summary>
[Collection(SecondAppCollection.Name)]
public class PersonalFeedTests(Apps apps)
{
    private const string Page = "/account/calendar";

    private static async Task<PageClient.Page> PostAsync(PageClient client, string handler) =>
        await client.PostFormAsync(Page, new Dictionary<string, string>(), $"{Page}?handler={handler}");

    /// <summary>The address the page shows, as a path on the test server; null when the feed is off.</summary>
    private static async Task<string?> FeedPathAsync(PageClient client)
    {
        var page = await client.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var url = page.Document.QuerySelector("input#feed-url")?.GetAttribute("value");
        return url is null ? null : new Uri(url).AbsolutePath;
    }

    private static Task<int> JoinAsync(KindlingApp app, Guid cohortId, string userId, CohortRole role) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var cohort = await db.Cohorts.Include(c => c.Members).FirstAsync(c => c.Id == cohortId);
            cohort.AddMember(userId, role, now).AcknowledgedUtc = now;
            return await db.SaveChangesAsync();
        });

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Feed_ListsSessionsOfTheirCohorts_NotOnesTheyLeftOrNeverJoined(string provider)
    {
        var app = await apps.GetAsync(provider);
        var first = await CohortScenario.CreateAsync(app, "Europe/London");
        var second = await CohortScenario.CreateAsync(app, "America/New_York");
        var left = await CohortScenario.CreateAsync(app);
        var never = await CohortScenario.CreateAsync(app);
        var guarded = await CohortScenario.CreateAsync(app);
        var me = first.Users["participant"];
        await JoinAsync(app, second.CohortId, me.Id, CohortRole.Participant);
        await JoinAsync(app, left.CohortId, me.Id, CohortRole.Participant);
        // A cohort asking its facilitators for two-factor sign-in, which this person facilitates without it.
        await JoinAsync(app, guarded.CohortId, me.Id, CohortRole.Facilitator);
        await app.WithDbAsync(async db =>
        {
            await db
                .Cohorts.Where(c => c.Id == guarded.CohortId)
                .ExecuteUpdateAsync(x => x.SetProperty(c => c.RequireTwoFactorForFacilitators, true));
            return await db
                .CohortMembers.Where(m => m.CohortId == left.CohortId && m.UserId == me.Id)
                .ExecuteDeleteAsync();
        });
        using var client = await first.ClientAsAsync("participant");
        Assert.Null(await FeedPathAsync(client));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Start")).Status);
        var path = await FeedPathAsync(client);
        Assert.NotNull(path);
        Assert.StartsWith("/calendar/people/", path);

        using var anonymous = app.Client();
        var response = await anonymous.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var events = calendar.Events.ToDictionary(e => e.Uid!);
        Assert.Equal(2, events.Count);
        var a = events[$"session-{first.SessionId}@kindling"];
        var b = events[$"session-{second.SessionId}@kindling"];
        // Each event names its cohort and keeps its cohort's zone, as the cohort feed writes it.
        Assert.StartsWith(await app.WithDbAsync(db => Name(db, first.CohortId)) + ": ", a.Summary);
        Assert.StartsWith(await app.WithDbAsync(db => Name(db, second.CohortId)) + ": ", b.Summary);
        Assert.Equal("Europe/London", a.Start!.TzId);
        Assert.Equal("America/New_York", b.Start!.TzId);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/New_York");
        foreach (var other in new[] { left, never, guarded })
            Assert.DoesNotContain($"session-{other.SessionId}@kindling", events.Keys);

        var page = await client.GetAsync(Page);
        Assert.Contains("two-factor sign-in", page.Document.QuerySelector("#cohorts-h + ul")!.TextContent);
    }

    private static Task<string> Name(Kindling.Data.KindlingDb db, Guid cohortId) =>
        db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Name).SingleAsync();

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ResetAndTurningOff_EndTheOldAddress_AndADisabledAccountsFeedIsGone(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("participant");
        using var anonymous = s.App.Client();
        await PostAsync(client, "Start");
        var old = (await FeedPathAsync(client))!;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync(old)).StatusCode);

        var reset = await PostAsync(client, "Reset");
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        var fresh = (await FeedPathAsync(client))!;
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync(fresh)).StatusCode);
        // The cohort's own feed is untouched by the person's.
        var cohortToken = await s.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CalendarToken).SingleAsync()
        );
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync($"/calendar/{cohortToken}.ics")).StatusCode);

        var id = s.Users["participant"].Id;
        await s.App.WithDbAsync(db =>
            db.Users.Where(u => u.Id == id)
                .ExecuteUpdateAsync(x => x.SetProperty(u => u.LockoutEnd, DisabledAccounts.Until))
        );
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync(fresh)).StatusCode);
        await s.App.WithDbAsync(db =>
            db.Users.Where(u => u.Id == id)
                .ExecuteUpdateAsync(x => x.SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null))
        );
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync(fresh)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Stop")).Status);
        Assert.Null(await FeedPathAsync(client));
        Assert.Null(
            await s.App.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.CalendarToken).SingleAsync())
        );
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync(fresh)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await anonymous.Http.GetAsync("/calendar/people/unknown.ics")).StatusCode
        );
    }
}
