namespace Kindling.Web.Features.Backups;

/// <summary>
/// <c>pg_dump --format=custom</c> of the configured database. pg_dump reads everything in one transaction at a
/// repeatable-read snapshot, so the archive is the database as it stood when the dump began, while Kindling goes on
/// writing; it blocks nothing but schema changes. Written under a temporary name beside the destination, read back
/// with pg_restore, then renamed into place.
/// </summary>
internal static class PostgresBackup
{
    public static async Task RunAsync(DatabaseTarget target, string destination, bool force, TextWriter output)
    {
        var temp = BackupFiles.TempBeside(destination, force);
        output.WriteLine($"Backing up {target.Describe()} to {destination}");
        try
        {
            await DumpAsync(target, temp);
            var summary = await PgArchive.CheckAsync(temp, target.Postgres, "The dump");
            File.Move(temp, destination, overwrite: force);
            output.WriteLine($"Backup written: {destination}");
            output.WriteLine("  archive check (pg_restore --list): ok");
            summary.WriteTo(output, target.BuildMigrations());
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static async Task DumpAsync(DatabaseTarget target, string file)
    {
        // --no-password: never wait for a password prompt (a cron job has no one to answer it).
        var dump = await PgTools.RunAsync(
            "pg_dump",
            target.Postgres,
            ["--format=custom", "--no-password", $"--file={file}"]
        );
        if (dump.Code != 0)
            throw new BackupFailed($"pg_dump failed: {dump.Errors}");
    }
}
