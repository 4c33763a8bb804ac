using System.Security.Cryptography;
using System.Text;
using Kindling.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// Identity's tokens for the links Kindling e-mails: password reset, address confirmation and address change. Like
/// Identity's own data-protection provider, but timed by the injected clock, with a lifetime per purpose, and each
/// bound to what must not have changed since the link was sent:
/// <list type="bullet">
/// <item>a reset, to the security stamp: the reset changes the stamp, so the link works once (and a password change
/// or a sign-out everywhere voids it too);</item>
/// <item>a confirmation or an address change, to the address at the time: once confirmed or changed the link is
/// spent, but signing out in between (which changes the stamp) does not void it.</item>
/// </list>
/// </summary>
public sealed class AccountTokenProvider(IDataProtectionProvider protection, TimeProvider clock)
    : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "KindlingAccount";

    /// <summary>A reset link is short-lived: whoever reads the mailbox later can't use it.</summary>
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    /// <summary>Confirmation may wait for a weekend away from the mailbox.</summary>
    public static readonly TimeSpan AddressLifetime = TimeSpan.FromDays(3);

    private readonly IDataProtector _protector = protection.CreateProtector("Kindling.AccountTokens.v1");

    public static TimeSpan LifetimeOf(string purpose) =>
        purpose == UserManager<AppUser>.ResetPasswordTokenPurpose ? ResetLifetime : AddressLifetime;

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await BindingAsync(purpose, manager, user));
        }
        return WebEncoders.Base64UrlEncode(_protector.Protect(stream.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        byte[] data;
        try
        {
            data = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
        try
        {
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            if (clock.GetUtcNow() >= created + LifetimeOf(purpose))
                return false;
            return reader.ReadString() == await manager.GetUserIdAsync(user)
                && reader.ReadString() == purpose
                && reader.ReadString() == await BindingAsync(purpose, manager, user)
                && reader.BaseStream.Position == reader.BaseStream.Length;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        Task.FromResult(false);

    private static async Task<string> BindingAsync(string purpose, UserManager<AppUser> manager, AppUser user) =>
        purpose == UserManager<AppUser>.ResetPasswordTokenPurpose
            ? await manager.GetSecurityStampAsync(user)
            : await manager.GetEmailAsync(user) ?? "";
}
