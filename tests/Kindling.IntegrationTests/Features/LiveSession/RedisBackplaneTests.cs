using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// Two app instances on one database and one Redis (<c>Live:RedisConnectionString</c>) serve the same session: a change
/// committed through one instance reaches people connected to the other. Needs a real redis-server: ./test.sh starts
/// one
/// and sets KINDLING_TEST_REDIS.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class RedisBackplaneTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoInstances_ShareOneSessionThroughRedis_PostOnOneReachesParticipantOnTheOther(string provider)
    {
        var redis = Environment.GetEnvironmentVariable("KINDLING_TEST_REDIS");
        Assert.False(
            string.IsNullOrWhiteSpace(redis),
            "KINDLING_TEST_REDIS is not set. Run the tests with ./test.sh, which starts a throwaway redis-server "
                + "(or start one yourself and set KINDLING_TEST_REDIS=127.0.0.1:PORT)."
        );

        // The arranging app owns the database; the two instances are the same app with the backplane switched on.
        await using var arranger = new KindlingApp(provider);
        var room = await LiveRoom.OpenAsync(arranger);
        var peerUser = await room.AddParticipantAsync("peer");
        var facCookie = await room.CookieAsync("facilitator");
        var parCookie = await room.CookieAsync("participant");
        var peerCookie = await room.CookieAsync(peerUser.DisplayName);
        var lateUser = await room.AddParticipantAsync("late");
        var lateCookie = await room.CookieAsync(lateUser.DisplayName);
        await using var a = arranger.WithWebHostBuilder(b =>
            b.UseSetting("Live:RedisConnectionString", $"{redis},abortConnect=false")
        );
        await using var b = arranger.WithWebHostBuilder(b =>
            b.UseSetting("Live:RedisConnectionString", $"{redis},abortConnect=false")
        );

        await using var onA = await JoinAsync(a, parCookie, room.SessionId);
        await using var onB = await JoinAsync(b, peerCookie, room.SessionId);
        await using var facOnB = await JoinAsync(b, facCookie, room.SessionId);
        await using var authorOnB = await JoinAsync(b, parCookie, room.SessionId); // the author's second device
        var section = onA.Snapshot!.Sections.First(x => !x.Silent);
        var silent = onA.Snapshot.Sections.First(x => x.Silent);

        var posted = await onA.AddResponseAsync(section.Id, "Posted through instance A");
        var quiet = await onA.AddResponseAsync(silent.Id, "Quiet note through instance A");
        var fromB = await onB.AddResponseAsync(section.Id, "Answered through instance B");

        LiveAssert.Ok(posted);
        LiveAssert.Ok(quiet);
        LiveAssert.Ok(fromB);
        await onB.UntilSeqAsync(fromB.Seq);
        await facOnB.UntilSeqAsync(fromB.Seq);
        await onA.UntilSeqAsync(fromB.Seq);
        Assert.Equal(
            "Posted through instance A",
            onB.AppliedEvents.Single(e => e.Seq == posted.Seq).Data.GetProperty("text").GetString()
        );
        Assert.Equal(EventTypes.Private, onB.AppliedEvents.Single(e => e.Seq == quiet.Seq).Type);
        Assert.Equal(EventTypes.Private, facOnB.AppliedEvents.Single(e => e.Seq == quiet.Seq).Type);
        await onA.WaitForAsync(
            events => events.Any(e => e.Seq == quiet.Seq && e.Type == EventTypes.ResponseAdded),
            LiveAssert.Patience
        );
        await authorOnB.WaitForAsync(
            events => events.Any(e => e.Seq == quiet.Seq && e.Type == EventTypes.ResponseAdded),
            LiveAssert.Patience
        );
        Assert.Equal(
            "Answered through instance B",
            onA.AppliedEvents.Single(e => e.Seq == fromB.Seq).Data.GetProperty("text").GetString()
        );
        LiveAssert.Contiguous(onB, 1, fromB.Seq);
        LiveAssert.Contiguous(onA, 1, fromB.Seq);

        // "Who is here" spans both instances: after someone arrives on A, the list reaching A names everyone, including
        // the peer and the facilitator connected only to B (each instance alone knows only its own connections).
        await using var lateOnA = await JoinAsync(a, lateCookie, room.SessionId);
        var until = DateTime.UtcNow.AddSeconds(LiveAssert.Patience);
        string[] everyone = [lateUser.Id, peerUser.Id, room.S.Users["participant"].Id, room.S.Users["facilitator"].Id];
        while (!everyone.All(id => onA.Present.Any(m => m.UserId == id)))
        {
            Assert.True(
                DateTime.UtcNow < until,
                "Presence on instance A never listed everyone on both instances; it "
                    + "had: "
                    + string.Join(", ", onA.Present.Select(m => m.Name))
            );
            await Task.Delay(50);
        }

        // Someone leaving through B drops out of the list on A too: B's change reaches A's clients as a delta against
        // the union over both instances (the peer, still on B, stays listed).
        await facOnB.DisposeAsync();
        var facilitatorId = room.S.Users["facilitator"].Id;
        until = DateTime.UtcNow.AddSeconds(LiveAssert.Patience);
        while (onA.Present.Any(m => m.UserId == facilitatorId))
        {
            Assert.True(DateTime.UtcNow < until, "The facilitator who left through B is still listed on A.");
            await Task.Delay(50);
        }
        Assert.Contains(onA.Present, m => m.UserId == peerUser.Id);
        Assert.Contains(onA.Present, m => m.UserId == lateUser.Id);

        // A security-stamp change saved through A (as signing out or changing the password does) closes the person's
        // rooms on both instances at once; nobody else's.
        var closedOnB = ClosedAsync(authorOnB);
        var closedOnA = ClosedAsync(onA);
        using (var scope = a.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(room.S.Users["participant"].Id))!);
        }
        await Task.WhenAll(closedOnB, closedOnA).WaitAsync(TimeSpan.FromSeconds(LiveAssert.Patience));
        LiveAssert.Ok(await onB.AddResponseAsync(section.Id, "The peer on B is still connected"));
    }

    private static Task ClosedAsync(LiveSessionClient client)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private static async Task<LiveSessionClient> JoinAsync(
        WebApplicationFactory<Program> app,
        string cookie,
        Guid sessionId
    )
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(
                new Uri(app.Server.BaseAddress, "/hubs/session"),
                o =>
                {
                    o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                    o.Transports = HttpTransportType.LongPolling;
                    o.Headers["Cookie"] = cookie;
                }
            )
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .Build();
        var client = new LiveSessionClient(hub, sessionId);
        var joined = await client.StartAsync();
        Assert.True(joined.Ok, joined.Error);
        return client;
    }
}
