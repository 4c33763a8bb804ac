using System.Diagnostics;
using System.Globalization;

namespace Kindling.Bench;

/// <summary>The scenarios besides the workshop load (bench/README.md says what each measures).</summary>
public static class Scenarios
{
    public const string Workshop = "workshop";
    public const string SilentReveal = "silent-reveal";
    public const string JoinBurst = "join-burst";
    public const string TimerSkew = "timer-skew";
    public const string Sessions = "sessions";

    public static readonly string[] All = [Workshop, SilentReveal, JoinBurst, TimerSkew, Sessions];

    /// <summary>Runs the chosen scenario; the exit code is 0 only when nothing failed, went missing or came
    /// twice.</summary>
    public static Task<int> RunAsync(BenchOptions o, AppUnderTest app, Memory memory) =>
        o.Scenario switch
        {
            SilentReveal => new SilentReveal(o, app, memory).RunAsync(),
            JoinBurst => new JoinBurst(o, app, memory).RunAsync(),
            TimerSkew => new TimerSkew(o, app, memory).RunAsync(),
            Sessions => new ManySessions(o, app, memory).RunAsync(),
            _ => throw new ArgumentException($"Unknown scenario {o.Scenario}."),
        };

    /// <summary>Joins <paramref name="n"/> participants: paced over --join-seconds when given, otherwise
    /// --connect-parallelism at a time. Every join must succeed (join-burst is the scenario that counts
    /// failures).</summary>
    public static async Task JoinAllAsync(BenchOptions o, Participants people, int n, IReadOnlyList<string> cookies)
    {
        Console.Error.WriteLine($"Connecting {n} participants over WebSockets…");
        var clock = Stopwatch.StartNew();
        if (o.JoinSeconds is { } seconds)
        {
            var failed = (await people.JoinPacedAsync(n, cookies, seconds)).Where(t => t.Error is not null).ToList();
            if (failed.Count > 0)
                throw new InvalidOperationException($"{failed.Count} joins failed, e.g.: {failed[0].Error}");
        }
        else
            await people.GrowToAsync(n, cookies, o.ConnectParallelism);
        Console.Error.WriteLine($"  {n} joined in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Waits until <paramref name="done"/> holds, polling every 50 ms, at most <paramref name="limit"/>;
    /// returns whether it held.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit)
                return false;
            await Task.Delay(50);
        }
        return true;
    }

    /// <summary>Stopwatch timestamp → milliseconds since <paramref name="from"/>.</summary>
    public static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    public static string F(double v, string format = "F1") =>
        double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>p50, p99 and max of a set of latencies (ms); NaN when empty.</summary>
public readonly record struct Spread(int Count, double P50, double P95, double P99, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return new Spread(
            sorted.Count,
            Recorder.Percentile(sorted, 0.50),
            Recorder.Percentile(sorted, 0.95),
            Recorder.Percentile(sorted, 0.99),
            sorted.Count > 0 ? sorted[^1] : double.NaN
        );
    }

    public override string ToString() =>
        $"p50 {Scenarios.F(P50)} ms, p95 {Scenarios.F(P95)} ms, p99 {Scenarios.F(P99)} ms, max {Scenarios.F(Max)} ms";
}

/// <summary>CPU over a window and the servers' peak memory in it, sampled every 200 ms.</summary>
public sealed class Window : IAsyncDisposable
{
    private readonly CpuWindow.Meter _meter;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;

    public Window(AppUnderTest app)
    {
        _meter = new CpuWindow.Meter(app.Pids);
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), ProcStats.RssBytes(app.Pids)));
                try
                {
                    await Task.Delay(200, _stop.Token);
                }
                catch (OperationCanceledException) { }
            }
        });
    }

    public async Task<(CpuWindow Cpu, long PeakRss)> StopAsync()
    {
        var cpu = _meter.Stop();
        await _stop.CancelAsync();
        await _sampler;
        return (cpu, Interlocked.Read(ref _peak));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }
}
