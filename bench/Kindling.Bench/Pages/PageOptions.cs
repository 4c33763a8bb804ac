using System.Globalization;

namespace Kindling.Bench.Pages;

/// <summary>Options of the page-load mode (<c>bench/pages.sh</c>), bounded like the hub benchmark's.</summary>
public sealed record PageOptions
{
    public int Members { get; init; } = 1000;
    public int Responses { get; init; } = 1400;
    public int Connections { get; init; } = 50;
    public int Threads { get; init; } = 2;
    public int DurationSeconds { get; init; } = 15;

    /// <summary>Unmeasured load on each page first. The first page measured comes right after seeding, while the JIT
    /// is still recompiling the hot code at its optimised tiers; 3 s measured that, not the page (docs/performance.md,
    /// pages: fifth round).</summary>
    public int WarmupSeconds { get; init; } = 15;
    public int ColdStarts { get; init; } = 5;
    public string? Only { get; init; }
    public string? Published { get; init; }
    public bool Hold { get; init; }
    public bool Markdown { get; init; }
    public IReadOnlyList<string> ServerEnv { get; init; } = [];

    public const string Usage = """
        Kindling page-load benchmark (loopback only): bench/pages.sh [options]
          --members N          members of the seeded cohort (default 1000, at most 3000)
          --responses N        responses posted through the hub into the session's live document (default 1400)
          --connections N      wrk connections (default 50); --threads N: wrk threads (default 2)
          --duration-seconds S measured seconds per page (default 15); --warmup S: unmeasured seconds first (default 15)
          --cold-starts N      cold starts measured on the seeded database (default 5)
          --only NAME          only the page whose name contains NAME (e.g. room)
          --published DIR      also measure cold start of the app published in DIR (bench/pages.sh publishes it as
                               docs/operations.md says: self-contained, composite ReadyToRun)
          --server-env K=V     an environment variable for the started server (repeatable)
          --hold               after the run keep the server up and print the cookie and addresses (for profiling)
          --markdown           also print rows ready for docs/performance.md
        """;

    public static PageOptions Parse(string[] args)
    {
        var o = new PageOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int(string v) => int.Parse(v, CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--members" => o with { Members = Int(Next()) },
                "--responses" => o with { Responses = Int(Next()) },
                "--connections" => o with { Connections = Int(Next()) },
                "--threads" => o with { Threads = Int(Next()) },
                "--duration-seconds" => o with { DurationSeconds = Int(Next()) },
                "--warmup" => o with { WarmupSeconds = Int(Next()) },
                "--cold-starts" => o with { ColdStarts = Int(Next()) },
                "--only" => o with { Only = Next() },
                "--published" => o with { Published = Next() },
                "--server-env" => o with { ServerEnv = [.. o.ServerEnv, Next()] },
                "--hold" => o with { Hold = true },
                "--markdown" => o with { Markdown = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (o.Members is < 20 or > BenchOptions.MaxParticipants)
            throw new ArgumentException($"--members must be between 20 and {BenchOptions.MaxParticipants}.");
        if (o.Responses is < 0 or > 20_000)
            throw new ArgumentException("--responses must be between 0 and 20000.");
        if (o.Connections is < 1 or > 1000 || o.Threads is < 1 or > 16)
            throw new ArgumentException("--connections must be 1–1000 and --threads 1–16.");
        if (o.DurationSeconds is < 1 or > 300 || o.WarmupSeconds is < 0 or > 60 || o.ColdStarts is < 0 or > 50)
            throw new ArgumentException("--duration-seconds 1–300, --warmup 0–60, --cold-starts 0–50.");
        if (o.Published is { } dir && !File.Exists(Path.Combine(dir, "Kindling.Web.dll")))
            throw new ArgumentException($"--published: no Kindling.Web.dll in {dir}.");
        if (o.ServerEnv.Any(e => e.IndexOf('=') < 1))
            throw new ArgumentException("--server-env takes NAME=value.");
        return o;
    }
}
