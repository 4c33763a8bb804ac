using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Kindling.BrowserTests;

/// <summary>Kindling started as a real process on 127.0.0.1 with a fresh SQLite database, as ./run.sh would start
/// it.</summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;
    private readonly System.Text.StringBuilder _log;
    public string BaseUrl { get; }
    public string SetupUrl { get; }
    public string DatabaseFile => Path.Combine(_dataDir, "kindling.db");

    /// <summary>The folder with the database file (and the mail pickup folder), kept across a restart.</summary>
    public string DataDir => _dataDir;

    /// <summary>What the process has printed so far (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    private AppProcess(
        Process process,
        string dataDir,
        string baseUrl,
        string setupUrl,
        System.Text.StringBuilder log
    ) => (_process, _dataDir, BaseUrl, SetupUrl, _log) = (process, dataDir, baseUrl, setupUrl, log);

    [GeneratedRegex(@"one-time link\): (\S+)")]
    private static partial Regex SetupLine();

    /// <summary>Starts Kindling on a fresh SQLite database and waits for its set-up link.</summary>
    public static Task<AppProcess> StartAsync() => StartAsync(new Dictionary<string, string>());

    /// <param name="settings">Configuration on top of the defaults ("Mail:Smtp:Host" style keys).</param>
    /// <param name="dataDir">A previous process's <see cref="DataDir"/> to start again on the same data; then the
    /// set-up link is not awaited (an admin may exist), only the "running" line.</param>
    /// <param name="port">The address to listen on; a free port when 0.</param>
    /// <param name="launcher">A program and arguments that run the command following them (e.g. a shell standing in
    /// for systemd); none: dotnet is started directly.</param>
    public static async Task<AppProcess> StartAsync(
        IReadOnlyDictionary<string, string> settings,
        string? dataDir = null,
        int port = 0,
        IReadOnlyList<string>? launcher = null
    )
    {
        var root = FindRoot();
        var config =
            Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? "Release";
        // KINDLING_TEST_PUBLISHED=DIR runs the journeys against a published app instead (e.g. one published as
        // docs/operations.md installs it), with DIR as its content root.
        // Otherwise the project folder is the content root (wwwroot lives there), as `dotnet run` in ./run.sh uses it.
        var published = Environment.GetEnvironmentVariable("KINDLING_TEST_PUBLISHED");
        var (dll, contentRoot) = string.IsNullOrEmpty(published)
            ? (
                Path.Combine(root, "src", "Kindling.Web", "bin", config, "net10.0", "Kindling.Web.dll"),
                Path.Combine(root, "src", "Kindling.Web")
            )
            : (Path.Combine(Path.GetFullPath(published), "Kindling.Web.dll"), Path.GetFullPath(published));
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build the app first: {dll} is missing.");
        var restart = dataDir is not null;
        port = port == 0 ? FreePort() : port;
        var baseUrl = $"http://127.0.0.1:{port}";
        dataDir ??= Directory.CreateTempSubdirectory("kindling-browser-").FullName;
        string[] command = [.. launcher ?? [], "dotnet", dll, "--urls", baseUrl];
        var psi = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = "sqlite";
        psi.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(dataDir, "kindling.db")}";
        // Every browser signs in from 127.0.0.1: the production rate limits are not what these tests are about.
        foreach (var kind in new[] { "SignIn", "Account", "Send", "Export" })
            psi.Environment[$"RateLimits__{kind}__PermitLimit"] = "1000000";
        psi.Environment["Mail__PickupDirectory"] = Path.Combine(dataDir, "mail");
        // Each app lives for one journey: its code stays at the first JIT tier instead of being compiled again,
        // optimised, once it has run 30 times (what pays off in a server running for days). Behaviour is the same;
        // measured: a third less processor time for the browser tests (790 s -> 526 s), 7 m 10 s -> 5 m 44 s.
        psi.Environment.TryAdd("DOTNET_TC_CallCounting", "0");
        foreach (var (key, value) in settings)
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(psi)!;
        var setup = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (log)
                log.AppendLine(e.Data);
            if (SetupLine().Match(e.Data) is { Success: true } m)
                setup.TrySetResult(m.Groups[1].Value);
            if (e.Data.StartsWith("Kindling is running at", StringComparison.Ordinal))
                running.TrySetResult("");
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (log)
                    log.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var awaited = restart ? running.Task : setup.Task;
        var done = await Task.WhenAny(awaited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != awaited)
        {
            process.Kill(true);
            throw new InvalidOperationException("Kindling did not print its start-up banner within 60 s:\n" + log);
        }
        return new AppProcess(process, dataDir, baseUrl, restart ? "" : setup.Task.Result, log);
    }

    /// <summary>The settings that put the app on SQLite (the default, a file in its data folder) or on a fresh
    /// database of the test command's PostgreSQL server.</summary>
    public static Dictionary<string, string> DatabaseSettings(string provider)
    {
        if (provider == "sqlite")
            return [];
        var server =
            Environment.GetEnvironmentVariable("KINDLING_TEST_PG")
            ?? throw new InvalidOperationException("KINDLING_TEST_PG is not set: run the tests with ./test.sh.");
        return new()
        {
            ["Database:Provider"] = "postgres",
            ["Database:ConnectionString"] = $"{server};Database=kindling_browser_{Guid.NewGuid():N}",
        };
    }

    /// <summary>Ends the process at once (SIGKILL, as <c>kill -9</c>): no shutdown, no flushing; keeps its data.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    internal static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kindling.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    /// <summary>Stops the process and removes its data (unless <paramref name="keepData"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync(keepData: false);

    public async Task StopAsync(bool keepData)
    {
        if (!_process.HasExited)
        {
            _process.Kill(true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (keepData)
            return;
        try
        {
            Directory.Delete(_dataDir, true);
        }
        catch (IOException) { }
    }
}
