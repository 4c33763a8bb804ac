namespace Kindling.BrowserTests.Deploy;

/// <summary>
/// The production layout of deploy/ on 127.0.0.1: nginx with deploy/nginx/kindling.conf in front of two Kindling
/// instances (the Release build) started with the settings of deploy/kindling.env.example, sharing one fresh database
/// on the test PostgreSQL server and the test Redis. Only what differs from site to site is replaced: addresses,
/// passwords, the database name; each replaced key must be in the example file.
/// </summary>
public sealed class DeployLayout : IAsyncDisposable
{
    public NginxProcess Nginx { get; }
    public AppProcess A { get; }
    public AppProcess B { get; }

    /// <summary>Each instance is named after its port (as kindling@.service does with %i).</summary>
    public string NameA { get; }
    public string NameB { get; }
    public string BaseUrl => Nginx.HttpsUrl;

    private DeployLayout(NginxProcess nginx, AppProcess a, string nameA, AppProcess b, string nameB) =>
        (Nginx, A, NameA, B, NameB) = (nginx, a, nameA, b, nameB);

    public static async Task<DeployLayout> StartAsync()
    {
        var root = AppProcess.FindRoot();
        var postgres = Required("KINDLING_TEST_PG");
        var redis = Required("KINDLING_TEST_REDIS");
        var example = EnvFile(Path.Combine(root, "deploy", "kindling.env.example"));
        var (https, http, portA, portB) = (
            AppProcess.FreePort(),
            AppProcess.FreePort(),
            AppProcess.FreePort(),
            AppProcess.FreePort()
        );
        var site = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"{postgres};Database=kindling_deploy_{Guid.NewGuid():N}",
            ["Live__RedisConnectionString"] = redis,
            ["Kindling__PublicUrl"] = $"https://127.0.0.1:{https}",
            ["Kindling__TrustedProxies__0"] = NginxProcess.ProxyAddress,
            // No SMTP server here: mail goes to each instance's pickup folder (AppProcess sets one per instance).
            ["Mail__Smtp__Host"] = "",
        };
        foreach (var key in site.Keys.Where(k => !example.ContainsKey(k)))
            throw new InvalidOperationException($"deploy/kindling.env.example no longer sets {key}.");
        if (example.GetValueOrDefault("Database__Provider") != "postgres")
            throw new InvalidOperationException("deploy/kindling.env.example must set Database__Provider=postgres.");

        var settings = example.Concat(site).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        settings.Remove("Mail__PickupDirectory"); // AppProcess gives each instance a folder of its own
        // One instance first (it creates the test's database), then the other, as the installation guide does; each
        // as systemd would start it, and each must say it is ready.
        using var notifyA = new SystemdNotify();
        using var notifyB = new SystemdNotify();
        var a = await AppProcess.StartAsync(
            Named(settings, portA, notifyA),
            port: portA,
            launcher: SystemdNotify.Launcher
        );
        AppProcess? b = null;
        try
        {
            b = await AppProcess.StartAsync(
                Named(settings, portB, notifyB),
                port: portB,
                launcher: SystemdNotify.Launcher
            );
            await ReadyAsync(notifyA, portA);
            await ReadyAsync(notifyB, portB);
            var nginx = await NginxProcess.StartAsync(root, https, http, portA, portB);
            return new DeployLayout(nginx, a, $"{portA}", b, $"{portB}");
        }
        catch
        {
            await a.DisposeAsync();
            if (b is not null)
                await b.DisposeAsync();
            throw;
        }
    }

    private static async Task ReadyAsync(SystemdNotify notify, int port)
    {
        if (await Task.WhenAny(notify.Ready, Task.Delay(TimeSpan.FromSeconds(10))) != notify.Ready)
            throw new InvalidOperationException(
                $"The instance on port {port} started but never told systemd READY=1: kindling@.service is "
                    + "Type=notify, so systemd would give up on it."
            );
    }

    /// <summary>What both instances printed, for a failure message.</summary>
    public string Logs =>
        $"--- instance {NameA}:\n{A.Output}\n--- instance {NameB}:\n{B.Output}\n--- nginx error.log:\n{Nginx.ErrorLog}";

    private static Dictionary<string, string> Named(
        Dictionary<string, string> settings,
        int port,
        SystemdNotify notify
    ) => new(settings.Concat(notify.Environment)) { ["Kindling__InstanceName"] = $"{port}" };

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run the tests with ./test.sh.");

    /// <summary>KEY=value lines as systemd's EnvironmentFile= reads them (comments and blank lines skipped, one pair
    /// of surrounding quotes removed).</summary>
    private static Dictionary<string, string> EnvFile(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new InvalidOperationException($"{path}: not a KEY=value line: {line}");
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
                value = value[1..^1];
            values[line[..eq].Trim()] = value;
        }
        return values;
    }

    public async ValueTask DisposeAsync()
    {
        await Nginx.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
