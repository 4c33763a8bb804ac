using System.Globalization;
using System.Net;
using Kindling.IntegrationTests.Features.LiveSession;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>
/// The Prometheus scrape at <c>/metrics</c>: the live-session numbers as a dashboard reads them after a real post
/// through the hub, the HTTP server's own, and the refusal of anyone but this machine (or a configured network).
/// Each test has its own app, so the counts start from zero.
/// </summary>
[Collection(AppCollection.Name)]
public class MetricsTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Scrape_AfterAPostThroughTheHub_ShowsLiveCountsAndHttpMetrics_OnlyToThisMachine(string provider)
    {
        await using var app = AppWithRemoteAddresses(provider, ("Telemetry:MetricsAllowedFrom:0", "10.1.2.0/24"));
        await using var room = await LiveRoom.OpenAsync(app);
        var participant = await room.JoinAsync("participant");
        var section = participant.Snapshot!.Sections.First(x => !x.Silent);

        LiveAssert.Ok(await participant.AddResponseAsync(section.Id, "Counted once"));
        var scrape = await ScrapeAsync(app, "127.0.0.1");

        Assert.Equal(HttpStatusCode.OK, scrape.Status);
        var text = scrape.Text;
        Assert.Equal(1, Value(text, "kindling_live_commits_total"));
        Assert.Equal(1, Value(text, "kindling_live_commit_batch_size_count"));
        Assert.Equal(1, Value(text, "kindling_live_commit_batch_size_sum"));
        Assert.Equal(1, Value(text, "kindling_live_commit_duration_seconds_count"));
        Assert.Equal(1, Value(text, "kindling_live_broadcast_latency_seconds_count"));
        Assert.InRange(Value(text, "kindling_live_broadcast_latency_seconds_sum"), 0, 30);
        Assert.Equal(1, Value(text, "kindling_live_sessions"));
        Assert.Equal(1, Value(text, "kindling_live_participants"));
        Assert.Equal(1, Value(text, "kindling_live_connections"));
        Assert.DoesNotContain("kindling_live_broadcast_failures_total", text); // a counter shows once it counts
        // ASP.NET Core's request metrics (the sign-in the room's cookie came from) and SignalR's connections.
        Assert.Contains(
            text.Split('\n'),
            l =>
                l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
                && l.Contains("http_route=\"account/signin\"", StringComparison.Ordinal)
        );
        Assert.Contains("signalr_server_active_connections{", text);
        Assert.Contains("microsoft_entityframeworkcore_queries_total{", text);
        Assert.Contains("dotnet_gc_collections_total{", text);
        // Probes and scrapes are not traffic: they stay out of the request metrics.
        Assert.DoesNotContain("http_route=\"/metrics\"", text);

        var outsider = await ScrapeAsync(app, "203.0.113.9");
        var allowedNetwork = await ScrapeAsync(app, "10.1.2.3");
        var outsideIt = await ScrapeAsync(app, "10.1.3.3");
        var throughProxy = await ScrapeAsync(app, "127.0.0.1", ("X-Forwarded-For", "203.0.113.9"));
        var mapped = await ScrapeAsync(app, "::ffff:127.0.0.1");

        Assert.Equal(HttpStatusCode.Forbidden, outsider.Status);
        Assert.DoesNotContain("kindling_live", outsider.Text);
        Assert.Contains("Telemetry:MetricsAllowedFrom", outsider.Text);
        Assert.Equal(HttpStatusCode.OK, allowedNetwork.Status);
        Assert.Contains("kindling_live_sessions", allowedNetwork.Text);
        Assert.Equal(HttpStatusCode.Forbidden, outsideIt.Status);
        Assert.Equal(HttpStatusCode.Forbidden, throughProxy.Status);
        Assert.DoesNotContain("kindling_live", throughProxy.Text);
        Assert.Equal(HttpStatusCode.OK, mapped.Status);
    }

    [Fact]
    public async Task Scrape_MetricsTurnedOff_IsNotServed()
    {
        await using var app = AppWithRemoteAddresses("sqlite", ("Telemetry:Metrics", "false"));

        var scrape = await ScrapeAsync(app, "127.0.0.1");

        Assert.Equal(HttpStatusCode.NotFound, scrape.Status);
        Assert.DoesNotContain("kindling_live", scrape.Text);
    }

    /// <summary>The test server has no client address: this header sets one, as Kestrel would from the socket.</summary>
    private const string RemoteHeader = "X-Test-Remote-Address";

    private static KindlingApp AppWithRemoteAddresses(string provider, params (string Key, string Value)[] settings) =>
        new(
            provider,
            settings.ToDictionary(s => s.Key, s => s.Value),
            s => s.AddSingleton<IStartupFilter>(new RemoteAddressFilter())
        );

    private static async Task<(HttpStatusCode Status, string Text)> ScrapeAsync(
        KindlingApp app,
        string from,
        params (string Name, string Value)[] headers
    )
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(RemoteHeader, from);
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The value of the one sample of <paramref name="name"/> (any labels).</summary>
    private static double Value(string scrape, string name)
    {
        var lines = scrape
            .Split('\n')
            .Where(l =>
                l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal)
            )
            .ToList();
        Assert.True(
            lines.Count == 1,
            $"expected one sample of {name}, found {lines.Count}:\n{string.Join('\n', lines)}"
        );
        return double.Parse(lines[0][(lines[0].LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (ctx, nextMiddleware) =>
                    {
                        if (ctx.Request.Headers.TryGetValue(RemoteHeader, out var address))
                            ctx.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                        return nextMiddleware(ctx);
                    }
                );
                next(app);
            };
    }
}
