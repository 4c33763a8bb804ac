using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kindling.Web.Features.Backups;

/// <summary>
/// The operator's commands, in the app's own binary so they read the same configuration as the server:
/// <c>dotnet Kindling.Web.dll backup &lt;file&gt; [--force]</c> and
/// <c>dotnet Kindling.Web.dll restore &lt;file&gt;</c>, followed by any configuration
/// (<c>--Database:ConnectionString=…</c>). They never start the web server and never migrate; they print what they
/// did, or why they refused, and exit 0 on success, 1 on failure, 2 on a usage error.
/// </summary>
public static class BackupCommands
{
    public const string Usage = """
        Usage:
          dotnet Kindling.Web.dll backup <file> [--force]   copy the database while Kindling runs
          dotnet Kindling.Web.dll restore <file>            replace the database with a backup (Kindling stopped)
        The database is the one Kindling is configured with (appsettings.json, environment, or settings after the
        command such as --Database:ConnectionString=...). SQLite backups are SQLite files; PostgreSQL backups are
        pg_dump archives in custom format. See docs/operations.md, "Back up and restore".
        """;

    /// <summary>Runs a command when the arguments start with one and returns true (the exit code is set);
    /// otherwise returns false and the web app starts as usual.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args is not ["backup" or "restore", ..])
            return false;
        Environment.ExitCode = await RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
        return true;
    }

    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, TimeProvider clock)
    {
        var verb = args[0];
        var force = args.Contains("--force");
        if (args.Length < 2 || args[1].StartsWith('-') || (force && verb == "restore"))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        var file = Path.GetFullPath(args[1]);
        var settings = args[2..].Where(a => a != "--force").ToArray();
        try
        {
            var target = DatabaseTarget.FromConfiguration(settings);
            switch (verb, target.IsSqlite)
            {
                case ("backup", true):
                    SqliteBackup.Run(target, file, force, output);
                    break;
                case ("backup", false):
                    await PostgresBackup.RunAsync(target, file, force, output);
                    break;
                case (_, true):
                    SqliteRestore.Run(target, file, clock, output);
                    break;
                default:
                    await PostgresRestore.RunAsync(target, file, clock, output);
                    break;
            }
            return 0;
        }
        catch (BackupFailed e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is SqliteException or NpgsqlException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"The {verb} failed: {e.Message}");
            return 1;
        }
    }
}
