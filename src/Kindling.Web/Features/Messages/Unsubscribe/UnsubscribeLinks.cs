using System.Security.Cryptography;
using Kindling.Domain;
using Kindling.Web.Features.Messages.Preferences;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace Kindling.Web.Features.Messages.Unsubscribe;

/// <summary>
/// One-click unsubscribe addresses, one per person and kind of message, for the <c>List-Unsubscribe</c> header
/// (RFC 8058) and the footer of every preference-bound e-mail. The token is the person's id and the kind, sealed
/// with ASP.NET Data Protection (keys kept in the database, so links survive restarts and work on every instance);
/// it does not expire, since an old e-mail's link should still work.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, PublicUrls urls)
{
    public const string Purpose = "Kindling.Unsubscribe";
    public const string PathPrefix = "/messages/unsubscribe/";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>Kinds a link exists for: the preference-bound kinds, and the daily digest itself.</summary>
    public static bool Covers(MessageKind kind) => kind == MessageKind.Digest || MessageKinds.IsConfigurable(kind);

    /// <summary>The absolute unsubscribe address for <paramref name="userId"/> and <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// For invitations and account mail, which are always sent.
    /// </exception>
    public string For(string userId, MessageKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!Covers(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Invitations and account mail are always sent.");
        return urls.For(PathPrefix + _protector.Protect($"{(int)kind}:{userId}"));
    }

    /// <summary>The person and kind a token stands for; false for anything this instance did not make.</summary>
    public bool TryRead(string? token, out string userId, out MessageKind kind)
    {
        userId = "";
        kind = default;
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
            return false;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (
            colon <= 0
            || !int.TryParse(payload.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture, out var k)
            || !Enum.IsDefined((MessageKind)k)
            || !Covers((MessageKind)k)
            || colon == payload.Length - 1
        )
            return false;
        (userId, kind) = (payload[(colon + 1)..], (MessageKind)k);
        return true;
    }
}
