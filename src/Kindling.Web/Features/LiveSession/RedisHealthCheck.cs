using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Ready only when Redis answers, if the backplane is configured: an instance that cannot reach it would serve a
/// live room whose changes never reach people on the other instances.
/// </summary>
public sealed class RedisHealthCheck(PresenceMirror mirror) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var answered = await mirror.PingAsync().WaitAsync(ct);
            return HealthCheckResult.Healthy($"Redis answers ({answered.TotalMilliseconds:0} ms).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception reaches the log (HealthCheckService logs it), never the probe's answer.
            return HealthCheckResult.Unhealthy("Redis cannot be reached.", e);
        }
    }
}
