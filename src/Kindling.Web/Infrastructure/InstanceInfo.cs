using System.Reflection;
using System.Runtime.InteropServices;

namespace Kindling.Web.Infrastructure;

/// <summary>What this process runs and since when, for the admin page and the logs.</summary>
public sealed class InstanceInfo(TimeProvider clock)
{
    private static readonly string Informational =
        typeof(InstanceInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    /// <summary>When this instance started (created at start-up by <see cref="HealthSetup.MapKindlingHealth"/>).
    /// </summary>
    public DateTime StartedUtc { get; } = clock.GetUtcNow().UtcDateTime;

    public TimeSpan Uptime => clock.GetUtcNow().UtcDateTime - StartedUtc;

    /// <summary>The version without the commit, e.g. "1.0.0".</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The commit it was built from (the SDK adds it to the informational version in a git checkout), or
    /// null.</summary>
    public static string? Commit => Informational.Split('+') is [_, var commit, ..] ? commit : null;

    public static string Runtime => $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}";

    public static string Machine => $"{Environment.MachineName}, process {Environment.ProcessId}";
}
