using System.Globalization;
using Npgsql;

namespace Kindling.Web.Features.Backups;

/// <summary>
/// <c>pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction</c> of a backup into the
/// configured database: all of it or, on any error, none of it. Refuses while anything else is connected to the
/// database, and when the database holds migrations the backup lacks (their tables would be left behind). A database
/// with data in it is first dumped beside the backup as <c>&lt;database&gt;.before-restore-&lt;time&gt;.dump</c>.
/// </summary>
internal static class PostgresRestore
{
    public static async Task RunAsync(DatabaseTarget target, string backup, TimeProvider clock, TextWriter output)
    {
        if (!File.Exists(backup))
            throw new BackupFailed($"There is no backup at {backup}.");
        var cs = target.Postgres;
        var name = target.PostgresDatabase;
        var summary = await PgArchive.CheckAsync(backup, cs, $"The backup {backup}");
        var build = target.BuildMigrations();
        summary.RefuseIfNewer(build, backup);
        output.WriteLine($"Restoring {backup} into {target.Describe()}");
        output.WriteLine("  archive check (pg_restore --list): ok");
        summary.WriteTo(output, build);

        // A running Kindling always holds a connection: its background jobs (the outbox sender looks every 15 s) keep
        // its pool's connections busier than the pool's 5-minute idle lifetime.
        var current = await PgDatabase.InspectAsync(target, output);
        if (current.OtherConnections.Count > 0)
        {
            var who = current
                .OtherConnections.GroupBy(c => c)
                .Select(g => g.Count() > 1 ? $"{g.Count()} × {g.Key}" : g.Key);
            throw new BackupFailed(
                $"{current.OtherConnections.Count} other connection(s) use the database ({string.Join(", ", who)}): "
                    + "stop Kindling first (e.g. systemctl stop kindling), then run the restore again. Nothing was "
                    + "changed."
            );
        }
        var lacking = current.Migrations.Except(summary.Migrations).ToList();
        if (lacking.Count > 0 || (current.Tables > 0 && current.Migrations.Count == 0))
            throw new BackupFailed(
                (
                    lacking.Count > 0
                        ? $"The database has migrations the backup lacks ({string.Join(", ", lacking)}): restoring "
                            + "over it would leave their tables behind."
                        : "The database holds tables but is not a Kindling database."
                )
                    + $" Restore into an empty database instead: dropdb {name}; createdb --owner="
                    + $"{cs.Username} {name}; then run the restore again. Nothing was changed."
            );
        if (current.Tables > 0)
        {
            var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var kept = Path.Combine(Path.GetDirectoryName(backup)!, $"{name}.before-restore-{stamp}.dump");
            try
            {
                await PostgresBackup.DumpAsync(target, kept);
            }
            catch (BackupFailed e)
            {
                File.Delete(kept);
                throw new BackupFailed(
                    $"The database could not be kept before replacing it. {e.Message} Nothing was changed."
                );
            }
            output.WriteLine($"The database it replaces is dumped to {kept}");
        }

        var restore = await PgTools.RunAsync(
            "pg_restore",
            cs,
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--no-password",
                $"--dbname={PgDatabase.ConnInfoName(name)}",
                backup,
            ]
        );
        if (restore.Code != 0)
            throw new BackupFailed($"pg_restore failed, and rolled back: the database is as it was. {restore.Errors}");
        var pending = build.Except((await PgDatabase.InspectAsync(target, output)).Migrations).Count();
        output.WriteLine(
            pending == 0
                ? $"Restored {target.Describe()}. Start Kindling and check /health/ready."
                : $"Restored {target.Describe()}. Kindling applies {pending} newer migration(s) when it starts; "
                    + "then check /health/ready."
        );
    }
}
