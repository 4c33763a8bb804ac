using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Kindling.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app on a real database: a fresh SQLite file, or a fresh database on the throwaway PostgreSQL cluster
/// the test command starts (KINDLING_TEST_PG). Time is a FakeTimeProvider the tests move.
/// </summary>
public sealed class KindlingApp : WebApplicationFactory<Program>
{
    /// <summary>The fake clock starts at the real time: browsers and cookie jars judge cookie expiry by the real
    /// clock.</summary>
    public static DateTimeOffset Start =>
        new(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
    public string Provider { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    private readonly string _connection;

    /// <summary>The database the app runs on: its own fresh one, or the one the settings name.</summary>
    public string ConnectionString => _settings.GetValueOrDefault("Database:ConnectionString", _connection);

    /// <summary>Where mail goes when a test sets no SMTP server (Kindling's pickup folder).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"kindling-mail-{Guid.NewGuid():N}");
    private readonly string? _sqliteFile;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="settings">Configuration to set on top of the defaults, e.g. <c>["Live:BroadcastWindowMs"] =
    /// "2000"</c>.</param>
    /// <param name="services">Registrations to add after the app's own, e.g. a fake clock for the live broadcast
    /// window.</param>
    public KindlingApp(
        string provider,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null
    )
    {
        Provider = provider;
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        if (provider == "sqlite")
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"kindling-test-{Guid.NewGuid():N}.db");
            _connection = $"Data Source={_sqliteFile}";
        }
        else
        {
            var server =
                Environment.GetEnvironmentVariable("KINDLING_TEST_PG")
                ?? throw new InvalidOperationException(
                    "KINDLING_TEST_PG is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL "
                        + "cluster."
                );
            _connection = $"{server};Database=kindling_test_{Guid.NewGuid():N}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Database:ConnectionString", _connection);
        builder.UseSetting("Curriculum:BuiltInPath", Paths.Curriculum);
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        // Giving memory back acts on the whole process, and here dozens of apps share one: each would run its own full
        // collections of everyone's heap. The apps the browser tests start (one per process) keep it on.
        builder.UseSetting("Memory:GiveBackWhenIdle", "false");
        // The suite signs in from one address hundreds of times; RateLimitTests set low limits through settings.
        foreach (var kind in new[] { "SignIn", "Account", "Send", "Export", "Api" })
            builder.UseSetting($"RateLimits:{kind}:PermitLimit", "1000000");
        // Webhook tests receive on 127.0.0.1 over http; WebhookAddressTests turns it off again to see it refused.
        builder.UseSetting("Webhooks:AllowPrivateAddresses", "true");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            // Tests create and sign in thousands of accounts; at the production cost (210,000 PBKDF2 rounds, held by
            // IdentitySetupTests) hashing alone took most of the suite's time. Same hasher, same rules, fewer rounds.
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = TestHashIterations);
            _services?.Invoke(s);
        });
    }

    public const int TestHashIterations = 1_000;

    public string? SetupToken => Services.GetRequiredService<FirstAdminSetup>().PendingToken;

    public async Task<T> WithDbAsync<T>(Func<KindlingDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<KindlingDb>());
    }

    /// <summary>
    /// Creates an account directly (for arranging a test), optionally with instance roles. The password is hashed as
    /// sign-up would, without judging its strength: tests of the password rules go through the pages.
    /// </summary>
    public async Task<AppUser> CreateUserAsync(
        string email,
        string password,
        string zone = "UTC",
        params string[] roles
    )
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = email.Split('@')[0],
            TimeZoneId = zone,
            EmailConfirmed = true,
        };
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
            await users.AddToRolesAsync(user, roles);
        return user;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public PageClient Client() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public override async ValueTask DisposeAsync()
    {
        if (Provider == "postgres")
        {
            try
            {
                await PostgresDatabases.DropAsync(ConnectionString);
            }
            catch
            { /* cluster is removed anyway */
            }
        }
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder))
            Directory.Delete(MailFolder, recursive: true);
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (
                var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm", _sqliteFile + ".in-use" }
            )
                File.Delete(f);
        }
    }
}

public static class Paths
{
    public static string Root { get; } = FindRoot();
    public static string Curriculum => Path.Combine(Root, "curriculum");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kindling.slnx")))
            dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException("Could not find the repository root (Kindling.slnx).");
    }
}
