using Microsoft.EntityFrameworkCore;

namespace Kindling.Data;

/// <summary>The one place that knows which database provider and migrations assembly to use.</summary>
public static class ProviderSwitch
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static DbContextOptionsBuilder UseKindlingDatabase(
        this DbContextOptionsBuilder o,
        string provider,
        string connectionString
    ) =>
        provider.ToLowerInvariant() switch
        {
            Sqlite => o.UseSqlite(connectionString, x => x.MigrationsAssembly("Kindling.Migrations.Sqlite")),
            Postgres => o.UseNpgsql(connectionString, x => x.MigrationsAssembly("Kindling.Migrations.Postgres")),
            _ => throw new InvalidOperationException(
                $"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'."
            ),
        };
}
