using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kindling.Tests.Infrastructure;

/// <summary>
/// Kindling runs on the compiled models (CompiledModels), which nothing regenerates by itself: each provider's must
/// describe exactly the model EF Core builds from the entity configurations, or queries would silently use a stale
/// one. The long debug view lists every entity, property, column, key, index, converter and annotation.
/// </summary>
public class CompiledModelsUpToDateTests
{
    [Theory]
    [InlineData(ProviderSwitch.Sqlite, "Data Source=unused.db")]
    [InlineData(ProviderSwitch.Postgres, "Host=127.0.0.1;Database=unused")]
    public void EachProvidersCompiledModel_MatchesTheModelBuiltFromTheConfigurations(string provider, string connection)
    {
        var built = DebugView(new DbContextOptionsBuilder<KindlingDb>().UseKindlingDatabase(provider, connection));
        var compiled = DebugView(
            new DbContextOptionsBuilder<KindlingDb>()
                .UseKindlingDatabase(provider, connection)
                .UseModel(CompiledModels.For(provider))
        );

        Assert.True(
            built == compiled,
            $"The {provider} compiled model is stale: run ./compiled-models.sh (CONTRIBUTING.md).\n"
                + FirstDifference(built, compiled)
        );
    }

    private static string DebugView(DbContextOptionsBuilder options)
    {
        using var db = new KindlingDb((DbContextOptions<KindlingDb>)options.Options);
        return db.Model.ToDebugString(MetadataDebugStringOptions.LongDefault);
    }

    private static string FirstDifference(string built, string compiled)
    {
        var (a, b) = (built.Split('\n'), compiled.Split('\n'));
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        return $"Line {i + 1}: built '{a.ElementAtOrDefault(i)?.Trim()}', compiled '{b.ElementAtOrDefault(i)?.Trim()}'";
    }
}
