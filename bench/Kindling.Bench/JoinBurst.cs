using System.Diagnostics;

namespace Kindling.Bench;

/// <summary>
/// A crowd arriving: N signed-in participants join within T seconds, one starting every T/N seconds whatever the ones
/// before are doing (open loop). A join is timed from opening the connection until the client has applied its
/// document (WebSocket and SignalR handshake; then the clock's three round trips and Join), as the room page does it.
/// The facilitator is in the room first, so the document is already open.
/// </summary>
public sealed class JoinBurst(BenchOptions o, AppUnderTest app, Memory memory)
{
    private readonly int _n = o.Steps[0];

    public async Task<int> RunAsync()
    {
        var seconds = o.JoinSeconds ?? 10;
        var crowd = await Crowd.SignInAsync(o, app, _n, facilitator: true);
        var before = (await memory.SignedInAsync(_n)).RssBytes;
        await using var people = crowd.People(o, app);
        var facilitator = await people.ConnectFacilitatorAsync(crowd.FacilitatorCookie!);

        Console.Error.WriteLine($"{_n} participants join within {seconds} s…");
        var clock = Stopwatch.StartNew();
        IReadOnlyList<Participants.JoinTiming> timings;
        CpuWindow cpu;
        long peak;
        await using (var window = new Window(app))
        {
            timings = await people.JoinPacedAsync(_n, crowd.Cookies, seconds);
            (cpu, peak) = await window.StopAsync();
        }
        var allIn = clock.Elapsed.TotalSeconds;
        // Everyone sees everyone: the presence list settles on every client.
        var expected = people.Clients.Count + 1;
        var everyone = people.Clients.Append(facilitator).ToList();
        var presenceClock = Stopwatch.StartNew();
        var presenceDone = await Scenarios.WaitUntilAsync(
            () => everyone.All(c => c.Present.Count == expected),
            TimeSpan.FromSeconds(o.DrainSeconds)
        );
        var presenceAfter = presenceClock.Elapsed.TotalSeconds;
        var rest = (await memory.ConnectedAsync(people.Clients.Count)).RssBytes;

        var ok = timings.Where(t => t.Error is null).ToList();
        var failed = timings.Where(t => t.Error is not null).ToList();
        var total = Spread.Of(ok.Select(t => t.TotalMs));
        var connect = Spread.Of(ok.Select(t => t.ConnectMs));
        var join = Spread.Of(ok.Select(t => t.JoinMs));

        Console.WriteLine();
        Console.WriteLine($"Join burst: {_n} participants starting evenly over {seconds} s (facilitator already in):");
        Console.WriteLine($"  {ok.Count} joined, {failed.Count} failed; the last join finished after {allIn:F1} s");
        Console.WriteLine($"  join (connect + clock + Join, until the document is applied): {total}");
        Console.WriteLine($"    of which WebSocket + SignalR handshake: {connect}");
        Console.WriteLine($"    of which clock round trips + Join: {join}");
        Console.WriteLine(
            $"  every client listed all {expected} present "
                + (presenceDone ? $"{presenceAfter:F1} s after the last join" : "NOT within the drain time")
        );
        Console.WriteLine(
            $"  server CPU {Scenarios.F(cpu.ServerCores, "F2")} cores during the burst (load tool "
                + $"{Scenarios.F(cpu.BenchCores, "F2")}, other {Scenarios.F(cpu.OtherCores, "F2")}); server RSS "
                + $"{before / 1048576} MB before, peak {Math.Max(peak, rest) / 1048576} MB, {rest / 1048576} MB at rest "
                + $"after; drops {people.Drops}"
        );
        foreach (var g in failed.GroupBy(f => f.Error).OrderByDescending(g => g.Count()).Take(3))
            Console.WriteLine($"  error: {g.Count()}× {g.Key}");
        if (o.Markdown)
        {
            Console.WriteLine();
            Console.WriteLine(
                "| N | within | join p50 | p95 | p99 | max | handshake p99 | clock+Join p99 | errors | "
                    + "presence settled | server CPU | load tool CPU | RSS before | peak | at rest |"
            );
            Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            Console.WriteLine(
                $"| {_n} | {seconds} s | {Scenarios.F(total.P50)} ms | {Scenarios.F(total.P95)} ms | "
                    + $"{Scenarios.F(total.P99)} ms | {Scenarios.F(total.Max)} ms | {Scenarios.F(connect.P99)} ms | "
                    + $"{Scenarios.F(join.P99)} ms | {failed.Count} | "
                    + $"{(presenceDone ? $"{presenceAfter:F1} s" : "no")} | {Scenarios.F(cpu.ServerCores, "F2")} | "
                    + $"{Scenarios.F(cpu.BenchCores, "F2")} | {before / 1048576} MB | "
                    + $"{Math.Max(peak, rest) / 1048576} MB | {rest / 1048576} MB |"
            );
        }
        return failed.Count == 0 && presenceDone ? 0 : 1;
    }
}
