using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Backups;

/// <summary>
/// The operator's <c>backup</c> and <c>restore</c> commands, run as processes of the built app against a Kindling that
/// is running and writing: SQLite's online backup, pg_dump / pg_restore on PostgreSQL.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kindling-backups-");

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BackupWhileKindlingWrites_RestoredIntoANewDatabase_KindlingStartsOnItWithEveryEarlierRow(
        string provider
    )
    {
        await using var app = new KindlingApp(provider);
        var s = await CohortScenario.CreateAsync(app);
        var participant = s.Users["participant"];
        using var browser = s.App.Client();
        var signIn = await browser.SignInAsync(participant.Email!, CohortScenario.Password);
        var backup = BackupFile(provider);

        int before,
            after;
        KindlingCommand.Result taken;
        await using (var writer = new NumberedWriter(app, participant.Id))
        {
            await writer.WaitForAsync(20);
            before = writer.Committed;
            taken = await KindlingCommand.RunAsync(provider, app.ConnectionString, "backup", backup);
            after = writer.Committed;
        }
        Assert.True(taken.Code == 0, taken.ToString());
        Assert.True(after > before, $"The writer stalled during the backup ({before} → {after} rows).");
        if (provider == "sqlite")
            Assert.Equal("ok", SqliteScalar(backup, "PRAGMA integrity_check"));

        var restoredConnection = NewDatabase(provider);
        var restored = await KindlingCommand.RunAsync(provider, restoredConnection, "restore", backup);
        Assert.True(restored.Code == 0, restored.ToString());
        await using var again = new KindlingApp(
            provider,
            new Dictionary<string, string> { ["Database:ConnectionString"] = restoredConnection }
        );
        // No migration is pending before Kindling starts on it: the restore brought the schema and its history.
        var pending = await again.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(pending);

        var numbers = await again.WithDbAsync(db =>
            db.Notifications.Where(n => n.UserId == participant.Id && n.Title.StartsWith(NumberedWriter.Prefix))
                .Select(n => n.Title)
                .ToListAsync()
        );
        var held = numbers.Select(NumberedWriter.NumberOf).Order().ToList();
        // Every row committed before the backup began, and a consistent cut: rows 0 … n-1 with no gap.
        Assert.True(held.Count >= before, $"The backup holds {held.Count} of the {before} rows committed before it.");
        Assert.Equal(Enumerable.Range(0, held.Count), held);
        // Sign-in cookies stay valid: the Data Protection keys and the security stamps are in the database.
        using var client = again.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }
        );
        client.DefaultRequestHeaders.Add("Cookie", AuthCookie(signIn));
        var cohort = await client.GetAsync($"/cohorts/{s.CohortId}");
        Assert.Equal(HttpStatusCode.OK, cohort.StatusCode);
        Assert.Contains("Spring cohort", await cohort.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Restore_WhileKindlingRunsOnTheDatabase_RefusesAndChangesNothing(string provider)
    {
        await using var app = new KindlingApp(provider);
        var s = await CohortScenario.CreateAsync(app);
        var backup = BackupFile(provider);
        Assert.Equal(0, (await KindlingCommand.RunAsync(provider, app.ConnectionString, "backup", backup)).Code);
        await app.WithDbAsync(db =>
        {
            db.Cohorts.Single(c => c.Id == s.CohortId).Name = "Renamed after the backup";
            return db.SaveChangesAsync();
        });

        var refused = await KindlingCommand.RunAsync(provider, app.ConnectionString, "restore", backup);

        Assert.True(refused.Code == 1, refused.ToString());
        Assert.Contains(provider == "sqlite" ? "Kindling is running on" : "other connection(s) use", refused.Output);
        Assert.Contains("Nothing was changed.", refused.Output);
        Assert.Equal(
            "Renamed after the backup",
            await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.Name).SingleAsync())
        );
        Assert.Single(_folder.GetFiles()); // the backup alone: no copy of the database was kept, nothing replaced
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Backup_OntoAnExistingFile_RefusesUnlessForced(string provider)
    {
        await using var app = new KindlingApp(provider);
        _ = app.Server;
        var backup = BackupFile(provider);
        await File.WriteAllTextAsync(backup, "yesterday's backup");

        var refused = await KindlingCommand.RunAsync(provider, app.ConnectionString, "backup", backup);
        Assert.True(refused.Code == 1, refused.ToString());
        Assert.Contains("already exists", refused.Output);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(backup));

        var forced = await KindlingCommand.RunAsync(provider, app.ConnectionString, "backup", backup, "--force");
        Assert.True(forced.Code == 0, forced.ToString());
        Assert.NotEqual("yesterday's backup", await File.ReadAllTextAsync(backup));
        Assert.Single(_folder.GetFiles()); // no temporary file left beside it
    }

    internal static string SqliteScalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static string AuthCookie(PageClient.Page signIn) =>
        signIn
            .SetCookies.Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith("kindling.auth=", StringComparison.Ordinal));

    private string BackupFile(string provider) =>
        Path.Combine(_folder.FullName, provider == "sqlite" ? "kindling-backup.db" : "kindling-backup.dump");

    /// <summary>A database that does not exist yet: a file in a folder not yet made, or a new PostgreSQL name.</summary>
    internal string NewDatabase(string provider) =>
        provider == "sqlite"
            ? $"Data Source={Path.Combine(_folder.FullName, "restored", "kindling.db")}"
            : $"{Environment.GetEnvironmentVariable("KINDLING_TEST_PG")};Database=kindling_test_{Guid.NewGuid():N}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
