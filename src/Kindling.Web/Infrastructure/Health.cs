using System.Text.Json;
using Kindling.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// <c>/health/live</c> (the process answers; asks nothing else) and <c>/health/ready</c> (every check tagged
/// <see cref="Ready"/>: the database, and Redis when the backplane is configured). Anonymous, never cached, never rate
/// limited; the answer names each check and its status, never a connection string or an error's text.
/// </summary>
public static class HealthSetup
{
    /// <summary>The tag of checks that must pass before an instance takes traffic.</summary>
    public const string Ready = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static void AddKindlingHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InstanceInfo>();
        builder
            .Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// Answers the probes before anything else in the pipeline runs (error pages, static files, sign-in): a probe
    /// costs only its checks, and a 503 stays a short JSON answer.
    /// </summary>
    public static void MapKindlingHealth(this WebApplication app)
    {
        app.Services.GetRequiredService<InstanceInfo>(); // its clock starts now
        app.UseHealthChecks(LivePath, Options(_ => false));
        app.UseHealthChecks(ReadyPath, Options(c => c.Tags.Contains(Ready)));
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> which) =>
        new()
        {
            Predicate = which,
            // The middleware already sends Cache-Control: no-store, no-cache; Unhealthy is 503, Degraded 200.
            AllowCachingResponses = false,
            ResponseWriter = WriteAsync,
        };

    /// <summary><c>{"status":"Healthy","checks":{"database":"Healthy"}}</c></summary>
    private static async Task WriteAsync(HttpContext ctx, HealthReport report)
    {
        TelemetrySetup.ExcludeFromHttpMetrics(ctx);
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.Headers.XContentTypeOptions = "nosniff";
        await using var json = new Utf8JsonWriter(ctx.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
            json.WriteString(name, entry.Status.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync();
    }
}

/// <summary>
/// Ready when the database answers and every migration of this version is applied (an instance started against a
/// database an older version left behind, or one still migrating, must not take traffic).
/// </summary>
public sealed class DatabaseHealthCheck(KindlingDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        int pending;
        try
        {
            pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception reaches the log (HealthCheckService logs it), never the probe's answer.
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
        return pending == 0
            ? HealthCheckResult.Healthy("The database answers and every migration is applied.")
            : HealthCheckResult.Unhealthy(
                $"The database answers but {pending} migration{(pending == 1 ? " is" : "s are")} not applied."
            );
    }
}
