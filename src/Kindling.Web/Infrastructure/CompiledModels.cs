using Kindling.Data;
using Microsoft.EntityFrameworkCore.Metadata;
using PostgresModel = Kindling.Migrations.Postgres.CompiledModel.KindlingDbModel;
using SqliteModel = Kindling.Migrations.Sqlite.CompiledModel.KindlingDbModel;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// EF Core's model of each provider, generated ahead of time (compiled-models.sh): building it from the entity
/// configurations was a fifth of a cold start. Each provider has its own (column types, value generation differ), and
/// one process may use both (the integration tests); CompiledModelsUpToDateTests fails when one is stale.
/// </summary>
public static class CompiledModels
{
    public static IModel For(string provider) =>
        provider.ToLowerInvariant() switch
        {
            ProviderSwitch.Sqlite => SqliteModel.Instance,
            ProviderSwitch.Postgres => PostgresModel.Instance,
            _ => throw new InvalidOperationException($"No compiled model for the database provider '{provider}'."),
        };
}
