using System.Diagnostics;
using System.Reflection;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Backups;

/// <summary>
/// Runs the built app as an operator would, <c>dotnet Kindling.Web.dll backup|restore …</c>, from the app's folder
/// (its appsettings.json) with the database given through the environment, as a systemd unit would give it.
/// </summary>
public static class KindlingCommand
{
    public sealed record Result(int Code, string Output)
    {
        public override string ToString() => $"exit {Code}:\n{Output}";
    }

    public static async Task<Result> RunAsync(string provider, string connection, params string[] args)
    {
        var config =
            typeof(KindlingCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? "Release";
        var app = Path.Combine(Paths.Root, "src", "Kindling.Web");
        var dll = Path.Combine(app, "bin", config, "net10.0", "Kindling.Web.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = provider;
        psi.Environment["Database__ConnectionString"] = connection;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', args)}` did not finish within 2 minutes.");
        }
        return new Result(process.ExitCode, (await output) + (await errors));
    }
}
