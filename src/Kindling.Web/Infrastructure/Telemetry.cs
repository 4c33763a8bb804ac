using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kindling.Web.Infrastructure;

/// <summary>The <c>Telemetry</c> settings: metrics and who may read them (docs/operations.md, Monitoring).</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// Keep metrics and serve them at <c>/metrics</c> for Prometheus. On by default; off, no instrument is listened to
    /// and nothing is recorded.
    /// </summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Addresses (e.g. <c>10.0.0.5</c>) or networks (e.g. <c>10.0.0.0/24</c>) besides loopback whose direct
    /// connections may read <c>/metrics</c>: the Prometheus server. A request that came through a proxy is refused.
    /// </summary>
    public string[] MetricsAllowedFrom { get; set; } = [];
}

/// <summary>
/// OpenTelemetry: metrics from ASP.NET Core, SignalR, the runtime, HttpClient, EF Core and Kindling's own meters
/// ("Kindling.*"), scraped by Prometheus at <c>/metrics</c>; traces only when an OTLP endpoint is configured
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Also the JSON console log defaults.
/// </summary>
public static class TelemetrySetup
{
    public const string Section = "Telemetry";
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "kindling";

    public static void AddKindlingTelemetry(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<TelemetryOptions>()
            .Bind(builder.Configuration.GetSection(Section))
            .Validate(
                o => o.MetricsAllowedFrom.All(a => PublicAddressSetup.TryParseProxy(a, out _, out _)),
                "Telemetry:MetricsAllowedFrom must hold IP addresses (10.0.0.5) or networks (10.0.0.0/24)."
            )
            .ValidateOnStart();
        builder.AddJsonLogDefaults();
        var options = builder.Configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var tracing = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]);
        if (!options.Metrics && !tracing)
            return;
        var mine = new OnlyThisAppsMeters();
        builder.Services.AddSingleton(mine);
        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        if (options.Metrics)
            otel.WithMetrics(m =>
                m.AddAspNetCoreInstrumentation() // hosting, Kestrel, routing, SignalR connections, auth, rate limits
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore") // counters EF Core keeps anyway; read at scrape time
                    .AddMeter("Kindling.*")
                    .AddView(mine.Filter)
                    .AddPrometheusExporter()
            );
        // Without an endpoint no tracer is registered at all: no sampling decision, no span on any request.
        if (tracing)
            otel.WithTracing(t =>
                t.AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsOperations(ctx.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource("Microsoft.AspNetCore.SignalR.Server")
                    .AddOtlpExporter() // reads OTEL_EXPORTER_OTLP_* (endpoint, protocol, headers)
            );
    }

    /// <summary>
    /// Serves <c>/metrics</c> to loopback and <see cref="TelemetryOptions.MetricsAllowedFrom"/> only, and never to a
    /// request a proxy passed on. Runs before sign-in, pages and error pages, and is left out of the HTTP metrics.
    /// </summary>
    public static void MapKindlingMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.Metrics)
            return;
        app.Services.GetRequiredService<OnlyThisAppsMeters>().Factory =
            app.Services.GetRequiredService<IMeterFactory>();
        var allowed = Allowed(options.MetricsAllowedFrom);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: ctx => ctx.Request.Path == MetricsPath,
            path: null,
            configureBranchedPipeline: branch =>
                branch.Use(
                    (ctx, next) =>
                    {
                        ExcludeFromHttpMetrics(ctx);
                        if (MayScrape(ctx, allowed))
                            return next(ctx);
                        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                        ctx.Response.Headers.CacheControl = "no-store";
                        return ctx.Response.WriteAsync(
                            "Metrics are served only to this machine and to Telemetry:MetricsAllowedFrom, "
                                + "never through a proxy.\n"
                        );
                    }
                ),
            optionsName: null
        );
    }

    /// <summary>Health probes and scrapes are not traffic: they would drown the request rate people look at.</summary>
    public static void ExcludeFromHttpMetrics(HttpContext ctx)
    {
        if (ctx.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
            metrics.MetricsDisabled = true;
    }

    private static bool IsOperations(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A direct connection from loopback or an allowed network. A request carrying forwarding headers came through a
    /// proxy (nginx on the same machine would otherwise look like loopback), so it is refused whatever its address.
    /// </summary>
    internal static bool MayScrape(HttpContext ctx, Func<IPAddress, bool> allowed)
    {
        var headers = ctx.Request.Headers;
        if (headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("X-Original-For"))
            return false;
        if (headers.ContainsKey("Forwarded") || headers.ContainsKey("X-Real-IP"))
            return false;
        var remote = ctx.Connection.RemoteIpAddress;
        if (remote is null)
            return false;
        if (remote.IsIPv4MappedToIPv6)
            remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote) || allowed(remote);
    }

    private static Func<IPAddress, bool> Allowed(string[] entries)
    {
        var addresses = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries)
        {
            _ = PublicAddressSetup.TryParseProxy(entry, out var address, out var network); // validated at start
            if (address is not null)
                addresses.Add(address);
            if (network is not null)
                networks.Add(network.Value);
        }
        return ip => addresses.Contains(ip) || networks.Exists(n => n.Contains(ip));
    }

    /// <summary>
    /// <c>Logging:Console:FormatterName=json</c> alone gives one JSON object per line with the request's scopes (trace
    /// id, span id, request path) and a UTC timestamp; settings under <c>Logging:Console:FormatterOptions</c> still
    /// win.
    /// </summary>
    private static void AddJsonLogDefaults(this WebApplicationBuilder builder)
    {
        var set = builder.Configuration.GetSection("Logging:Console:FormatterOptions");
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            if (set["IncludeScopes"] is null)
                o.IncludeScopes = true;
            if (set["TimestampFormat"] is null)
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            if (set["UseUtcTimestamp"] is null)
                o.UseUtcTimestamp = true;
        });
    }

    /// <summary>Whether console logs are written as JSON (<c>Logging:Console:FormatterName=json</c>).</summary>
    public static bool JsonLogs(IConfiguration config) =>
        string.Equals(
            config["Logging:Console:FormatterName"],
            ConsoleFormatterNames.Json,
            StringComparison.OrdinalIgnoreCase
        );
}

/// <summary>
/// Meters made by another app's <see cref="IMeterFactory"/> in the same process (test servers side by side) are left
/// out; process-wide meters (runtime, EF Core) and this app's own are kept. Decided once per instrument, when the meter
/// provider starts, not per measurement.
/// </summary>
internal sealed class OnlyThisAppsMeters
{
    /// <summary>This app's factory, set once the app is built (<see cref="TelemetrySetup.MapKindlingMetrics"/>).
    /// </summary>
    public IMeterFactory? Factory { get; set; }

    public MetricStreamConfiguration? Filter(Instrument i) =>
        i.Meter.Scope is null || Factory is null || ReferenceEquals(i.Meter.Scope, Factory)
            ? null
            : MetricStreamConfiguration.Drop;
}
