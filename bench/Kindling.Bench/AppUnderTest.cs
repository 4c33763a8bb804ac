using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kindling.Bench;

/// <summary>The Kindling instance under load: the built app started on a free 127.0.0.1 port with a fresh SQLite file,
/// or a running one.</summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly string? _dataDir;
    private readonly Queue<string> _tail = new();
    private int _failures;

    public string BaseUrl { get; }
    public string DatabaseProvider { get; }
    public string Database { get; }
    public int? Pid { get; }

    /// <summary>Every server process measured: the started one, or each --server-pid given.</summary>
    public IReadOnlyList<int> Pids { get; private init; } = [];

    /// <summary>Whether this tool started the server (so its first reading is of a fresh process).</summary>
    public bool Started => _process is not null;

    /// <summary>Server log lines at error level or above ("fail:"/"crit:") since start.</summary>
    public int LoggedFailures => Volatile.Read(ref _failures);

    private AppUnderTest(
        string baseUrl,
        string provider,
        string database,
        int? pid,
        Process? process,
        string? dataDir
    ) =>
        (BaseUrl, DatabaseProvider, Database, Pid, _process, _dataDir) = (
            baseUrl,
            provider,
            database,
            pid,
            process,
            dataDir
        );

    public static AppUnderTest Existing(BenchOptions o) =>
        new(o.Url!, o.DatabaseProvider, o.Database!, o.ServerPid, null, null) { Pids = o.ServerPids };

    /// <summary>The app's Release build output, as bench/run.sh and bench/pages.sh build it.</summary>
    public static string BuildOutput => Path.Combine(RepoRoot(), "src", "Kindling.Web", "bin", "Release", "net10.0");

    /// <summary>Starts the app (the Release build output, or the one published in <paramref name="published"/>); with
    /// <paramref name="postgres"/> on that PostgreSQL database (created by the app's migrations) instead of
    /// SQLite.</summary>
    public static async Task<AppUnderTest> StartAsync(
        string? postgres,
        IReadOnlyList<string> env,
        string? published = null
    )
    {
        var dll = Path.GetFullPath(Path.Combine(published ?? BuildOutput, "Kindling.Web.dll"));
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build the app first (dotnet build -c Release): {dll} is missing.");
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dataDir = Directory.CreateTempSubdirectory("kindling-bench-").FullName;
        var provider = postgres is null ? "sqlite" : "postgres";
        var database = postgres ?? $"Data Source={Path.Combine(dataDir, "kindling.db")}";
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", baseUrl])
        {
            WorkingDirectory = published is null
                ? Path.Combine(RepoRoot(), "src", "Kindling.Web")
                : Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = provider;
        psi.Environment["Database__ConnectionString"] = database;
        // Every participant signs in from 127.0.0.1: lift the per-address sign-in limit (later --env entries still
        // win).
        psi.Environment["RateLimits__SignIn__PermitLimit"] = "1000000";
        foreach (var kv in env)
            psi.Environment[kv[..kv.IndexOf('=')]] = kv[(kv.IndexOf('=') + 1)..];
        var process = Process.Start(psi)!;
        var app = new AppUnderTest(baseUrl, provider, database, process.Id, process, dataDir) { Pids = [process.Id] };
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
                return;
            lock (app._tail)
            {
                app._tail.Enqueue(line);
                while (app._tail.Count > 60)
                    app._tail.Dequeue();
            }
            if (
                line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
            )
                Interlocked.Increment(ref app._failures);
            if (line.Contains("Kindling is running at"))
                started.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(started.Task, Task.Delay(TimeSpan.FromSeconds(300))) != started.Task)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                "Kindling did not start within 300 s (on a busy machine, migrating a new database takes a while):\n"
                    + app.Tail()
            );
        }
        return app;
    }

    public string Tail()
    {
        lock (_tail)
            return string.Join('\n', _tail);
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kindling.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Kindling.slnx) not found.");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Stops the started server and keeps its data folder (deleted on dispose).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
        if (_dataDir is not null)
            try
            {
                Directory.Delete(_dataDir, true);
            }
            catch (IOException) { }
    }
}
