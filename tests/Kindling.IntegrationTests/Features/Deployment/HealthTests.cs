using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> as a load balancer or systemd sees them: anonymous, never cached, short
/// JSON naming each check, 503 while the database or the configured Redis cannot be reached.
/// </summary>
[Collection(AppCollection.Name)]
public class HealthTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ready_WorkingDatabase_Is200NamingTheDatabaseCheck(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var anonymous = app.CreateClient();

        var ready = await anonymous.GetAsync("/health/ready");
        var live = await anonymous.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy"}}""", await Body(ready));
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", ready.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{}}""", await Body(live));
        Assert.Contains("no-store", live.Headers.CacheControl?.ToString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ready_RedisConfiguredButUnreachable_Is503WhileLiveStays200(string provider)
    {
        var closed = ClosedLoopbackPort();
        await using var app = new KindlingApp(
            provider,
            new Dictionary<string, string> { ["Live:RedisConnectionString"] = $"127.0.0.1:{closed}" }
        );
        using var anonymous = app.CreateClient();

        var ready = await anonymous.GetAsync("/health/ready");
        var live = await anonymous.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        // Exactly this: no exception text, no address, no connection string.
        Assert.Equal(
            """{"status":"Unhealthy","checks":{"database":"Healthy","redis":"Unhealthy"}}""",
            await Body(ready)
        );
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_RedisReachable_Is200WithTheRedisCheck()
    {
        const string provider = "sqlite"; // the Redis check asks nothing of the database
        var redis = Environment.GetEnvironmentVariable("KINDLING_TEST_REDIS");
        Assert.False(string.IsNullOrWhiteSpace(redis), "KINDLING_TEST_REDIS is not set (./test.sh starts a Redis).");
        await using var app = new KindlingApp(
            provider,
            new Dictionary<string, string> { ["Live:RedisConnectionString"] = redis! }
        );
        using var anonymous = app.CreateClient();

        var ready = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{"database":"Healthy","redis":"Healthy"}}""", await Body(ready));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ready_DatabaseUnreachable_Is503WhileLiveStays200(string provider)
    {
        var outage = new DatabaseOutage();
        await using var app = new KindlingApp(provider, services: s => s.AddSingleton<IInterceptor>(outage));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);

        outage.Down = true;
        var ready = await anonymous.GetAsync("/health/ready");
        var live = await anonymous.GetAsync("/health/live");
        outage.Down = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("""{"status":"Unhealthy","checks":{"database":"Unhealthy"}}""", await Body(ready));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    private static Task<string> Body(HttpResponseMessage r) => r.Content.ReadAsStringAsync();

    /// <summary>A loopback port nothing listens on: bound once to get a free number, then released.</summary>
    public static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>While <see cref="Down"/>, opening a database connection fails as it does when the server is gone.</summary>
    private sealed class DatabaseOutage : DbConnectionInterceptor
    {
        public volatile bool Down;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection,
            ConnectionEventData eventData,
            InterceptionResult result,
            CancellationToken cancellationToken = default
        ) => Down ? throw new SocketException((int)SocketError.ConnectionRefused) : ValueTask.FromResult(result);

        public override InterceptionResult ConnectionOpening(
            DbConnection connection,
            ConnectionEventData eventData,
            InterceptionResult result
        ) => Down ? throw new SocketException((int)SocketError.ConnectionRefused) : result;
    }
}
