namespace Kindling.IntegrationTests.Infrastructure;

/// <summary>One app per provider, shared by every test class in the run; each test arranges its own cohort and
/// users.</summary>
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

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<Apps>
{
    public const string Name = "app";
}

/// <summary>Data for tests that run once per database provider.</summary>
public static class Providers
{
    public static TheoryData<string> Both => new() { "sqlite", "postgres" };
}
