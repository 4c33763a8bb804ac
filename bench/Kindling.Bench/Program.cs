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
    Console.Error.WriteLine(BenchOptions.Usage);
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
    ? await AppUnderTest.StartAsync(options.Postgres, options.ServerEnv)
    : AppUnderTest.Existing(options);
try
{
    Console.Error.WriteLine(
        $"Server at {app.BaseUrl} (pid {app.Pid?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}). Seeding "
            + $"{max} participants…"
    );
    var seeded = await Seeder.SeedAsync(app.DatabaseProvider, app.Database, max);
    Console.Error.WriteLine(
        $"Signing {max} participants in through /account/signin (210,000-iteration password hashing on the server)…"
    );
    var cookies = await SignIn.CookiesAsync(app.BaseUrl, seeded.Emails, Seeder.Password, options.SignInParallelism);
    await Task.Delay(2000);
    var rssBefore = ProcStats.RssBytes(app.Pid);

    await using var people = new Participants(app.BaseUrl, seeded.SessionId);
    var results = new List<LoadStep.Result>();
    long nextId = 1;
    foreach (var n in options.Steps)
    {
        Console.Error.WriteLine($"Connecting {n} participants over WebSockets…");
        var clock = Stopwatch.StartNew();
        await people.GrowToAsync(n, cookies, options.ConnectParallelism);
        Console.Error.WriteLine($"  {n} joined in {clock.Elapsed.TotalSeconds:F1} s; settling…");
        var settled = await ProcStats.SettleAsync(app.Pid);
        var rssConnected = ProcStats.RssBytes(app.Pid);
        Console.Error.WriteLine($"  server at rest after {settled.TotalSeconds:F1} s; RSS {rssConnected / 1048576} MB");
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
    Console.WriteLine(
        $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; "
            + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; "
            + $"command: bench/run.sh {string.Join(' ', args)}"
    );
    return results.All(r => r.Errors == 0 && r.Summary.LostDeliveries == 0 && r.Summary.Duplicates == 0) ? 0 : 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"The benchmark failed: {e.Message}");
    if (options.Url is null)
        Console.Error.WriteLine("Last server output:\n" + app.Tail());
    return 1;
}
