using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kindling.Web.Features.Backups;

/// <summary>The database the configuration names, read exactly as the server reads it (appsettings, environment,
/// command line), without starting anything.</summary>
internal sealed record DatabaseTarget(string Provider, string ConnectionString)
{
    public bool IsSqlite => Provider == ProviderSwitch.Sqlite;

    /// <param name="settings">Configuration given after the command, e.g. <c>--Database:Provider=postgres</c>.</param>
    public static DatabaseTarget FromConfiguration(string[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        var opts = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = opts.Provider.ToLowerInvariant();
        if (provider is not (ProviderSwitch.Sqlite or ProviderSwitch.Postgres))
            throw new BackupFailed($"Database:Provider must be 'sqlite' or 'postgres', not '{opts.Provider}'.");
        if (provider == ProviderSwitch.Postgres && string.IsNullOrWhiteSpace(opts.ConnectionString))
            throw new BackupFailed("Database:ConnectionString is required when Database:Provider is 'postgres'.");
        return new(provider, DatabaseSetup.ConnectionStringOf(opts));
    }

    /// <summary>The SQLite file, as a full path.</summary>
    public string SqliteFile =>
        SqliteInUse.FileOf(ConnectionString)
        ?? throw new BackupFailed("The configured SQLite database is in memory: there is nothing to back up.");

    public NpgsqlConnectionStringBuilder Postgres => new(ConnectionString);

    /// <summary>The PostgreSQL database's name (like libpq, Npgsql takes the user's name when none is given).</summary>
    public string PostgresDatabase => Postgres.Database ?? Postgres.Username ?? "";

    public string Describe() =>
        IsSqlite
            ? $"SQLite file {SqliteFile}"
            : $"PostgreSQL database '{PostgresDatabase}' on {Postgres.Host}:{Postgres.Port}";

    /// <summary>The migrations this build of Kindling knows, oldest first.</summary>
    public IReadOnlyList<string> BuildMigrations()
    {
        using var db = Context();
        return db.Database.GetMigrations().ToList();
    }

    /// <summary>A context on the database, without the app's services (nothing is opened until used).</summary>
    public KindlingDb Context()
    {
        var options = new DbContextOptionsBuilder<KindlingDb>();
        options.UseKindlingDatabase(Provider, ConnectionString);
        return new KindlingDb(options.Options);
    }
}

/// <summary>A command refused or failed, with a sentence for the operator (never a stack trace).</summary>
internal sealed class BackupFailed(string message) : Exception(message);
