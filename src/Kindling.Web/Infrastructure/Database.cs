using System.ComponentModel.DataAnnotations;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure.Reads;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kindling.Web.Infrastructure;

/// <summary>Which database Kindling uses. SQLite needs nothing; PostgreSQL needs a connection string.</summary>
public sealed class DatabaseOptions
{
    [
        Required,
        RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Database:Provider must be 'sqlite' or 'postgres'.")
    ]
    public string Provider { get; set; } = ProviderSwitch.Sqlite;

    /// <summary>For SQLite defaults to a file under App_Data in the working directory.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>Work a feature does once the database is ready, before Kindling serves anything.</summary>
public interface IStartupTask
{
    Task RunAsync();
}

public static class DatabaseSetup
{
    public static void AddKindlingDatabase(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection("Database"))
            .ValidateDataAnnotations()
            .Validate(
                o => o.Provider == ProviderSwitch.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is 'postgres'."
            )
            .ValidateOnStart();
        var opts = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = ConnectionStringOf(opts);
        if (string.IsNullOrWhiteSpace(opts.ConnectionString) && opts.Provider == ProviderSwitch.Sqlite)
            Directory.CreateDirectory(Path.GetDirectoryName(DefaultSqliteFile)!);
        // Features watch saves through interceptors they register as IInterceptor (e.g. the outbox wakes its sender);
        // they are singletons, so the options are built once. Contexts are pooled: a request rents one instead of
        // building it and its services anew (docs/performance.md, Pages). A context caches "nobody listens to my
        // commands" for a while; a pooled one lives long and would keep that from before tracing started (preparing
        // the database), so it looks every time instead: traces have every query from the first request on.
        // Pages keep what they read until a table they read is written (ReadCache); every write is seen here.
        builder.Services.AddSingleton<TableVersions>();
        builder.Services.AddSingleton<ReadCache>();
        builder.Services.AddSingleton<IInterceptor, TableWriteWatcher>();
        builder.Services.AddDbContextPool<KindlingDb>(
            (sp, o) =>
                o.UseKindlingDatabase(opts.Provider, connection)
                    .UseModel(CompiledModels.For(opts.Provider))
                    .AddInterceptors(sp.GetServices<IInterceptor>())
                    .ConfigureLoggingCacheTime(TimeSpan.Zero)
                    // Migrating at start-up would compare the whole model with the migrations' snapshot first, a
                    // noticeable part of a cold start; MigrationsUpToDateTests checks that for every provider instead.
                    .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        );
    }

    /// <summary>Where SQLite lives when no connection string is set: App_Data under the working directory.</summary>
    public static string DefaultSqliteFile => Path.Combine(Directory.GetCurrentDirectory(), "App_Data", "kindling.db");

    /// <summary>The connection string Kindling opens: the configured one, or the default SQLite file.</summary>
    public static string ConnectionStringOf(DatabaseOptions opts) =>
        opts.Provider == ProviderSwitch.Sqlite && string.IsNullOrWhiteSpace(opts.ConnectionString)
            ? $"Data Source={DefaultSqliteFile}"
            : opts.ConnectionString ?? "";

    /// <summary>
    /// Migrates, creates the instance roles, then runs what features need before the first request, in the order
    /// they were registered (<see cref="IStartupTask"/>: the built-in curriculum, then the first-admin link). On
    /// PostgreSQL one instance at a time (<see cref="PreparationLock"/>).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<KindlingDb>();
        await using var preparing = await PreparationLock.TakeAsync(db);
        if (db.Database.IsSqlite())
        {
            // Held while Kindling runs: a restore refuses to replace the file under it (SqliteInUse).
            if (SqliteInUse.HoldWhileRunning(db.Database.GetConnectionString() ?? "") is { } inUse)
                app.Lifetime.ApplicationStopped.Register(inUse.Dispose);
            await MigrateIfBehindAsync(db);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        else
            await MigrateIfBehindAsync(db);

        // One query for the few roles there are, rather than a lookup per role: after the first start all exist.
        var existing = await db.Roles.Select(r => r.Name).ToListAsync();
        var roles = new[] { InstanceRoles.Admin, InstanceRoles.Facilitator, InstanceRoles.SafetyContact };
        foreach (var role in roles.Where(r => !existing.Contains(r)))
            await sp.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(role));

        foreach (var task in sp.GetServices<IStartupTask>())
            await task.RunAsync();
    }

    /// <summary>
    /// Migrates only a database that lacks a migration: asking which are applied is one read of the history table,
    /// where migrating takes EF Core's migration lock and its scripts on every start (a part of a cold start,
    /// docs/performance.md). On PostgreSQL the preparation lock is held meanwhile, so no other instance migrates
    /// between the question and the answer.
    /// </summary>
    private static async Task MigrateIfBehindAsync(KindlingDb db)
    {
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
            await db.Database.MigrateAsync();
    }
}
