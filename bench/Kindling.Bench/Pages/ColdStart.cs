using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kindling.Bench.Pages;

/// <summary>Cold start: from exec of <c>dotnet Kindling.Web.dll</c> until the first 200 for the sign-in page, on a
/// database that already holds the seeded cohort (migrations applied, curriculum loaded), as a restart would
/// find it.</summary>
public static class ColdStart
{
    public static async Task<IReadOnlyList<double>> MeasureAsync(string dataDir, int times, string appDir)
    {
        var dll = Path.Combine(Path.GetFullPath(appDir), "Kindling.Web.dll");
        var results = new List<double>();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(2),
        };
        for (var i = 0; i < times; i++)
        {
            var port = FreePort();
            var psi = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            psi.Environment["Database__Provider"] = "sqlite";
            psi.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(dataDir, "kindling.db")}";
            var clock = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            try
            {
                while (true)
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(60))
                        throw new InvalidOperationException("Kindling did not answer within 60 s.");
                    try
                    {
                        using var r = await http.GetAsync($"http://127.0.0.1:{port}/account/signin");
                        if (r.StatusCode == HttpStatusCode.OK)
                            break;
                    }
                    catch (HttpRequestException) { }
                    catch (TaskCanceledException) { }
                    await Task.Delay(5);
                }
                results.Add(clock.Elapsed.TotalMilliseconds);
                Console.Error.WriteLine($"  cold start {i + 1}/{times}: {clock.Elapsed.TotalMilliseconds:F0} ms");
            }
            finally
            {
                p.Kill(true);
                await p.WaitForExitAsync();
            }
        }
        return results;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
