using Kindling.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kindling.Migrations.Sqlite;

/// <summary>Lets 'dotnet ef' build the model for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KindlingDb>
{
    public KindlingDb CreateDbContext(string[] args) =>
        new(
            (DbContextOptions<KindlingDb>)
                new DbContextOptionsBuilder<KindlingDb>()
                    .UseKindlingDatabase(ProviderSwitch.Sqlite, "Data Source=design.db")
                    .Options
        );
}
