using System.Diagnostics;
using System.Text.Json;

namespace Kindling.Tests.Schedule;

/// <summary>
/// Mozilla's ical.js (tests/tools/ical; test.sh runs npm ci there when it is missing), run under node: a second
/// iCalendar parser with no time-zone database of its own, so it turns zoned times into UTC by the file's VTIMEZONE
/// rules.
/// </summary>
public static class IcalJs
{
    /// <param name="Zone">The zone ical.js read the start in ("UTC" for a UTC time, null for a floating one).</param>
    public sealed record Event(string Uid, string? Zone, DateTime Start, DateTime End);

    public static List<Event> Read(string ics, string repoRoot)
    {
        var dir = Path.Combine(repoRoot, "tests", "tools", "ical");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "ical.js")))
            throw new InvalidOperationException($"ical.js is not installed: run ./test.sh, or npm ci in {dir}.");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("read-events.mjs");
        using var node = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(ics);
        node.StandardInput.Close();
        if (!node.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException("ical.js did not finish.");
        }
        if (node.ExitCode != 0)
            throw new InvalidOperationException($"ical.js could not read the calendar: {stderr.Result}");
        return JsonSerializer.Deserialize<List<Event>>(stdout.Result, JsonSerializerOptions.Web)!;
    }
}
