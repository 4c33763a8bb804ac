using Kindling.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Infrastructure;

/// <summary>A line a feature adds to the start-up banner, e.g. the one-time first-admin link; null for none.</summary>
public interface IStartupNotice
{
    string? Line(string baseUrl);
}

public static class Banner
{
    /// <summary>
    /// Prints where Kindling listens, which database it uses and, until an admin exists, the one-time set-up link. With
    /// JSON console logs (<c>Logging:Console:FormatterName=json</c>) the same lines are log entries with named
    /// properties, so the console stays one JSON object per line.
    /// </summary>
    public static void PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app
                .Services.GetRequiredService<IServer>()
                .Features.Get<IServerAddressesFeature>()
                ?.Addresses;
            var listening = addresses?.FirstOrDefault()?.TrimEnd('/');
            var url = app.Services.GetRequiredService<PublicUrls>().Base;
            var database = Describe(app.Services);
            var guessed =
                string.IsNullOrWhiteSpace(
                    app.Services.GetRequiredService<IOptions<PublicAddressOptions>>().Value.PublicUrl
                )
                && listening is not null
                && !listening.Contains("127.0.0.1", StringComparison.Ordinal)
                && !listening.Contains("localhost", StringComparison.Ordinal);
            var notices = app.Services.GetServices<IStartupNotice>().Select(n => n.Line(url)).OfType<string>().ToList();
            if (TelemetrySetup.JsonLogs(app.Configuration))
            {
                Log(app.Services.GetRequiredService<ILoggerFactory>(), url, listening, database, guessed, notices);
                return;
            }
            Console.WriteLine();
            Console.WriteLine(
                listening is null || listening == url
                    ? $"Kindling is running at {url}/"
                    : $"Kindling is running at {url}/ (listening on {listening})"
            );
            Console.WriteLine($"Database: {database}");
            if (guessed)
                Console.WriteLine(
                    $"Set Kindling__PublicUrl to the address people use: links in invitations and calendars now say "
                        + $"{url}."
                );
            foreach (var line in notices)
                Console.WriteLine(line);
            Console.WriteLine();
        });
    }

    private static void Log(
        ILoggerFactory loggers,
        string url,
        string? listening,
        string database,
        bool guessed,
        List<string> notices
    )
    {
        var log = loggers.CreateLogger("Kindling.Startup");
        log.LogInformation(
            "Kindling is running at {Url}/ (listening on {Listening}), version {Version}, commit {Commit}",
            url,
            listening ?? url,
            InstanceInfo.Version,
            InstanceInfo.Commit ?? "unknown"
        );
        log.LogInformation("Database: {Database}", database);
        if (guessed)
            log.LogWarning(
                "Set Kindling__PublicUrl to the address people use: links in invitations and calendars now say {Url}",
                url
            );
        foreach (var line in notices)
            log.LogInformation("{Notice}", line);
    }

    private static string Describe(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return DescribeDatabase(scope.ServiceProvider.GetRequiredService<KindlingDb>());
    }

    /// <summary>Which database, where: the SQLite file, or the PostgreSQL database and host (never a
    /// password).</summary>
    public static string DescribeDatabase(KindlingDb db)
    {
        var connection = db.Database.GetDbConnection();
        return connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? $"SQLite file {Path.GetFullPath(sqlite.DataSource)}"
            : $"PostgreSQL database '{connection.Database}' on {connection.DataSource}";
    }
}
