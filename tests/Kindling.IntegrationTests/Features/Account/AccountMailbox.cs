using System.Text.RegularExpressions;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OtpNet;

namespace Kindling.IntegrationTests.Features.Account;

/// <summary>Reads the mail Kindling wrote (its outbox rows, whole messages) and what the account pages need in
/// tests.</summary>
public static partial class AccountMailbox
{
    public static async Task<List<MimeMessage>> ToAsync(KindlingApp app, string address)
    {
        var rows = await app.WithDbAsync(db =>
            db.Outbox.AsNoTracking()
                .Where(o => o.ToAddress == address)
                .OrderBy(o => o.CreatedUtc)
                .Select(o => o.Mime)
                .ToListAsync()
        );
        return rows.Select(b => MimeMessage.Load(new MemoryStream(b))).ToList();
    }

    /// <summary>Waits for mail written after the answer (the password-reset request is handled after it).</summary>
    public static async Task<MimeMessage> WaitForAsync(KindlingApp app, string address, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var mails = await ToAsync(app, address);
            if (mails.Count >= count)
                return mails[count - 1];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No mail number {count} to {address} was written.");
            await Task.Delay(50);
        }
    }

    /// <summary>The site-relative address (path and query) of the first link in the mail's text under
    /// <paramref name="path"/>.</summary>
    public static string LinkIn(MimeMessage mail, string path)
    {
        foreach (Match m in Links().Matches(mail.TextBody ?? ""))
        {
            var uri = new Uri(m.Value);
            if (uri.AbsolutePath == path)
                return uri.PathAndQuery;
        }
        throw new InvalidOperationException($"No link to {path} in: {mail.TextBody}");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.org";

    /// <summary>Turns two-factor sign-in on as the set-up page would; returns the key and the recovery
    /// codes.</summary>
    public static async Task<(string Key, List<string> Codes)> EnableTwoFactorAsync(KindlingApp app, string userId)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        return ((await users.GetAuthenticatorKeyAsync(user))!, codes);
    }

    /// <summary>The code an authenticator app shows now (RFC 6238, 30 s, 6 digits, SHA-1).</summary>
    public static string Code(string key) =>
        new Totp(
            Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
        ).ComputeTotp();
}
