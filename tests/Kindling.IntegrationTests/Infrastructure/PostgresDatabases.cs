using Npgsql;

namespace Kindling.IntegrationTests.Infrastructure;

/// <summary>Drops a test's PostgreSQL database without touching any other test's connections.</summary>
public static class PostgresDatabases
{
    /// <summary>
    /// EF Core's <c>EnsureDeleted</c> on PostgreSQL clears every connection pool of the process first, so a test
    /// ending beside another one closed that one's idle connections too: a Kindling still running then looked
    /// unused to the restore command's check. Only this database's pool is cleared here, and the drop ends this
    /// database's sessions itself.
    /// </summary>
    public static async Task DropAsync(string connectionString)
    {
        await using (var own = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(own);
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var name = server.Database ?? throw new ArgumentException("No database named.", nameof(connectionString));
        server.Database = "postgres";
        server.Pooling = false;
        await using var admin = new NpgsqlConnection(server.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand(
            $"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)",
            admin
        );
        await drop.ExecuteNonQueryAsync();
    }
}
