using Kindling.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kindling.Migrations.Postgres;

/// <summary>Lets 'dotnet ef' build the model for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KindlingDb>
{
    public KindlingDb CreateDbContext(string[] args) =>
        new(
            (DbContextOptions<KindlingDb>)
                new DbContextOptionsBuilder<KindlingDb>()
                    .UseKindlingDatabase(
                        ProviderSwitch.Postgres,
                        "Host=127.0.0.1;Database=kindling_design;Username=postgres"
                    )
                    .Options
        );
}
