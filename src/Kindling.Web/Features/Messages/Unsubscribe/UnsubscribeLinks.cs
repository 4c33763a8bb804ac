using System.Globalization;
using System.Security.Cryptography;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace Kindling.Web.Features.Messages.Unsubscribe;

/// <summary>
/// The one-click unsubscribe address of one person and one kind of message (RFC 8058). The token is protected by
/// ASP.NET Data Protection, so it cannot be forged or turned into another person's; it does not expire.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, PublicUrls urls)
{
    public const string Path = "/messages/unsubscribe/";
    private readonly IDataProtector _protector = protection.CreateProtector("Kindling.Unsubscribe");

    public string For(string userId, MessageKind kind) =>
        urls.For(Path + _protector.Protect(((int)kind).ToString(CultureInfo.InvariantCulture) + ":" + userId));

    /// <summary>The person and kind a token stands for; false for a token that is damaged or not ours.</summary>
    public bool TryRead(string token, out string userId, out MessageKind kind)
    {
        userId = "";
        kind = default;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !int.TryParse(payload[..colon], CultureInfo.InvariantCulture, out var k))
            return false;
        if (!Enum.IsDefined((MessageKind)k))
            return false;
        kind = (MessageKind)k;
        userId = payload[(colon + 1)..];
        return userId.Length > 0;
    }
}
