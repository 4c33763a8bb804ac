using System.Diagnostics;
using System.Globalization;
using Kindling.Bench;

// Kindling live-session load benchmark: see docs/performance.md. Loopback only, bounded in participants and time.
if (args is ["pages", .. var pageArgs])
    return await Kindling.Bench.Pages.PagesBenchmark.RunAsync(pageArgs);
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage + BenchOptions.ScenarioUsage);
    return 2;
}
ThreadPool.SetMinThreads(Math.Max(16, Environment.ProcessorCount * 4), 16);

var max = options.Steps[^1];
Console.Error.WriteLine(
    options.Url is not null
        ? $"Targeting {options.Url}…"
        : $"Starting Kindling (Release build) on 127.0.0.1 with "
            + $"{(options.Postgres is null ? "a fresh SQLite database" : "PostgreSQL")}…"
);
await using var app = options.Url is null
    ? await AppUnderTest.StartAsync(options.Postgres, options.ServerEnv, options.Published)
    : AppUnderTest.Existing(options);
try
{
    var pids = app.Pids.Count == 0 ? "unknown" : string.Join(", ", app.Pids);
    Console.Error.WriteLine($"Server at {app.BaseUrl} (pid {pids}).");
    var memory = new Memory(app, options.GcCounters);
    await memory.FreshAsync();
    await Crowd.WarmUpAsync(options, app, memory);
    if (options.Scenario != Scenarios.Workshop)
    {
        var code = await Scenarios.RunAsync(options, app, memory);
        memory.Print(options.Markdown);
        Console.WriteLine(MachineLine());
        return code;
    }
    Console.Error.WriteLine($"Seeding {max} participants…");
    var crowd = await Crowd.SignInAsync(options, app, max, facilitator: false);
    var cookies = crowd.Cookies;
    var rssBefore = (await memory.SignedInAsync(max)).RssBytes;

    await using var people = crowd.People(options, app);
    var results = new List<LoadStep.Result>();
    long nextId = 1;
    foreach (var n in options.Steps)
    {
        Console.Error.WriteLine($"Connecting {n} participants over WebSockets…");
        var clock = Stopwatch.StartNew();
        await people.GrowToAsync(n, cookies, options.ConnectParallelism);
        Console.Error.WriteLine($"  {n} joined in {clock.Elapsed.TotalSeconds:F1} s; settling…");
        var rssConnected = (await memory.ConnectedAsync(n)).RssBytes;
        Console.Error.WriteLine(
            $"Step N={n}: posting every {options.IntervalSeconds} s for {options.WarmupSeconds} s warm-up + "
                + $"{options.DurationSeconds} s measured…"
        );
        var step = new LoadStep(options, app, people, nextId);
        var result = await step.RunAsync(rssBefore, rssConnected);
        nextId += result.Posted + 1;
        results.Add(result);
        Report.Print([result], markdown: false);
    }
    if (results.Count > 1 || options.Markdown)
        Report.Print(results, options.Markdown);
    memory.Print(options.Markdown);
    Console.WriteLine(MachineLine());
    return results.All(r => r.Errors == 0 && r.Summary.LostDeliveries == 0 && r.Summary.Duplicates == 0) ? 0 : 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"The benchmark failed: {e.Message}");
    if (options.Url is null)
        Console.Error.WriteLine("Last server output:\n" + app.Tail());
    return 1;
}

string MachineLine() =>
    $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; "
    + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; "
    + $"command: bench/run.sh {string.Join(' ', args)}";
