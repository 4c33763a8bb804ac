using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kindling.Web.Features.Api;

namespace Kindling.Web.Features.Webhooks;

/// <summary>
/// How a receiver knows an event came from this Kindling and was not replayed much later: the
/// <c>X-Kindling-Signature</c> header is <c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed with the webhook's
/// secret, of the <c>X-Kindling-Timestamp</c> value (unix seconds), a full stop and the exact body.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    /// <summary>A new signing secret: "whsec_" and 43 URL-safe characters (256 random bits).</summary>
    public static string NewSecret() => "whsec_" + TokenSecrets.Random(32);

    public static string Sign(string secret, long timestamp, string body) =>
        Prefix
        + Convert.ToHexStringLower(
            HMACSHA256.HashData(
                Encoding.UTF8.GetBytes(secret),
                Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)
            )
        );
}

/// <summary>When a delivery that did not arrive is tried again, and when Kindling gives up.</summary>
public static class WebhookRetries
{
    /// <summary>Attempts in all: the first and five retries, after 1 min, 5 min, 30 min, 2 h and 12 h.</summary>
    public const int MaxAttempts = 6;

    public static TimeSpan BackOff(int attempts) =>
        attempts switch
        {
            <= 1 => TimeSpan.FromMinutes(1),
            2 => TimeSpan.FromMinutes(5),
            3 => TimeSpan.FromMinutes(30),
            4 => TimeSpan.FromHours(2),
            _ => TimeSpan.FromHours(12),
        };

    /// <summary>After <paramref name="attempts"/> failed attempts: whether it has failed for good, and when it goes
    /// next.</summary>
    public static (bool GivenUp, DateTime NextUtc) After(int attempts, DateTime nowUtc) =>
        (attempts >= MaxAttempts, nowUtc + BackOff(attempts));
}
