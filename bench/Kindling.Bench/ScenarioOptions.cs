using System.Globalization;

namespace Kindling.Bench;

/// <summary>The scenario options (bench/README.md): what runs besides the workshop load, and where the hub is.</summary>
public sealed partial record BenchOptions
{
    public const int MaxSessions = 50;

    /// <summary>workshop (the default), silent-reveal, join-burst, timer-skew or sessions.</summary>
    public string Scenario { get; init; } = Scenarios.Workshop;

    /// <summary>Spread the joins evenly over this many seconds (join-burst: default 10) instead of joining
    /// <see cref="ConnectParallelism"/> at a time.</summary>
    public double? JoinSeconds { get; init; }

    /// <summary>sessions: how many sessions run at once (each of <see cref="Steps"/>[0] participants).</summary>
    public int Sessions { get; init; } = 10;

    /// <summary>Base addresses the hub connections use, in turn (default: the sign-in address).</summary>
    public IReadOnlyList<string> HubUrls { get; init; } = [];

    /// <summary>Every server process to measure (CPU and memory are summed), e.g. both instances behind a proxy.</summary>
    public IReadOnlyList<int> ServerPids { get; init; } = [];

    /// <summary>silent-reveal: "facilitator" (the Reveal command) or "timer" (the round's one-minute timer ends).</summary>
    public string RevealBy { get; init; } = "facilitator";

    /// <summary>silent-reveal: the responses are posted evenly over this many seconds (0: all at once).</summary>
    public double PostSeconds { get; init; } = 10;

    /// <summary>timer-skew: how many timer changes the facilitator makes.</summary>
    public int TimerChanges { get; init; } = 6;

    /// <summary>Throwaway participants who sign in, join, post and leave first, so the memory read after them no
    /// longer counts the process's own warm-up (JIT, caches, pools).</summary>
    public int WarmupParticipants { get; init; }

    /// <summary>Read the server's GC heap and committed memory with dotnet-counters next to each RSS reading.</summary>
    public bool GcCounters { get; init; }

    public const string ScenarioUsage = """
          --scenario NAME         workshop (default) | silent-reveal | join-burst | timer-skew | sessions
          --join-seconds T        join the participants evenly over T seconds (join-burst: default 10)
          --sessions S            sessions: S concurrent sessions of --participants each (default 10 x 100)
          --hub-url URL           connect the hub here instead of --url (repeatable: participants take them in turn)
          --reveal-by WHO         silent-reveal: facilitator (default) or timer (the round's 1-minute timer ends)
          --post-seconds S        silent-reveal: the N hidden responses are posted over S seconds (default 10)
          --timer-changes K       timer-skew: timer changes made by the facilitator (default 6)
          --warmup-participants K memory: K throwaway participants sign in, join, post and leave first (default 0)
          --gc-counters           memory: read GC heap and committed bytes with dotnet-counters at each reading
          --server-pid PID        is repeatable: CPU and memory are summed over every pid given
        """;

    /// <summary>Parses a scenario option, or returns null when <paramref name="name"/> is not one.</summary>
    private static BenchOptions? ParseScenarioOption(BenchOptions o, string name, Func<string> next)
    {
        static int Int(string v) => int.Parse(v, CultureInfo.InvariantCulture);
        static double Dbl(string v) => double.Parse(v, CultureInfo.InvariantCulture);
        return name switch
        {
            "--scenario" => o with { Scenario = next() },
            "--join-seconds" => o with { JoinSeconds = Dbl(next()) },
            "--sessions" => o with { Sessions = Int(next()) },
            "--hub-url" => o with { HubUrls = [.. o.HubUrls, next().TrimEnd('/')] },
            "--reveal-by" => o with { RevealBy = next() },
            "--post-seconds" => o with { PostSeconds = Dbl(next()) },
            "--timer-changes" => o with { TimerChanges = Int(next()) },
            "--warmup-participants" => o with { WarmupParticipants = Int(next()) },
            "--gc-counters" => o with { GcCounters = true },
            _ => null,
        };
    }

    /// <summary>The pids to measure: every --server-pid given (the first is also <see cref="ServerPid"/>).</summary>
    private BenchOptions WithServerPid(int pid) =>
        this with
        {
            ServerPid = ServerPid ?? pid,
            ServerPids = [.. ServerPids, pid],
        };

    private void ValidateScenario()
    {
        if (!Scenarios.All.Contains(Scenario))
            throw new ArgumentException($"--scenario must be one of {string.Join(", ", Scenarios.All)}.");
        if (Scenario != Scenarios.Workshop && Steps.Length > 1)
            throw new ArgumentException("--ramp is for the workshop scenario; give --participants N.");
        if (JoinSeconds is < 0 or > 600)
            throw new ArgumentException("--join-seconds must be between 0 and 600.");
        if (Sessions is < 1 or > MaxSessions)
            throw new ArgumentException($"--sessions must be between 1 and {MaxSessions}.");
        if (Scenario == Scenarios.Sessions && Sessions * Steps[0] > MaxParticipants)
            throw new ArgumentException($"--sessions × --participants must be at most {MaxParticipants}.");
        if (RevealBy is not ("facilitator" or "timer"))
            throw new ArgumentException("--reveal-by must be facilitator or timer.");
        if (PostSeconds is < 0 or > 50)
            throw new ArgumentException("--post-seconds must be between 0 and 50 (the timer reveal comes at 60 s).");
        if (TimerChanges is < 1 or > 100)
            throw new ArgumentException("--timer-changes must be between 1 and 100.");
        if (WarmupParticipants is < 0 or > 100)
            throw new ArgumentException("--warmup-participants must be between 0 and 100.");
        foreach (var url in HubUrls)
            if (!IsLoopback(url))
                throw new ArgumentException("--hub-url must be a loopback address (127.0.0.1).");
    }

    internal static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host is "127.0.0.1" or "localhost" or "[::1]";
}
