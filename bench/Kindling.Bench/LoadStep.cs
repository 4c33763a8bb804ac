using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kindling.Bench;

/// <summary>One measured step: every participant posts once per interval (at a random phase), everyone
/// receives. Steps running side by side (the sessions scenario) each take their own <paramref name="seed"/>.</summary>
public sealed class LoadStep(BenchOptions options, AppUnderTest app, Participants people, long firstId, int seed = 42)
{
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private int _errorCount;

    /// <summary>The step's receipts, once it has started.</summary>
    public Recorder? Recorder { get; private set; }

    public sealed record Result(
        int Participants,
        double IntervalSeconds,
        int DurationSeconds,
        int Posted,
        int Acked,
        double PostsPerSecond,
        Recorder.Summary Summary,
        int Errors,
        string ErrorSample,
        int Drops,
        int Stuck,
        int ServerFailures,
        CpuWindow Cpu,
        long RssBeforeBytes,
        long RssConnectedBytes,
        long RssPeakBytes
    );

    public async Task<Result> RunAsync(long rssBefore, long rssConnected)
    {
        var n = people.Clients.Count;
        var total = options.WarmupSeconds + options.DurationSeconds;
        var random = new Random(seed);
        var schedule = new List<(double At, int Who)>();
        for (var p = 0; p < n; p++)
        for (var at = random.NextDouble() * options.IntervalSeconds; at < total; at += options.IntervalSeconds)
            schedule.Add((at, p));
        schedule.Sort((a, b) => a.At.CompareTo(b.At));
        var recorder = new Recorder(firstId, schedule.Count, n);
        Recorder = recorder;
        people.Current = recorder;
        var drops = people.Drops;
        var failures = app.LoggedFailures;
        var start = Stopwatch.GetTimestamp();
        recorder.WindowStart = start + (long)(options.WarmupSeconds * Stopwatch.Frequency);
        recorder.WindowEnd = recorder.WindowStart + (long)(options.DurationSeconds * Stopwatch.Frequency);

        using var stop = new CancellationTokenSource();
        var meter = MeasureAsync(recorder, stop.Token);
        var posts = new List<Task<bool>>(schedule.Count);
        for (var slot = 0; slot < schedule.Count; slot++)
        {
            var (at, who) = schedule[slot];
            var wait = at - Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (wait > 0.001)
                await Task.Delay(TimeSpan.FromSeconds(wait));
            posts.Add(PostAsync(recorder, slot, who));
        }
        var postedBy = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (postedBy > total + 1)
            Record($"the load tool fell {postedBy - total:F1} s behind its posting schedule");

        var drainUntil = Stopwatch.GetTimestamp() + options.DrainSeconds * Stopwatch.Frequency;
        await Task.WhenAny(Task.WhenAll(posts), Task.Delay(TimeSpan.FromSeconds(options.DrainSeconds)));
        while (Stopwatch.GetTimestamp() < drainUntil && !recorder.AllDelivered(schedule.Count))
            await Task.Delay(100);
        var unanswered = posts.Count(t => !t.IsCompleted);
        if (unanswered > 0)
            Record($"{unanswered} posts had no answer after the drain time", unanswered);
        stop.Cancel();
        var (cpu, peak) = await meter;

        var summary = recorder.Summarise(schedule.Count, options.DurationSeconds);
        var acked = Enumerable.Range(0, schedule.Count).Count(s => posts[s].IsCompletedSuccessfully && posts[s].Result);
        people.Current = null;
        return new Result(
            n,
            options.IntervalSeconds,
            options.DurationSeconds,
            schedule.Count,
            acked,
            n / options.IntervalSeconds,
            summary,
            _errorCount,
            string.Join("; ", _errors.OrderByDescending(e => e.Value).Take(3).Select(e => $"{e.Value}× {e.Key}")),
            people.Drops - drops,
            people.Stuck,
            app.LoggedFailures - failures,
            cpu,
            rssBefore,
            rssConnected,
            Math.Max(peak, rssConnected)
        );
    }

    private async Task<bool> PostAsync(Recorder recorder, int slot, int who)
    {
        var id = firstId + slot;
        var client = people.Clients[who];
        var text = Participants.Text(id, who, options.TextLength);
        recorder.Sent(slot, who, Stopwatch.GetTimestamp());
        try
        {
            var ack = await client.AddResponseAsync(people.SectionId, text);
            if (!ack.Ok)
            {
                Record("refused: " + ack.Error);
                return false;
            }
            recorder.Acked(slot, Stopwatch.GetTimestamp());
            return true;
        }
        catch (Exception e)
        {
            Record(e.GetType().Name + ": " + e.Message);
            return false;
        }
    }

    private void Record(string error, int count = 1)
    {
        Interlocked.Add(ref _errorCount, count);
        _errors.AddOrUpdate(error.Length > 160 ? error[..160] : error, count, (_, c) => c + count);
    }

    /// <summary>CPU over the measured window and the server's peak memory over the whole step.</summary>
    private async Task<(CpuWindow, long)> MeasureAsync(Recorder recorder, CancellationToken stop)
    {
        long peak = 0;
        CpuWindow.Meter? meter = null;
        CpuWindow? cpu = null;
        while (!stop.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (meter is null && now >= recorder.WindowStart)
                meter = new CpuWindow.Meter(app.Pids);
            if (meter is not null && cpu is null && now >= recorder.WindowEnd)
                cpu = meter.Stop();
            peak = Math.Max(peak, ProcStats.RssBytes(app.Pids));
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException) { }
        }
        return (cpu ?? meter?.Stop() ?? default, peak);
    }
}
