using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kindling.IntegrationTests.Features.Account;

/// <summary>
/// One app per provider with low rate limits, each client at an address of its own (the in-memory test server has
/// none: a test-only header sets <c>Connection.RemoteIpAddress</c>), and a password hasher that records what it checks.
/// </summary>
public sealed class GuardedApps : IAsyncLifetime
{
    public const int SignInLimit = 3;
    public const int SendLimit = 2;
    public const int ApiLimit = 4;
    private readonly ConcurrentDictionary<string, Lazy<KindlingApp>> _apps = new();
    private int _lastAddress;

    public KindlingApp Get(string provider) =>
        _apps
            .GetOrAdd(
                provider,
                p => new Lazy<KindlingApp>(() =>
                {
                    var app = new KindlingApp(
                        p,
                        new Dictionary<string, string>
                        {
                            ["RateLimits:SignIn:PermitLimit"] = SignInLimit.ToString(CultureInfo.InvariantCulture),
                            ["RateLimits:SignIn:WindowSeconds"] = "3600",
                            ["RateLimits:Send:PermitLimit"] = SendLimit.ToString(CultureInfo.InvariantCulture),
                            ["RateLimits:Send:WindowSeconds"] = "3600",
                            ["RateLimits:Api:PermitLimit"] = ApiLimit.ToString(CultureInfo.InvariantCulture),
                            ["RateLimits:Api:WindowSeconds"] = "3600",
                        },
                        s =>
                        {
                            s.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
                            s.AddSingleton<RecordingHasher>();
                            s.RemoveAll<IPasswordHasher<AppUser>>();
                            s.AddSingleton<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<RecordingHasher>());
                        }
                    );
                    _ = app.Server;
                    return app;
                })
            )
            .Value;

    /// <summary>An address no other client of this run uses (TEST-NET-3; only ever a header value, never
    /// contacted).</summary>
    public string NewAddress() => $"203.0.113.{Interlocked.Increment(ref _lastAddress) % 250 + 1}";

    public PageClient ClientAtNewAddress(KindlingApp app) => ClientAt(app, NewAddress());

    public static PageClient ClientAt(KindlingApp app, string address)
    {
        var client = app.Client();
        client.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
            await app.Value.DisposeAsync();
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (http, inner) =>
                    {
                        if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address))
                            http.Connection.RemoteIpAddress = address;
                        return inner(http);
                    }
                );
                next(app);
            };
    }
}

/// <summary>The app's own hasher (same options), noting every password it is asked to verify and the hash it checks it
/// against.</summary>
public sealed class RecordingHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);
    public ConcurrentQueue<(string Hash, string Password)> Verified { get; } = new();

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Verified.Enqueue((hashedPassword, providedPassword));
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    /// <summary>The PBKDF2 iteration count of an Identity v3 hash (format byte, PRF, iterations, salt length,
    /// ...).</summary>
    public static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
    }
}

[CollectionDefinition(Name)]
public sealed class GuardedCollection : ICollectionFixture<GuardedApps>
{
    public const string Name = "guarded";
}
