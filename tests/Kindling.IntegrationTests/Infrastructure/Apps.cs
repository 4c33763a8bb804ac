namespace Kindling.IntegrationTests.Infrastructure;

/// <summary>One app per provider, shared by every test class of a collection (<see cref="AppCollection"/> or
/// <see cref="SecondAppCollection"/>); each test arranges its own cohort and users.</summary>
public sealed class Apps : IAsyncLifetime, IDisposable
{
    private readonly Dictionary<string, KindlingApp> _apps = new();
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<KindlingApp> GetAsync(string provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new KindlingApp(provider);
                _ = app.Server; // start now: migrates and loads the curriculum
                _apps[provider] = app;
            }
            return app;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
            await app.DisposeAsync();
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>
/// The shared apps' tests, in two collections with an app pair each: the tests of one collection run one after the
/// other (they move its apps' clocks), and the two collections run side by side, one per core. Account, concerns,
/// admin, messages and the rest are here; the live session, cohorts, charter, worksheets, curricula and schedule in
/// <see cref="SecondAppCollection"/>. A test that changes what every test sees (built-in curriculum, instance
/// settings) still takes an app of its own (<c>new KindlingApp(provider)</c>), in either collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<Apps>
{
    public const string Name = "app";
}

/// <summary>The other half of the shared apps' tests (see <see cref="AppCollection"/>), on apps of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SecondAppCollection : ICollectionFixture<Apps>
{
    public const string Name = "app-2";
}

/// <summary>Data for tests that run once per database provider.</summary>
public static class Providers
{
    public static TheoryData<string> Both => new() { "sqlite", "postgres" };
}
