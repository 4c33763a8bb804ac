using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// The reporter's private way back to a report: 32 random bytes shown once as base64url; only their SHA-256 is kept,
/// so the database alone leads to no report's receipt page.
/// </summary>
public static class ReceiptTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token could be one of ours: 43 base64url characters. Anything else is not looked up.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
