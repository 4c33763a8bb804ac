using Microsoft.Data.Sqlite;

namespace Kindling.Web.Features.Backups;

/// <summary>
/// Copies the live SQLite database with SQLite's online backup API: one read transaction, so the copy is the database
/// as it stood at one instant, while Kindling goes on writing (in WAL mode a reader never blocks a writer). The copy
/// is written beside the destination under a temporary name, checked, and only then renamed into place.
/// </summary>
internal static class SqliteBackup
{
    public static void Run(DatabaseTarget target, string destination, bool force, TextWriter output)
    {
        var source = target.SqliteFile;
        if (!File.Exists(source))
            throw new BackupFailed(
                $"There is no database at {source}. Check Database:ConnectionString (Kindling creates the file when it "
                    + "first starts)."
            );
        var temp = BackupFiles.TempBeside(destination, force);
        output.WriteLine($"Backing up {target.Describe()} to {destination}");
        try
        {
            Copy(source, temp);
            // The copy carries the live file's WAL flag: foldLog leaves it one self-contained file.
            var summary = SqliteFiles.Check(temp, "The copy", foldLog: true);
            File.Move(temp, destination, overwrite: force);
            output.WriteLine($"Backup written: {destination}");
            output.WriteLine("  integrity check: ok");
            summary.WriteTo(output, target.BuildMigrations());
        }
        finally
        {
            BackupFiles.Remove(temp);
        }
    }

    private static void Copy(string source, string temp)
    {
        // ReadWrite, not ReadOnly: a read-only connection cannot always open a WAL database whose -shm is missing.
        using var from = SqliteFiles.Open(source, SqliteOpenMode.ReadWrite);
        using var to = SqliteFiles.Open(temp, SqliteOpenMode.ReadWriteCreate);
        from.BackupDatabase(to);
    }
}
