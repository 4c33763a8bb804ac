using System.Diagnostics;
using Kindling.Data;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kindling.IntegrationTests.Features.Backups;

/// <summary>What a restore keeps, and what it refuses: a database it replaces is kept aside; a backup from a newer
/// Kindling or a file that is no backup changes nothing.</summary>
public sealed class RestoreSafetyTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kindling-restores-");

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Restore_OverAnExistingDatabase_KeepsThePreviousOneAside(string provider)
    {
        var (backup, cohortId) = await BackupOfAScenarioAsync(provider);
        var target = NewDatabase(provider);
        Assert.Equal(0, (await KindlingCommand.RunAsync(provider, target, "restore", backup)).Code);
        await using (var db = Context(provider, target))
        {
            (await db.Cohorts.SingleAsync(c => c.Id == cohortId)).Name = "Changed after the first restore";
            await db.SaveChangesAsync();
        }

        var second = await KindlingCommand.RunAsync(provider, target, "restore", backup);

        Assert.True(second.Code == 0, second.ToString());
        await using (var db = Context(provider, target))
            Assert.StartsWith("Spring cohort", (await db.Cohorts.SingleAsync(c => c.Id == cohortId)).Name);
        if (provider == "sqlite")
        {
            var file = new SqliteConnectionStringBuilder(target).DataSource;
            var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!, "kindling.db.before-restore-*"));
            Assert.Contains($"kept as {kept}", second.Output);
            var name = BackupRestoreTests.SqliteScalar(
                kept,
                $"SELECT Name FROM Cohorts WHERE lower(Id) = '{cohortId}'"
            );
            Assert.Equal("Changed after the first restore", name);
            Assert.False(File.Exists(file + "-wal"));
        }
        else
        {
            var kept = Assert.Single(_folder.GetFiles("*.before-restore-*.dump")).FullName;
            Assert.Contains($"dumped to {kept}", second.Output);
            Assert.Contains("Changed after the first restore", await CohortsInDumpAsync(kept));
            await PostgresDatabases.DropAsync(target);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Restore_OfABackupFromANewerKindling_RefusesAndCreatesNothing(string provider)
    {
        const string future = "99990101000000_FromANewerKindling";
        var (backup, _) = await BackupOfAScenarioAsync(
            provider,
            db =>
                db.Database.ExecuteSqlRawAsync(
                    $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") "
                        + $"VALUES ('{future}', '99.0')"
                )
        );
        var target = NewDatabase(provider);

        var refused = await KindlingCommand.RunAsync(provider, target, "restore", backup);

        Assert.True(refused.Code == 1, refused.ToString());
        Assert.Contains(
            $"was taken by a newer Kindling: it has migrations this build does not know ({future})",
            refused.Output
        );
        Assert.False(await ExistsAsync(provider, target));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Restore_OfAFileThatIsNoBackup_RefusesAndCreatesNothing(string provider)
    {
        var file = Path.Combine(_folder.FullName, "notes.txt");
        await File.WriteAllTextAsync(file, "not a backup at all, just some words in a file\n");
        var target = NewDatabase(provider);

        var refused = await KindlingCommand.RunAsync(provider, target, "restore", file);

        Assert.True(refused.Code == 1, refused.ToString());
        Assert.Contains(
            provider == "sqlite" ? "is not a readable SQLite database" : "is not a readable pg_dump archive",
            refused.Output
        );
        Assert.DoesNotContain("   at ", refused.Output); // a sentence, never a stack trace
        Assert.False(await ExistsAsync(provider, target));
    }

    [Fact]
    public async Task KindlingStart_WhileARestoreHoldsTheDatabase_Refuses()
    {
        var file = Path.Combine(_folder.FullName, "kindling.db");
        using var restoring = SqliteInUse.TryTakeExclusive(file);
        Assert.NotNull(restoring);
        await using var app = new KindlingApp(
            "sqlite",
            new Dictionary<string, string> { ["Database:ConnectionString"] = $"Data Source={file}" }
        );

        var refused = Record.Exception(() => app.Server);

        Assert.NotNull(refused);
        Assert.Contains($"{file} is being restored", refused.ToString());
        Assert.False(File.Exists(file)); // not created, not migrated
    }

    /// <summary>A running Kindling with a cohort, backed up by the real command while it runs.</summary>
    private async Task<(string Backup, Guid CohortId)> BackupOfAScenarioAsync(
        string provider,
        Func<KindlingDb, Task<int>>? before = null
    )
    {
        await using var app = new KindlingApp(provider);
        var s = await CohortScenario.CreateAsync(app);
        if (before is not null)
            await app.WithDbAsync(before);
        var backup = Path.Combine(_folder.FullName, provider == "sqlite" ? "backup.db" : "backup.dump");
        var taken = await KindlingCommand.RunAsync(provider, app.ConnectionString, "backup", backup);
        Assert.True(taken.Code == 0, taken.ToString());
        return (backup, s.CohortId);
    }

    private string NewDatabase(string provider) =>
        provider == "sqlite"
            ? $"Data Source={Path.Combine(_folder.FullName, "data", "kindling.db")}"
            : $"{Environment.GetEnvironmentVariable("KINDLING_TEST_PG")};Database=kindling_test_{Guid.NewGuid():N}";

    /// <summary>A context of its own, without pooling: the connection is closed when it is disposed, as a restore
    /// wants (it refuses while another connection is open).</summary>
    private static KindlingDb Context(string provider, string connection)
    {
        var options = new DbContextOptionsBuilder<KindlingDb>();
        options.UseKindlingDatabase(
            provider,
            provider == "sqlite"
                ? new SqliteConnectionStringBuilder(connection) { Pooling = false }.ToString()
                : new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ToString()
        );
        return new KindlingDb(options.Options);
    }

    private static async Task<bool> ExistsAsync(string provider, string connection)
    {
        if (provider == "sqlite")
            return File.Exists(new SqliteConnectionStringBuilder(connection).DataSource);
        await using var db = Context(provider, connection);
        return await db.Database.CanConnectAsync();
    }

    /// <summary>The Cohorts rows a pg_dump archive holds, as pg_restore writes them out.</summary>
    private static async Task<string> CohortsInDumpAsync(string dump)
    {
        var psi = new ProcessStartInfo("pg_restore", ["--data-only", "--table=Cohorts", "--file=-", dump])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(psi)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
