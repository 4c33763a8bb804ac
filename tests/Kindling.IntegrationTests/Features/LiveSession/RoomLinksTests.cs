using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>The way into the live room from where members arrive: the dashboard's next-session card and the cohort's
/// schedule.</summary>
[Collection(SecondAppCollection.Name)]
public class RoomLinksTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DashboardAndSchedule_LeadIntoTheLiveRoom_WhileItIsOpen(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await CohortScenario.CreateAsync(app);
        var room = $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/live";
        // The app (and its clock) is shared with other tests, so this test moves its session rather than the clock.
        using var par = await s.ClientAsAsync("participant");

        async Task<string?> ScheduleState()
        {
            var page = await par.GetAsync($"/cohorts/{s.CohortId}");
            var item = page.Document.QuerySelectorAll("ol.sessions li").Single();
            Assert.Equal(
                item.QuerySelector(".tag")?.TextContent == "room open",
                item.QuerySelector($"a[href='{room}']") is not null
            );
            return item.QuerySelector(".tag")?.TextContent;
        }

        // A week ahead: the dashboard already offers the room (it says when it opens); the schedule doesn't yet.
        var dashboard = await par.GetAsync("/");
        var card = dashboard.Document.QuerySelector("section.next")!;
        Assert.Equal("Open the live room", card.QuerySelector($"a[href='{room}']")?.TextContent);
        Assert.Equal("Join the call", card.QuerySelector("a[href='https://meet.example.org/spring']")?.TextContent);
        Assert.Null(await ScheduleState());

        // Ten minutes before the start the room is open, and it stays so to the end of the open discussion (90 minutes
        // in all).
        await MoveSessionAsync(app, s, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(10));
        Assert.Equal("room open", await ScheduleState());
        await MoveSessionAsync(app, s, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-85));
        Assert.Equal("room open", await ScheduleState());

        // Once the call has ended it is listed as held, without the link; the dashboard moves on.
        await MoveSessionAsync(app, s, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-91));
        Assert.Equal("held", await ScheduleState());
        Assert.Null((await par.GetAsync("/")).Document.QuerySelector("section.next"));
    }

    private static Task<int> MoveSessionAsync(KindlingApp app, CohortScenario s, DateTime startsUtc) =>
        app.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId)
                .ExecuteUpdateAsync(x => x.SetProperty(y => y.StartsUtc, startsUtc))
        );
}
