using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kindling.IntegrationTests.Features.Deployment;

/// <summary>
/// Instances sharing one PostgreSQL database start at the same moment at boot, or when restarted together
/// (deploy/systemd/kindling@.service): they prepare the database one after the other, and both start.
/// </summary>
public class ConcurrentStartTests
{
    [Fact]
    public async Task TwoInstances_StartingTogetherOnANewDatabase_BothStartWithWorkingSetupLinks()
    {
        var server =
            Environment.GetEnvironmentVariable("KINDLING_TEST_PG")
            ?? throw new InvalidOperationException("KINDLING_TEST_PG is not set: run the tests with ./test.sh.");
        // The operator creates the (empty) database, as docs/operations.md says; Kindling creates the tables.
        var database = $"kindling_test_{Guid.NewGuid():N}";
        await using (var postgres = new NpgsqlConnection(server))
        {
            await postgres.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", postgres);
            await create.ExecuteNonQueryAsync();
        }
        var settings = new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = $"{server};Database={database}",
        };
        await using var a = new KindlingApp("postgres", settings);
        await using var b = new KindlingApp("postgres", settings);

        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        using var client = a.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/setup/{a.SetupToken}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/setup/{b.SetupToken}")).Status);
        Assert.Equal(
            Directory.GetDirectories(Paths.Curriculum).Length,
            await a.WithDbAsync(db => db.Curricula.CountAsync(c => c.IsBuiltIn))
        );
    }
}
