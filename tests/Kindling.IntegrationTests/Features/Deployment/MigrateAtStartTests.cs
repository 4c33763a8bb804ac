using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>
/// An upgrade: Kindling starting on the database an older release left (a migration behind) brings it up to date
/// before serving; a start on an up-to-date database skips migrating (docs/performance.md, cold start).
/// </summary>
public class MigrateAtStartTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Start_OnADatabaseAMigrationBehind_AppliesIt(string provider)
    {
        await using var older = new KindlingApp(provider);
        var all = await older.WithDbAsync(async db =>
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            // As the release before the newest migration left it.
            await db.GetService<IMigrator>().MigrateAsync(applied[^2]);
            return applied;
        });
        Assert.Equal(
            all.Count - 1,
            await older.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).Count())
        );

        await using var upgraded = new KindlingApp(
            provider,
            new Dictionary<string, string> { ["Database:ConnectionString"] = older.ConnectionString }
        );
        _ = upgraded.Server;

        Assert.Equal(
            all,
            await upgraded.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList())
        );
        // The newest migration's table is back, and the start used it (it records the curriculum sync there).
        Assert.True(await upgraded.WithDbAsync(db => db.BuiltInCurriculumSyncs.AnyAsync()));
    }
}
