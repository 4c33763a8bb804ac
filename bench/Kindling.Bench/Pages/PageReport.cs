using System.Globalization;

namespace Kindling.Bench.Pages;

public static class PageReport
{
    public static void Print(
        IReadOnlyList<PageResult> rows,
        IReadOnlyList<double> cold,
        IReadOnlyList<double> published,
        PageOptions o,
        string[] args
    )
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(
            $"{"page", -36} {"req/s", 8} {"p50 ms", 8} {"p99 ms", 8} {"wire KB", 8} {"plain KB", 9} {"errors", 7}"
        );
        foreach (var r in rows)
            Console.WriteLine(
                string.Format(
                    c,
                    "{0,-36} {1,8:F0} {2,8:F1} {3,8:F1} {4,8:F1} {5,9:F1} {6,7}",
                    r.Page.Name,
                    r.RequestsPerSecond,
                    r.P50Ms,
                    r.P99Ms,
                    r.WireBytes / 1024.0,
                    r.PlainBytes / 1024.0,
                    r.Non2xx + r.Errors
                )
            );
        ColdLine("build output (dotnet build)", cold);
        ColdLine("published (dotnet publish -r linux-x64 --self-contained, composite ReadyToRun)", published);
        if (o.Markdown)
        {
            Console.WriteLine();
            Console.WriteLine("| page | req/s | p50 | p99 | on the wire | uncompressed |");
            Console.WriteLine("|---|--:|--:|--:|--:|--:|");
            foreach (var r in rows)
                Console.WriteLine(
                    string.Format(
                        c,
                        "| {0} | {1:N0} | {2:F1} ms | {3:F1} ms | {4:F1} KB | {5:F1} KB |",
                        r.Page.Name,
                        r.RequestsPerSecond,
                        r.P50Ms,
                        r.P99Ms,
                        r.WireBytes / 1024.0,
                        r.PlainBytes / 1024.0
                    )
                );
        }
        Console.WriteLine(
            $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; "
                + $"wrk -t{o.Threads} -c{o.Connections} -d{o.DurationSeconds}s on the same cores; command: bench/pages.sh "
                + string.Join(' ', args)
        );
    }

    private static void ColdLine(string what, IReadOnlyList<double> runs)
    {
        if (runs.Count == 0)
            return;
        var sorted = runs.Order().ToList();
        Console.WriteLine(
            string.Format(
                CultureInfo.InvariantCulture,
                "Cold start, {0} (exec to first 200 of /account/signin), {1} runs: median {2:F0} ms, min {3:F0}, max {4:F0}",
                what,
                runs.Count,
                sorted[sorted.Count / 2],
                sorted[0],
                sorted[^1]
            )
        );
    }
}
