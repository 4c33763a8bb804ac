using Kindling.Domain;
using Kindling.IntegrationTests.Features.LiveSession;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.LiveSession;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Attendance;

/// <summary>Attendance is recorded durably from the live room: the first join once, a minute per minute connected
/// whichever instances see the person, and the roll call with the answer.</summary>
[Collection(AppCollection.Name)]
public class AttendanceRecordingTests(Apps apps)
{
    /// <summary>A room whose session started <paramref name="ago"/> ago, with its document open.</summary>
    internal static async Task<LiveRoom> StartedRoomAsync(KindlingApp app, TimeSpan ago)
    {
        var s = await CohortScenario.CreateAsync(app);
        var starts = app.Clock.GetUtcNow().UtcDateTime - ago;
        await app.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).ExecuteUpdateAsync(x => x.SetProperty(v => v.StartsUtc, starts))
        );
        await LiveClients.OpenDocumentAsync(s);
        return new LiveRoom { S = s };
    }

    private static Task<Domain.Attendance?> RowAsync(LiveRoom room, string role) =>
        room.Db(db =>
            db.Attendance.AsNoTracking()
                .FirstOrDefaultAsync(a => a.SessionId == room.SessionId && a.UserId == room.S.Users[role].Id)
        );

    /// <summary>Counts the current minute as one instance that holds these people would.</summary>
    private static async Task<int> CountAsync(LiveRoom room, params string[] roles)
    {
        using var scope = room.App.Services.CreateScope();
        var people = roles.Select(r => room.S.Users[r].Id).ToList();
        return await scope
            .ServiceProvider.GetRequiredService<AttendanceTicker>()
            .CountAsync(new Dictionary<Guid, IReadOnlyList<string>> { [room.SessionId] = people });
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task JoinAndMinutes_FirstJoinKeptOnce_EachMinuteCountedOnceAcrossInstances_StopsWhenEnded(
        string provider
    )
    {
        var app = await apps.GetAsync(provider);
        await using var room = await StartedRoomAsync(app, TimeSpan.FromMinutes(5));
        var firstJoin = app.Clock.GetUtcNow().UtcDateTime;
        await room.JoinAsync("participant");
        var row = await RowAsync(room, "participant");
        Assert.Equal(firstJoin, row!.FirstJoinedUtc);
        Assert.Null(await RowAsync(room, "observer"));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await room.TryJoinAsync("participant"); // a second tab, or a reconnect
        Assert.True(again.Result.Ok);
        row = await RowAsync(room, "participant");
        Assert.Equal(firstJoin, row!.FirstJoinedUtc);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, row.LastSeenUtc);

        // This minute, seen by this instance's job and by a second instance holding the same person: one minute.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AttendanceTicker>().TickAsync();
        await CountAsync(room, "participant");
        await CountAsync(room, "participant");
        Assert.Equal(1, (await RowAsync(room, "participant"))!.Minutes);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await CountAsync(room, "participant", "observer"); // the second instance also holds the observer
        await CountAsync(room, "participant");
        var counted = await RowAsync(room, "participant");
        Assert.Equal(2, counted!.Minutes);
        Assert.Equal(7, counted.LastMinute);
        var observer = await RowAsync(room, "observer");
        Assert.Equal((1, app.Clock.GetUtcNow().UtcDateTime), (observer!.Minutes, observer.FirstJoinedUtc));

        // Ended: no more minutes, and a later join is not a first join.
        await room.Db(db =>
        {
            db.SessionWrapUps.Add(
                new SessionWrapUp { SessionId = room.SessionId, EndedUtc = app.Clock.GetUtcNow().UtcDateTime }
            );
            return db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await CountAsync(room, "participant"));
        await room.JoinAsync("facilitator");
        Assert.Equal(2, (await RowAsync(room, "participant"))!.Minutes);
        Assert.Null(await RowAsync(room, "facilitator"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoomOpenedEarlyByTheFacilitator_CountsJoinsAndMinutes_ARoomNotOpenedDoesNot(string provider)
    {
        var app = await apps.GetAsync(provider);
        // The call is held a week before its date: the facilitator opened the document by hand.
        await using var room = await StartedRoomAsync(app, TimeSpan.FromDays(-7));
        await room.JoinAsync("participant");
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, (await RowAsync(room, "participant"))!.FirstJoinedUtc);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await CountAsync(room, "participant");
        Assert.Equal(1, (await RowAsync(room, "participant"))!.Minutes);

        // Another session a week away, its document never opened: being counted there takes nothing.
        var other = await CohortScenario.CreateAsync(app);
        var starts = app.Clock.GetUtcNow().UtcDateTime.AddDays(7);
        await app.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == other.SessionId)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.StartsUtc, starts))
        );
        using var scope = app.Services.CreateScope();
        await scope
            .ServiceProvider.GetRequiredService<AttendanceTicker>()
            .CountAsync(
                new Dictionary<Guid, IReadOnlyList<string>> { [other.SessionId] = [other.Users["participant"].Id] }
            );
        Assert.False(await app.WithDbAsync(db => db.Attendance.AnyAsync(a => a.SessionId == other.SessionId)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Minutes_StopAnHourAfterTheScheduledEnd(string provider)
    {
        var app = await apps.GetAsync(provider);
        // 60 + 30 minutes planned: counting stops at 90 + 60 minutes after the start.
        await using var room = await StartedRoomAsync(app, TimeSpan.FromMinutes(149));
        Assert.Equal(1, await CountAsync(room, "participant"));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await CountAsync(room, "participant"));
        Assert.Equal(1, (await RowAsync(room, "participant"))!.Minutes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RollCall_ByButtonOrInWriting_SetsRollCallOnce_ARefusedAnswerDoesNot(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var room = await StartedRoomAsync(app, TimeSpan.FromMinutes(2));
        var par = await room.JoinAsync("participant");
        var fac = await room.JoinAsync("facilitator");
        var observer = await room.JoinAsync("observer");
        var rollCall = par.Snapshot!.Sections.First(s => s.Kind == "roll-call");
        var other = par.Snapshot.Sections.First(s => s.Kind != "roll-call" && !s.Silent);

        var answered = app.Clock.GetUtcNow().UtcDateTime;
        LiveAssert.Ok(await par.RollCallAsync("Here from Leeds"));
        LiveAssert.Ok(await fac.AddResponseAsync(other.Id, "Not the roll call"));
        Assert.Null((await RowAsync(room, "facilitator"))!.RollCallUtc);
        LiveAssert.Ok(await fac.AddResponseAsync(rollCall.Id, "Here, facilitating"));
        Assert.Equal(answered, (await RowAsync(room, "participant"))!.RollCallUtc);
        Assert.Equal(answered, (await RowAsync(room, "facilitator"))!.RollCallUtc);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        LiveAssert.Ok(await par.RollCallAsync("Still here"));
        Assert.Equal(answered, (await RowAsync(room, "participant"))!.RollCallUtc);
        LiveAssert.Fails(await observer.RollCallAsync("here"), "Observers can read");
        Assert.Null((await RowAsync(room, "observer"))!.RollCallUtc);
    }
}
