using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kindling.Tests.Account;

/// <summary>
/// The account settings the running app uses (the integration tests lower the hashing cost to stay fast, so the
/// production values are held here, where nothing overrides them).
/// </summary>
public class IdentitySetupTests
{
    private static ServiceProvider Services()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddKindlingIdentity();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Passwords_AreHashedWithAtLeast210000Rounds()
    {
        using var services = Services();
        var hashing = services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, hashing.CompatibilityMode);
        Assert.True(hashing.IterationCount >= 210_000, $"{hashing.IterationCount} rounds");
    }

    [Fact]
    public void PasswordRules_AreLengthAndStrengthNotComposition_AndLockoutIsOn()
    {
        using var services = Services();
        var o = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        Assert.Equal(12, o.Password.RequiredLength);
        Assert.False(
            o.Password.RequireDigit
                || o.Password.RequireUppercase
                || o.Password.RequireLowercase
                || o.Password.RequireNonAlphanumeric
        );
        Assert.Equal(5, o.Lockout.MaxFailedAccessAttempts);
        Assert.True(o.Lockout.AllowedForNewUsers);
        Assert.Contains(services.GetServices<IPasswordValidator<AppUser>>(), v => v is CommonPasswordValidator);
    }
}
