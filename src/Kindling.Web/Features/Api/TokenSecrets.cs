using System.Security.Cryptography;
using System.Text;

namespace Kindling.Web.Features.Api;

/// <summary>
/// Personal access token secrets: "kdl_" and 43 URL-safe characters (256 random bits). Only the SHA-256 is stored; a
/// token this long cannot be guessed, so one fast hash is enough to look it up without keeping the secret.
/// </summary>
public static class TokenSecrets
{
    public const string Prefix = "kdl_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>What the token list shows: the prefix and the first four characters after it.</summary>
    public static string Hint(string secret) => secret[..Math.Min(secret.Length, Prefix.Length + 4)];

    /// <summary>Whether a string could be a token at all (checked before any database lookup).</summary>
    public static bool LooksLikeOne(string? value) =>
        value is { Length: > 20 and < 100 } && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A URL-safe secret of <paramref name="bytes"/> random bytes (also for feed addresses and webhook
    /// secrets).</summary>
    public static string Random(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
