using Kindling.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// Instances starting together on one PostgreSQL database (at boot, or restarted together) prepare it one after the
/// other: migrations, roles, the built-in curriculum, the first-admin link. Npgsql holds EF Core's migration lock for
/// one migration at a time, so two instances could otherwise apply the same migration at once and one would fail to
/// start. This is a session-level advisory lock on an unpooled connection of its own, released when the preparation
/// ends or the process dies.
/// </summary>
public static class PreparationLock
{
    private const long Key = 0x4B494E444C494E47; // "KINDLING"

    /// <returns>The held lock, or null on SQLite and before the PostgreSQL database exists (the first migration
    /// creates it; create it beforehand when several instances may start at once).</returns>
    public static async Task<IAsyncDisposable?> TakeAsync(KindlingDb db)
    {
        if (!db.Database.IsNpgsql())
            return null;
        var unpooled = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(unpooled.ConnectionString);
        try
        {
            await connection.OpenAsync();
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", Key);
            take.CommandTimeout = 0; // as long as the other instance takes; systemd's start timeout bounds it
            await take.ExecuteNonQueryAsync();
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
