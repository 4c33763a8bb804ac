using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Infrastructure;

/// <summary>How many requests of one kind a client may make per window.</summary>
public sealed class RateLimit
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; }
}

/// <summary>
/// The <c>RateLimits</c> settings. Signed-in requests count per account, others per client address
/// (<see cref="ConnectionInfo.RemoteIpAddress"/>). Counts are kept per app instance.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts: enough for a room of people behind one network signing in together.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Sign-up, first-admin set-up, accepting an invitation, changing a password.</summary>
    public RateLimit Account { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };

    /// <summary>Things that send, publish or import: invitations, sharing, comments, charter publishing, curriculum
    /// import.</summary>
    public RateLimit Send { get; set; } = new() { PermitLimit = 60, WindowSeconds = 600 };

    /// <summary>Generated downloads: charter PDF, DOCX and Markdown, session documents, curriculum zips.</summary>
    public RateLimit Export { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Every request to the HTTP API (<c>/api/v1</c>), reads included, per account.</summary>
    public RateLimit Api { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Account = "account";
    public const string Send = "send";
    public const string Export = "export";
    public const string Api = "api";

    public static void AddKindlingRateLimits(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection("RateLimits"))
            .ValidateDataAnnotations()
            .Validate(
                o =>
                    new[] { o.SignIn, o.Account, o.Send, o.Export, o.Api }.All(l =>
                        Validator.TryValidateObject(l, new(l), null, true)
                    ),
                "Each RateLimits entry needs PermitLimit 1–1,000,000 and WindowSeconds 1–86,400."
            )
            .ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            // The status page (Features/Errors/Status) explains a 429; Retry-After says when to come back.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                    ctx.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds)
                        .ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignIn, new WritesPolicy(l => l.SignIn));
            o.AddPolicy(Account, new WritesPolicy(l => l.Account));
            o.AddPolicy(Send, new WritesPolicy(l => l.Send));
            o.AddPolicy(Export, http => Partition(http, l => l.Export));
            o.AddPolicy(Api, http => Partition(http, l => l.Api));
        });
    }

    /// <summary>Per account when signed in, else per client address; a fixed window with no queue.</summary>
    private static RateLimitPartition<string> Partition(HttpContext http, Func<RateLimitOptions, RateLimit> pick)
    {
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var key = user is not null ? "user:" + user : "address:" + http.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ =>
            {
                var limit = pick(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
                return new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                    QueueLimit = 0,
                };
            }
        );
    }

    /// <summary>Counts only form posts: on a page, reading it (GET) is never limited.</summary>
    private sealed class WritesPolicy(Func<RateLimitOptions, RateLimit> pick) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext http) =>
            HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : Partition(http, pick);
    }
}
