using System.Diagnostics;

namespace Kindling.Tests.Scripts;

/// <summary>
/// ./run.sh, the README's start command, with a stand-in `dotnet` that records what it is asked to do: the person
/// sees progress before the (on a fresh machine, minute-long) build, and the app then starts without building again.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // a bash script, run as on the README's Debian machine
public class RunScriptTests
{
    [Fact]
    public async Task RunSh_SaysWhatItDoesBeforeBuilding_ThenStartsTheBuiltApp()
    {
        var bin = Directory.CreateTempSubdirectory("kindling-run-sh-").FullName;
        try
        {
            var stub = Path.Combine(bin, "dotnet");
            await File.WriteAllTextAsync(stub, "#!/usr/bin/env bash\necho \"DOTNET $*\"\n");
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var psi = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "run.sh")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            psi.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
            psi.Environment.Remove("KINDLING_URL");
            using var process = Process.Start(psi)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var build = Array.FindIndex(lines, l => l.StartsWith("DOTNET build", StringComparison.Ordinal));
            var run = Array.FindIndex(lines, l => l.StartsWith("DOTNET run", StringComparison.Ordinal));
            Assert.True(build > 0, output);
            Assert.Contains("Building Kindling", string.Join('\n', lines[..build]));
            Assert.DoesNotContain("-v q", lines[build]); // restore and build progress stays visible
            Assert.True(run > build, output);
            Assert.Contains("--no-build", lines[run]);
            Assert.Contains("--urls http://127.0.0.1:5000", lines[run]);
        }
        finally
        {
            Directory.Delete(bin, true);
        }
    }
}
