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
    /// <summary>Prints where Kindling listens, which database it uses and, until an admin exists, the one-time set-up
    /// link.</summary>
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
            Console.WriteLine();
            Console.WriteLine(
                listening is null || listening == url
                    ? $"Kindling is running at {url}/"
                    : $"Kindling is running at {url}/ (listening on {listening})"
            );
            Console.WriteLine($"Database: {Describe(app.Services)}");
            if (
                string.IsNullOrWhiteSpace(
                    app.Services.GetRequiredService<IOptions<PublicAddressOptions>>().Value.PublicUrl
                )
                && listening is not null
                && !listening.Contains("127.0.0.1")
                && !listening.Contains("localhost")
            )
                Console.WriteLine(
                    $"Set Kindling__PublicUrl to the address people use: links in invitations and calendars now say "
                        + $"{url}."
                );
            foreach (var notice in app.Services.GetServices<IStartupNotice>())
                if (notice.Line(url) is { } line)
                    Console.WriteLine(line);
            Console.WriteLine();
        });
    }

    private static string Describe(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<KindlingDb>().Database.GetDbConnection();
        return connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? $"SQLite file {Path.GetFullPath(sqlite.DataSource)}"
            : $"PostgreSQL database '{connection.Database}' on {connection.DataSource}";
    }
}
