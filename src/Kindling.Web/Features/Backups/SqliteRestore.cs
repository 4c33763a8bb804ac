using System.Globalization;
using Kindling.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Kindling.Web.Features.Backups;

/// <summary>
/// Puts a backup in place of the SQLite database, while no Kindling runs on it (<see cref="SqliteInUse"/>). The
/// backup is copied beside the database and checked first; the database it replaces is kept as
/// <c>kindling.db.before-restore-&lt;time&gt;</c> with its write-ahead log folded in.
/// </summary>
internal static class SqliteRestore
{
    public static void Run(DatabaseTarget target, string backup, TimeProvider clock, TextWriter output)
    {
        var database = target.SqliteFile;
        if (!File.Exists(backup))
            throw new BackupFailed($"There is no backup at {backup}.");
        var folder = Path.GetDirectoryName(database)!;
        Directory.CreateDirectory(folder);
        using var held =
            SqliteInUse.TryTakeExclusive(database)
            ?? throw new BackupFailed(
                $"Kindling is running on {database}: stop it first (e.g. systemctl stop kindling), then run the "
                    + "restore again. Nothing was changed."
            );
        output.WriteLine($"Restoring {backup} into {target.Describe()}");
        var temp = Path.Combine(folder, $".{Path.GetFileName(database)}.{Guid.NewGuid():N}.restoring");
        try
        {
            File.Copy(backup, temp);
            if (File.Exists(backup + "-wal")) // a copy made by hand while SQLite ran: its log holds recent writes
                File.Copy(backup + "-wal", temp + "-wal");
            var summary = SqliteFiles.Check(temp, $"The backup {backup}", foldLog: true);
            var build = target.BuildMigrations();
            summary.RefuseIfNewer(build, backup);
            output.WriteLine("  integrity check: ok");
            summary.WriteTo(output, build);
            if (KeepPrevious(database, clock) is { } kept)
                output.WriteLine($"The database it replaces is kept as {kept}");
            File.Move(temp, database);
            output.WriteLine($"Restored {database}. Start Kindling and check /health/ready.");
        }
        finally
        {
            BackupFiles.Remove(temp);
        }
    }

    /// <summary>Moves the current database (if any) aside, its log folded in when it opens, so that no stale -wal or
    /// -shm is left beside the restored file; returns the name it is kept under.</summary>
    private static string? KeepPrevious(string database, TimeProvider clock)
    {
        if (!File.Exists(database))
        {
            // A log without its database belongs to nothing; beside the restored file SQLite would replay it.
            BackupFiles.Remove(database);
            return null;
        }
        try
        {
            using var old = SqliteFiles.Open(database, SqliteOpenMode.ReadWrite);
            SqliteFiles.Execute(old, "PRAGMA wal_checkpoint(TRUNCATE)");
            SqliteFiles.Execute(old, "PRAGMA journal_mode=DELETE");
        }
        catch (SqliteException)
        {
            // A damaged database (perhaps why it is being restored) is kept as it is, its log moved along with it.
        }
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var kept = $"{database}.before-restore-{stamp}";
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(database + suffix))
                File.Move(database + suffix, kept + suffix);
        return kept;
    }
}
