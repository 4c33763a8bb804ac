using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Account;

/// <summary>A sign-in for an unknown address does the same password work as one for a real account, so time tells
/// nothing.</summary>
[Collection(GuardedCollection.Name)]
public class SignInEnumerationTests(GuardedApps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_UnknownAddress_ChecksThePasswordAgainstAHashOfTheSameCost(string provider)
    {
        var app = apps.Get(provider);
        var hasher = app.Services.GetRequiredService<RecordingHasher>();
        var real = await app.CreateUserAsync($"real-{Guid.NewGuid():N}@example.org", CohortScenario.Password);
        var realHash = await app.WithDbAsync(db =>
            db.Users.Where(u => u.Id == real.Id).Select(u => u.PasswordHash!).SingleAsync()
        );
        var guess = $"guess-{Guid.NewGuid():N}";

        using var client = apps.ClientAtNewAddress(app);
        var page = await client.PostFormAsync(
            "/account/signin",
            new Dictionary<string, string>
            {
                ["Email"] = $"nobody-{Guid.NewGuid():N}@example.org",
                ["Password"] = guess,
            }
        );

        Assert.Contains(page.Errors, e => e.Contains("don't match an account"));
        var (hash, _) = Assert.Single(hasher.Verified, v => v.Password == guess);
        Assert.NotEqual(realHash, hash);
        Assert.Equal(RecordingHasher.Iterations(realHash), RecordingHasher.Iterations(hash));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_LockedAccount_StillChecksAPasswordOfTheSameCost(string provider)
    {
        var app = apps.Get(provider);
        var hasher = app.Services.GetRequiredService<RecordingHasher>();
        var real = await app.CreateUserAsync($"locked-{Guid.NewGuid():N}@example.org", CohortScenario.Password);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync(
                (await users.FindByIdAsync(real.Id))!,
                app.Clock.GetUtcNow().AddMinutes(15)
            );
        }
        var guess = $"guess-{Guid.NewGuid():N}";

        using var client = apps.ClientAtNewAddress(app);
        var page = await client.PostFormAsync(
            "/account/signin",
            new Dictionary<string, string> { ["Email"] = real.Email!, ["Password"] = guess }
        );

        Assert.Contains(page.Errors, e => e.Contains("don't match an account, or the account is locked"));
        var (hash, _) = Assert.Single(hasher.Verified, v => v.Password == guess);
        var realHash = await app.WithDbAsync(db =>
            db.Users.Where(u => u.Id == real.Id).Select(u => u.PasswordHash!).SingleAsync()
        );
        Assert.Equal(RecordingHasher.Iterations(realHash), RecordingHasher.Iterations(hash));
    }
}
