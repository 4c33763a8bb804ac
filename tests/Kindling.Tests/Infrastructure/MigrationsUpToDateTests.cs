using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Tests.Infrastructure;

/// <summary>
/// Kindling skips EF Core's pending-model-changes check when it migrates at start-up (it compares the whole model with
/// the snapshot, a noticeable part of a cold start), so this is where a model change without its migrations is caught:
/// each provider's migrations must describe the model exactly.
/// </summary>
public class MigrationsUpToDateTests
{
    [Theory]
    [InlineData(ProviderSwitch.Sqlite, "Data Source=unused.db")]
    [InlineData(ProviderSwitch.Postgres, "Host=127.0.0.1;Database=unused")]
    public void EachProvidersMigrations_MatchTheModel(string provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<KindlingDb>();
        options.UseKindlingDatabase(provider, connectionString);
        using var db = new KindlingDb(options.Options);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changes without a {provider} migration: add one with dotnet ef migrations add (CONTRIBUTING.md)."
        );
    }
}
