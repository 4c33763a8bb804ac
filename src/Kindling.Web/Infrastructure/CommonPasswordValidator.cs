using System.Reflection;
using Kindling.Domain;
using Microsoft.AspNetCore.Identity;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// The password policy on top of the length rule (OWASP ASVS 5.0 level 2, no composition rules): refuses passwords from
/// the shipped list of common passwords, ones built from the account's own e-mail name, and any that zxcvbn judges
/// quick to guess (<see cref="PasswordStrength"/>). Identity runs it wherever a password is set.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success);
        var lower = password.ToLowerInvariant();
        var local = user.Email?.Split('@')[0].ToLowerInvariant();
        if (Common.Value.Contains(lower) || IsRun(lower))
            return Fail(
                "CommonPassword",
                "This password is too common and easy to guess. Try a few unrelated words together."
            );
        if (!string.IsNullOrEmpty(local) && local.Length >= 4 && lower.Contains(local))
            return Fail("PasswordContainsEmail", "The password must not contain your e-mail name.");
        if (PasswordStrength.Weakness(password, [user.Email, user.DisplayName]) is { } why)
            return Fail("WeakPassword", why);
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Fail(string code, string text) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = text }));

    /// <summary>"aaaaaaaaaaaa", "123456789012", "abcdefghijkl": a single repeated or counting run.</summary>
    private static bool IsRun(string p)
    {
        if (p.Distinct().Count() == 1)
            return true;
        for (var i = 1; i < p.Length; i++)
            if (p[i] - p[i - 1] != 1 && !(p[i] == '0' && p[i - 1] == '9'))
                return false;
        return true;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly
            .GetExecutingAssembly()
            .GetManifestResourceStream("Kindling.Web.Infrastructure.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
