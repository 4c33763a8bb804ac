using System.Globalization;

namespace Kindling.Bench;

/// <summary>Command-line options, with hard caps so a typo cannot start an unbounded run.</summary>
public sealed partial record BenchOptions
{
    public const int MaxParticipants = 3000;
    public const int MaxDurationSeconds = 600;
    public const int MaxRampSteps = 10;

    public int[] Steps { get; init; } = [100];
    public double IntervalSeconds { get; init; } = 30;
    public int DurationSeconds { get; init; } = 60;
    public int WarmupSeconds { get; init; } = 10;
    public int DrainSeconds { get; init; } = 15;
    public string? Url { get; init; }
    public string DatabaseProvider { get; init; } = "sqlite";
    public string? Database { get; init; }
    public string? Postgres { get; init; }
    public string? Published { get; init; }
    public IReadOnlyList<string> ServerEnv { get; init; } = [];
    public int? ServerPid { get; init; }
    public int SignInParallelism { get; init; } = 8;
    public int ConnectParallelism { get; init; } = 32;
    public int TextLength { get; init; } = 120;
    public bool Markdown { get; init; }

    public const string Usage = """
        Kindling live-session load benchmark (loopback only).
          --participants N        participants in the session (default 100, at most 3000)
          --ramp "200,400,800"    run one step per count, adding participants between steps (instead of --participants)
          --interval-seconds S    each participant posts one response every S seconds (default 30)
          --duration-seconds S    measured time per step (default 60, at most 600)
          --warmup S              unmeasured posting before each step's measurement (default 10)
          --drain S               time allowed after the last post for deliveries to arrive (default 15)
          --url URL               target a running instance on 127.0.0.1 instead of starting one
          --postgres CS           start the app on this PostgreSQL database (a new database name) instead of a fresh SQLite file
          --server-env K=V        an environment variable for the started server (repeatable), e.g. DOTNET_gcServer=0
          --published DIR         start the app published in DIR (dotnet publish -r linux-x64: ReadyToRun, as
                                  docs/operations.md installs it) instead of the Release build output
          --database CS           with --url: its database connection string, to seed the participants
          --database-provider P   with --url: sqlite (default) or postgres
          --server-pid PID        with --url: the server's process id, to measure its CPU and memory
          --text-length N         characters per posted response (default 120)
          --signin-parallelism N  sign-ins in flight (default 8); --connect-parallelism N: joins in flight (default 32)
          --markdown              also print result rows ready for docs/performance.md
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int(string v) => int.Parse(v, CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--participants" => o with { Steps = [Int(Next())] },
                "--ramp" => o with
                {
                    Steps = Next()
                        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(Int)
                        .ToArray(),
                },
                "--interval-seconds" => o with { IntervalSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--duration-seconds" => o with { DurationSeconds = Int(Next()) },
                "--warmup" => o with { WarmupSeconds = Int(Next()) },
                "--drain" => o with { DrainSeconds = Int(Next()) },
                "--url" => o with { Url = Next().TrimEnd('/') },
                "--database" => o with { Database = Next() },
                "--postgres" => o with { Postgres = Next() },
                "--published" => o with { Published = Next() },
                "--server-env" => o with { ServerEnv = [.. o.ServerEnv, Next()] },
                "--database-provider" => o with { DatabaseProvider = Next() },
                "--server-pid" => o.WithServerPid(Int(Next())),
                "--signin-parallelism" => o with { SignInParallelism = Int(Next()) },
                "--connect-parallelism" => o with { ConnectParallelism = Int(Next()) },
                "--text-length" => o with { TextLength = Int(Next()) },
                "--markdown" => o with { Markdown = true },
                _ => ParseScenarioOption(o, args[i], Next)
                    ?? throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}{ScenarioUsage}"),
            };
        }
        o.Validate();
        return o;
    }

    private void Validate()
    {
        if (Steps.Length is 0 or > MaxRampSteps)
            throw new ArgumentException($"Give between 1 and {MaxRampSteps} participant counts.");
        if (Steps.Any(n => n is < 2 or > MaxParticipants))
            throw new ArgumentException($"Participant counts must be between 2 and {MaxParticipants}.");
        if (Steps.Zip(Steps.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException("Ramp counts must increase.");
        if (DurationSeconds is < 5 or > MaxDurationSeconds)
            throw new ArgumentException($"--duration-seconds must be between 5 and {MaxDurationSeconds}.");
        if (WarmupSeconds is < 0 or > 120 || DrainSeconds is < 1 or > 120)
            throw new ArgumentException("--warmup and --drain must be at most 120 seconds.");
        if (IntervalSeconds is < 0.05 or > 600)
            throw new ArgumentException("--interval-seconds must be between 0.05 and 600.");
        if (ServerEnv.Any(e => e.IndexOf('=') < 1))
            throw new ArgumentException("--server-env takes NAME=value.");
        if (Published is { } dir && !File.Exists(Path.Combine(dir, "Kindling.Web.dll")))
            throw new ArgumentException($"--published: no Kindling.Web.dll in {dir}.");
        if (TextLength is < 20 or > 4000)
            throw new ArgumentException("--text-length must be between 20 and 4000.");
        ValidateScenario();
        if (Url is not null)
        {
            var host = new Uri(Url).Host;
            if (host is not ("127.0.0.1" or "localhost" or "[::1]"))
                throw new ArgumentException("The benchmark only targets loopback (127.0.0.1).");
            if (Database is null)
                throw new ArgumentException(
                    "--url needs --database (the instance's connection string) to seed participants."
                );
        }
    }
}
