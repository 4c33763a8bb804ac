using System.Collections.Concurrent;
using System.Net;
using Kindling.Data;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Messages;

/// <summary>The bell follows live: after notifications are committed, their people's open pages hear the new
/// count.</summary>
[Collection(AppCollection.Name)]
public class NotificationPushTests(Apps apps)
{
    private sealed class BellClient(HubConnection connection) : IAsyncDisposable
    {
        public ConcurrentQueue<int> Heard { get; } = new();
        public HubConnection Connection => connection;

        public async Task<int> WaitForAsync(Func<int, bool> condition, int seconds = 10)
        {
            var until = DateTime.UtcNow.AddSeconds(seconds);
            while (DateTime.UtcNow < until)
            {
                foreach (var n in Heard)
                    if (condition(n))
                        return n;
                await Task.Delay(25);
            }
            throw new TimeoutException(
                $"The bell did not hear the expected count; heard [{string.Join(", ", Heard)}]."
            );
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    private static async Task<BellClient> ConnectAsync(CohortScenario s, string role) =>
        await ConnectAsync(s.App, await LiveClients.CookieAsync(s.App, s.Users[role].Email!, CohortScenario.Password));

    private static async Task<BellClient> ConnectAsync<T>(WebApplicationFactory<T> app, string cookie)
        where T : class
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(
                new Uri(app.Server.BaseAddress, "/hubs/notifications"),
                o =>
                {
                    o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                    o.Transports = HttpTransportType.LongPolling;
                    o.Headers["Cookie"] = cookie;
                }
            )
            .Build();
        var client = new BellClient(connection);
        connection.On<int>("Changed", n => client.Heard.Enqueue(n));
        await connection.StartAsync();
        return client;
    }

    private static Notification Row(string userId, DateTime now) =>
        new()
        {
            UserId = userId,
            Kind = MessageKind.FeedbackRequest,
            Title = "Tell us how it went",
            Link = "/",
            CreatedUtc = now,
        };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CommittedNotification_ReachesItsPersonOnly_RolledBackReachesNobody(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await using var par = await ConnectAsync(s, "participant");
        await using var fac = await ConnectAsync(s, "facilitator");
        Assert.Equal(0, await par.Connection.InvokeAsync<int>("Count"));
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        var participant = s.Users["participant"].Id;

        // Inside a transaction: nothing is said until the commit; a rollback says nothing at all.
        await s.App.WithDbAsync(async db =>
        {
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.Notifications.Add(Row(participant, now));
                await db.SaveChangesAsync();
                await Task.Delay(300);
                Assert.Empty(par.Heard);
                await tx.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.Notifications.Add(Row(participant, now));
                db.Notifications.Add(Row(participant, now));
                await db.SaveChangesAsync();
                await Task.Delay(300);
                Assert.Empty(par.Heard);
                await tx.CommitAsync();
            }
            return 0;
        });
        Assert.Equal(2, await par.WaitForAsync(n => n == 2));

        // Without a transaction of the caller's: right after SaveChanges.
        await s.App.WithDbAsync(db =>
        {
            db.Notifications.Add(Row(participant, now));
            return db.SaveChangesAsync();
        });
        Assert.Equal(3, await par.WaitForAsync(n => n == 3));
        Assert.Equal(3, await par.Connection.InvokeAsync<int>("Count"));
        Assert.Empty(fac.Heard);
        Assert.Equal(0, await fac.Connection.InvokeAsync<int>("Count"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MarkingAllRead_TellsThePersonsOtherPages(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await NotificationArrange.AddAsync(s.App, s.Users["participant"].Id, 2);
        await using var bell = await ConnectAsync(s, "participant");
        using var page = await s.ClientAsAsync("participant");
        await page.PostFormAsync("/notifications", new Dictionary<string, string>(), "/notifications?handler=ReadAll");
        Assert.Equal(0, await bell.WaitForAsync(n => n == 0));
        Assert.Equal(
            0,
            await s.App.WithDbAsync(db =>
                db.Notifications.CountAsync(n => n.UserId == s.Users["participant"].Id && n.ReadUtc == null)
            )
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Hub_NeedsSignIn_AndRefusesOtherSitesPages(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var cookie = await LiveClients.CookieAsync(s.App, s.Users["participant"].Email!, CohortScenario.Password);
        async Task<HttpStatusCode> NegotiateAsync(string? withCookie, string? origin)
        {
            using var request = new HttpRequestMessage(
                HttpMethod.Post,
                "/hubs/notifications/negotiate?negotiateVersion=1"
            );
            if (withCookie is not null)
                request.Headers.Add("Cookie", withCookie);
            if (origin is not null)
                request.Headers.Add("Origin", origin);
            using var http = s.App.CreateClient(new() { AllowAutoRedirect = false });
            return (await http.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(cookie, "http://localhost"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(cookie, null));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(cookie, "http://127.0.0.1:5555"));
        Assert.NotEqual(HttpStatusCode.OK, await NegotiateAsync(null, "http://localhost"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoInstancesWithRedis_NotificationSavedOnOne_ReachesTheBellOnTheOther(string provider)
    {
        var redis = Environment.GetEnvironmentVariable("KINDLING_TEST_REDIS");
        Assert.False(string.IsNullOrWhiteSpace(redis), "KINDLING_TEST_REDIS is not set (./test.sh starts a Redis).");
        await using var arranger = new KindlingApp(provider);
        var s = await CohortScenario.CreateAsync(arranger);
        var cookie = await LiveClients.CookieAsync(arranger, s.Users["participant"].Email!, CohortScenario.Password);
        await using var a = arranger.WithWebHostBuilder(b =>
            b.UseSetting("Live:RedisConnectionString", $"{redis},abortConnect=false")
        );
        await using var b = arranger.WithWebHostBuilder(b =>
            b.UseSetting("Live:RedisConnectionString", $"{redis},abortConnect=false")
        );
        await using var bellOnA = await ConnectAsync(a, cookie);
        using (var scope = b.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
            db.Notifications.Add(Row(s.Users["participant"].Id, arranger.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await bellOnA.WaitForAsync(n => n == 1));
    }
}
