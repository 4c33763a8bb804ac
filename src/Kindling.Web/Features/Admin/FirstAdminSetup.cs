using System.Security.Cryptography;
using System.Text;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Admin;

/// <summary>
/// While the instance has no admin, a one-time link (printed at start-up) lets the person who started it create
/// the first admin account. Only a hash of the token is stored; the link stops working once an admin exists.
/// </summary>
public sealed class FirstAdminSetup(IServiceScopeFactory scopes, TimeProvider clock) : IStartupTask, IStartupNotice
{
    /// <summary>
    /// Instances started together on one database (several behind a proxy) each print a link, and each link works; a
    /// start this long after an earlier one replaces that earlier link.
    /// </summary>
    public static readonly TimeSpan SharedFor = TimeSpan.FromMinutes(15);

    Task IStartupTask.RunAsync() => IssueLinkIfNoAdminAsync();

    string? IStartupNotice.Line(string baseUrl) =>
        PendingToken is { } token ? $"Create the first admin account (one-time link): {baseUrl}/setup/{token}" : null;

    public string? PendingToken { get; private set; }

    public async Task IssueLinkIfNoAdminAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        // Asked of the tables directly: building a UserManager (validators, hashers, the password lists) and loading
        // every admin was a large share of a cold start, for a yes or no.
        if (await db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == InstanceRoles.Admin)))
        {
            PendingToken = null;
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var replaced = now - SharedFor;
        db.SetupTokens.RemoveRange(db.SetupTokens.Where(t => t.CreatedUtc < replaced));
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        db.SetupTokens.Add(new SetupToken { TokenHash = Hash(token), CreatedUtc = now });
        await db.SaveChangesAsync();
        PendingToken = token;
    }

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    public static async Task<bool> IsValidAsync(KindlingDb db, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            return false;
        var hash = Hash(token);
        return await db.SetupTokens.AnyAsync(t => t.TokenHash == hash);
    }

    public void Consumed() => PendingToken = null;
}

public static class AdminSetup
{
    /// <summary>The first-admin link: issued at start-up after the curriculum is loaded, printed in the
    /// banner.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services
            .AddSingleton<FirstAdminSetup>()
            .AddSingleton<IStartupTask>(sp => sp.GetRequiredService<FirstAdminSetup>())
            .AddSingleton<IStartupNotice>(sp => sp.GetRequiredService<FirstAdminSetup>());
}
