using System.Diagnostics;
using System.Globalization;

namespace Kindling.Bench;

/// <summary>CPU time and resident memory read from /proc (Linux), for the server, this load tool and the whole
/// machine.</summary>
public static class ProcStats
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User + system CPU seconds used by a process so far.</summary>
    public static double CpuSeconds(int? pid)
    {
        if (pid is null)
            return double.NaN;
        if (pid == Environment.ProcessId)
            return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ", field 3 (state) is index 0, so utime (14) is index 11 and stime (15) index 12.
            return (
                    long.Parse(fields[11], CultureInfo.InvariantCulture)
                    + long.Parse(fields[12], CultureInfo.InvariantCulture)
                ) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>CPU seconds summed over several processes (NaN when none is given).</summary>
    public static double CpuSeconds(IReadOnlyList<int> pids) =>
        pids.Count == 0 ? double.NaN : pids.Sum(p => CpuSeconds((int?)p));

    /// <summary>Resident set size in bytes, summed over several processes.</summary>
    public static long RssBytes(IReadOnlyList<int> pids) => pids.Sum(p => RssBytes((int?)p));

    /// <summary>Resident set size in bytes.</summary>
    public static long RssBytes(int? pid)
    {
        if (pid is null)
            return 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(
                            line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                            CultureInfo.InvariantCulture
                        ) * 1024;
        }
        catch (IOException) { }
        return 0;
    }

    /// <summary>
    /// Waits at least 5 s, then until the server has used under 5 % of a core for a whole second (it has finished
    /// sending what the joins caused), at most 60 s; returns how long that took. Memory is read after this, at rest.
    /// </summary>
    public static Task<TimeSpan> SettleAsync(int? pid) => SettleAsync(pid is { } p ? [p] : []);

    /// <summary><see cref="SettleAsync(int?)"/> for several processes: all of them together under 5 % of a
    /// core.</summary>
    public static async Task<TimeSpan> SettleAsync(IReadOnlyList<int> pids, double minSeconds = 5)
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(minSeconds));
        if (pids.Count == 0)
            return clock.Elapsed;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var before = CpuSeconds(pids);
            await Task.Delay(1000);
            if (CpuSeconds(pids) - before < 0.05)
                break;
        }
        return clock.Elapsed;
    }

    /// <summary>Busy and total CPU seconds of the whole machine (all cores), from /proc/stat.</summary>
    public static (double Busy, double Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat")
            .First()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(long.Parse)
            .ToArray();
        var idle = cpu[3] + (cpu.Length > 4 ? cpu[4] : 0);
        var total = cpu.Take(8).Sum();
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }
}

/// <summary>CPU used between two moments by the server, the load tool and everything else on the machine.</summary>
public readonly record struct CpuWindow(
    double ServerCores,
    double BenchCores,
    double MachineCores,
    double MachineCapacity
)
{
    public double OtherCores => MachineCores - (double.IsNaN(ServerCores) ? 0 : ServerCores) - BenchCores;

    public sealed class Meter(IReadOnlyList<int> serverPids)
    {
        public Meter(int? serverPid)
            : this(serverPid is { } p ? [p] : []) { }

        private readonly long _start = Stopwatch.GetTimestamp();
        private readonly double _server = ProcStats.CpuSeconds(serverPids),
            _bench = ProcStats.CpuSeconds(Environment.ProcessId);
        private readonly (double Busy, double Total) _machine = ProcStats.Machine();

        public CpuWindow Stop()
        {
            var seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
            var m = ProcStats.Machine();
            return new CpuWindow(
                (ProcStats.CpuSeconds(serverPids) - _server) / seconds,
                (ProcStats.CpuSeconds(Environment.ProcessId) - _bench) / seconds,
                (m.Busy - _machine.Busy) / seconds,
                (m.Total - _machine.Total) / seconds
            );
        }
    }
}
