using System.Collections.Concurrent;
using System.Diagnostics;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>Traces exist only when an OTLP endpoint is configured; then requests are traced, probes are not.</summary>
[Collection(AppCollection.Name)]
public class TracingTests(Apps apps)
{
    [Fact]
    public async Task NoOtlpEndpoint_NoTracerAtAll()
    {
        var app = await apps.GetAsync("sqlite");

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task OtlpEndpointConfigured_RequestsAreTraced_ProbesAndScrapesAreNot()
    {
        var spans = new Spans();
        var port = HealthTests.ClosedLoopbackPort(); // nothing receives: the exporter drops what it cannot send
        await using var app = new KindlingApp(
            "sqlite",
            new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}" },
            s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(spans))
        );
        using var client = app.CreateClient();

        await client.GetAsync("/account/signin");
        await client.GetAsync("/health/ready");
        await client.GetAsync("/health/live");

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        var server = spans.Ended.Where(a => a.Kind == ActivityKind.Server).ToList();
        Assert.Contains(server, a => Equals(a.GetTagItem("http.route"), "account/signin"));
        Assert.DoesNotContain(
            server,
            a => a.GetTagItem("url.path")?.ToString()?.StartsWith("/health", StringComparison.Ordinal) == true
        );
        // The sign-in page's queries are children of its request.
        Assert.Contains(
            spans.Ended,
            a => a.Kind == ActivityKind.Client && a.Source.Name.Contains("EntityFramework", StringComparison.Ordinal)
        );
    }

    private sealed class Spans : BaseProcessor<Activity>
    {
        public ConcurrentQueue<Activity> Ended { get; } = new();

        public override void OnEnd(Activity data) => Ended.Enqueue(data);
    }
}
