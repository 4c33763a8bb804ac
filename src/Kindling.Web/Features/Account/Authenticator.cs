using System.Globalization;
using System.Text;

namespace Kindling.Web.Features.Account;

/// <summary>How the authenticator key is shown: typed by hand in groups of four, or carried by an otpauth://
/// address (the QR code).</summary>
public static class Authenticator
{
    public const string Issuer = "Kindling";

    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    public static string Uri(string account, string key) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}"
                + $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6"
        );
}
