using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Kindling.Web.Features.Backups;

/// <summary>What a restore needs to know of the target database before it touches it.</summary>
internal sealed record PgState(IReadOnlyList<string> OtherConnections, int Tables, IReadOnlyList<string> Migrations);

internal static class PgDatabase
{
    /// <summary>Reads the database's state, creating it empty when it does not exist yet (as Kindling's first start
    /// would).</summary>
    public static async Task<PgState> InspectAsync(DatabaseTarget target, TextWriter output)
    {
        var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString)
        {
            Pooling = false,
            ApplicationName = "kindling-backup",
        };
        await using var connection = new NpgsqlConnection(cs.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await CreateAsync(target);
            output.WriteLine($"Created the empty database '{target.PostgresDatabase}'.");
            return new PgState([], 0, []);
        }
        var others = await StringsAsync(
            connection,
            """
            SELECT coalesce(nullif(application_name, ''), 'unnamed') || coalesce(' from ' || host(client_addr), '')
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """
        );
        var tables = await StringsAsync(
            connection,
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        );
        var migrations = tables.Contains(BackupSummary.HistoryTable)
            ? await StringsAsync(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"")
            : [];
        return new PgState(others, tables.Count, migrations);
    }

    /// <summary>A database name as a libpq connection string, so that no name is ever read as options.</summary>
    public static string ConnInfoName(string database)
    {
        var quoted = database
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("'", "\\'", StringComparison.Ordinal);
        return $"dbname='{quoted}'";
    }

    private static async Task CreateAsync(DatabaseTarget target)
    {
        await using var db = target.Context();
        await db.GetService<IRelationalDatabaseCreator>().CreateAsync();
    }

    private static async Task<List<string>> StringsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<string>();
        while (await reader.ReadAsync())
            found.Add(reader.GetString(0));
        return found;
    }
}
