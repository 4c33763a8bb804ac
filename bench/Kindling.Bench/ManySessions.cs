namespace Kindling.Bench;

/// <summary>
/// Several sessions at once on one instance: S sessions (each its own cohort) of P participants, every participant
/// posting at the workshop rate (--interval-seconds) in their own session. The usual fan-out table per session, then
/// all sessions together (latencies merged, rates summed).
/// </summary>
public sealed class ManySessions(BenchOptions o, AppUnderTest app, Memory memory)
{
    public async Task<int> RunAsync()
    {
        var (s, p) = (o.Sessions, o.Steps[0]);
        var crowds = new List<Crowd>();
        for (var i = 0; i < s; i++)
        {
            Console.Error.WriteLine($"Session {i + 1}/{s}: seeding {p} participants…");
            crowds.Add(await Crowd.SignInAsync(o, app, p, facilitator: false));
        }
        var before = (await memory.SignedInAsync(s * p)).RssBytes;
        var rooms = crowds.Select(c => c.People(o, app)).ToList();
        try
        {
            for (var i = 0; i < s; i++)
            {
                Console.Error.Write($"Session {i + 1}/{s}: ");
                await Scenarios.JoinAllAsync(o, rooms[i], p, crowds[i].Cookies);
            }
            var connected = (await memory.ConnectedAsync(s * p)).RssBytes;
            Console.Error.WriteLine(
                $"{s} sessions of {p}: posting every {o.IntervalSeconds} s for {o.WarmupSeconds} s warm-up + "
                    + $"{o.DurationSeconds} s measured…"
            );
            var steps = rooms.Select((r, i) => new LoadStep(o, app, r, 1, seed: 42 + i)).ToList();
            var results = await Task.WhenAll(steps.Select(x => x.RunAsync(before, connected)));
            Print(results, steps);
            return results.All(r => r.Errors == 0 && r.Summary.LostDeliveries == 0 && r.Summary.Duplicates == 0)
                ? 0
                : 1;
        }
        finally
        {
            foreach (var r in rooms)
                await r.DisposeAsync();
        }
    }

    private void Print(IReadOnlyList<LoadStep.Result> results, IReadOnlyList<LoadStep> steps)
    {
        var merged = Spread.Of(steps.SelectMany((x, i) => x.Recorder!.FanOuts(results[i].Posted)));
        var ack99 = results.Max(r => r.Summary.AckP99);
        var rows = results
            .Select(
                (r, i) =>
                    (
                        Name: $"session {i + 1}",
                        r.Participants,
                        r.Posted,
                        r.Acked,
                        Rate: r.Summary.DeliveriesPerSecond,
                        Fan: new Spread(
                            (int)r.Summary.Measured,
                            r.Summary.FanOutP50,
                            r.Summary.FanOutP95,
                            r.Summary.FanOutP99,
                            r.Summary.FanOutMax
                        ),
                        Ack99: r.Summary.AckP99,
                        r.Summary.LostDeliveries,
                        r.Summary.Duplicates,
                        r.Errors,
                        r.Drops
                    )
            )
            .ToList();
        rows.Add(
            (
                "all sessions",
                results.Sum(r => r.Participants),
                results.Sum(r => r.Posted),
                results.Sum(r => r.Acked),
                results.Sum(r => r.Summary.DeliveriesPerSecond),
                merged,
                ack99,
                results.Sum(r => r.Summary.LostDeliveries),
                results.Sum(r => r.Summary.Duplicates),
                results.Sum(r => r.Errors),
                results.Sum(r => r.Drops)
            )
        );
        var cpu = results[0].Cpu;
        Console.WriteLine();
        Console.WriteLine(
            $"{"", -13} {"N", 5} {"acked", 11} {"deliv/s", 8} {"fan-out p50", 12} {"p95", 7} {"p99", 7} {"max", 7} "
                + $"{"ack p99", 8} {"lost", 5} {"dup", 4} {"errors", 6} {"drops", 5}"
        );
        foreach (var r in rows)
            Console.WriteLine(
                $"{r.Name, -13} {r.Participants, 5} {$"{r.Acked}/{r.Posted}", 11} {Scenarios.F(r.Rate, "F0"), 8} "
                    + $"{Scenarios.F(r.Fan.P50) + "ms", 12} {Scenarios.F(r.Fan.P95), 7} {Scenarios.F(r.Fan.P99), 7} "
                    + $"{Scenarios.F(r.Fan.Max), 7} {Scenarios.F(r.Ack99), 8} {r.LostDeliveries, 5} {r.Duplicates, 4} "
                    + $"{r.Errors, 6} {r.Drops, 5}"
            );
        Console.WriteLine(
            $"Server CPU {Scenarios.F(cpu.ServerCores, "F2")} cores, load tool {Scenarios.F(cpu.BenchCores, "F2")}, "
                + $"other {Scenarios.F(cpu.OtherCores, "F2")} over the measured window; server RSS peak "
                + $"{results.Max(r => r.RssPeakBytes) / 1048576} MB; KB/participant (from after sign-in) "
                + $"{Scenarios.F(Report.KbPerParticipant(results[0]) / o.Sessions)}"
        );
        foreach (var r in results.Where(r => r.Errors > 0))
            Console.WriteLine($"  errors: {r.ErrorSample}");
        if (!o.Markdown)
            return;
        Console.WriteLine();
        Console.WriteLine(
            "| session | N | posts every | deliveries/s | fan-out p50 | p95 | p99 | max | post→ack p99 | lost | dup | "
                + "errors |"
        );
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in rows)
            Console.WriteLine(
                $"| {r.Name} | {r.Participants} | {Scenarios.F(o.IntervalSeconds, "0.##")} s | "
                    + $"{Scenarios.F(r.Rate, "F0")} | {Scenarios.F(r.Fan.P50)} ms | {Scenarios.F(r.Fan.P95)} ms | "
                    + $"{Scenarios.F(r.Fan.P99)} ms | {Scenarios.F(r.Fan.Max)} ms | {Scenarios.F(r.Ack99)} ms | "
                    + $"{r.LostDeliveries} | {r.Duplicates} | {r.Errors} |"
            );
    }
}
