using System.Globalization;

namespace Kindling.Bench;

/// <summary>Prints results as a plain table and, with --markdown, as rows for docs/performance.md.</summary>
public static class Report
{
    private static string F(double v, string format = "F0") =>
        double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    public static double KbPerParticipant(LoadStep.Result r) =>
        (r.RssConnectedBytes - r.RssBeforeBytes) / 1024.0 / r.Participants;

    public static void Print(IReadOnlyList<LoadStep.Result> results, bool markdown)
    {
        Console.WriteLine();
        Console.WriteLine(
            $"{"N", 6} {"every", 6} {"posts/s", 8} {"deliv/s", 9} {"fan-out p50", 12} {"p95", 7} {"p99", 7} "
                + $"{"max", 7} {"deliv p50", 10} {"p99", 7} "
                + $"{"lost", 6} {"dup", 5} {"errors", 7} {"drops", 6} {"srv CPU", 8} {"bench CPU", 10} "
                + $"{"other CPU", 10} {"KB/part.", 9} {"RSS MB", 7}"
        );
        foreach (var r in results)
        {
            var s = r.Summary;
            Console.WriteLine(
                $"{r.Participants, 6} {F(r.IntervalSeconds, "0.##") + "s", 6} {F(r.PostsPerSecond, "F1"), 8} "
                    + $"{F(s.DeliveriesPerSecond), 9} "
                    + $"{F(s.FanOutP50, "F1") + "ms", 12} {F(s.FanOutP95, "F1"), 7} {F(s.FanOutP99, "F1"), 7} "
                    + $"{F(s.FanOutMax, "F1"), 7} "
                    + $"{F(s.DeliveryP50, "F1") + "ms", 10} {F(s.DeliveryP99, "F1"), 7} {s.LostDeliveries, 6} "
                    + $"{s.Duplicates, 5} {r.Errors, 7} {r.Drops, 6} "
                    + $"{F(r.Cpu.ServerCores, "F2"), 8} {F(r.Cpu.BenchCores, "F2"), 10} "
                    + $"{F(r.Cpu.OtherCores, "F2"), 10} {F(KbPerParticipant(r), "F1"), 9} "
                    + $"{r.RssPeakBytes / 1048576, 7}"
            );
        }
        Console.WriteLine();
        foreach (var r in results)
        {
            var s = r.Summary;
            Console.WriteLine(
                $"N={r.Participants}: {r.Acked}/{r.Posted} posts acknowledged; {s.Measured} measured, {s.Incomplete} "
                    + $"of them not seen by every other client; "
                    + $"{s.Deliveries} deliveries in all; server RSS {Kb(r.RssBeforeBytes)} KB before connecting, "
                    + $"{Kb(r.RssConnectedBytes)} KB with {r.Participants} connected, peak {Kb(r.RssPeakBytes)} "
                    + $"KB; "
                    + $"post→ack p50 {F(s.AckP50, "F1")} ms, p99 {F(s.AckP99, "F1")} ms; server log errors "
                    + $"{r.ServerFailures}; clients stuck on a gap {r.Stuck}; machine capacity "
                    + $"{F(r.Cpu.MachineCapacity, "F1")} cores."
            );
            if (r.Errors > 0)
                Console.WriteLine($"  errors: {r.ErrorSample}");
        }
        if (!markdown)
            return;
        Console.WriteLine();
        Console.WriteLine(
            "| N | posts every | posts/s | deliveries/s | fan-out p50 | p95 | p99 | max | lost | dup | errors | "
                + "server CPU (cores) | load tool CPU | other CPU | server KB/participant |"
        );
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in results)
        {
            var s = r.Summary;
            Console.WriteLine(
                $"| {r.Participants} | {F(r.IntervalSeconds, "0.##")} s | {F(r.PostsPerSecond, "F1")} | "
                    + $"{F(s.DeliveriesPerSecond)} | {F(s.FanOutP50, "F1")} ms | "
                    + $"{F(s.FanOutP95, "F1")} ms | {F(s.FanOutP99, "F1")} ms | {F(s.FanOutMax, "F1")} ms | "
                    + $"{s.LostDeliveries} | {s.Duplicates} | {r.Errors} | "
                    + $"{F(r.Cpu.ServerCores, "F2")} | {F(r.Cpu.BenchCores, "F2")} | {F(r.Cpu.OtherCores, "F2")} | "
                    + $"{F(KbPerParticipant(r), "F1")} |"
            );
        }
    }
}
