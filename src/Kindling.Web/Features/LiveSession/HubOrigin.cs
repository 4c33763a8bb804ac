using Kindling.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Refuses connections to the live hub made by other sites' pages (cross-site WebSocket hijacking). The sign-in cookie
/// is SameSite=Lax, and "same site" includes other ports of the same host and sibling subdomains: a page served there
/// could otherwise open the hub as the signed-in member, read the document and write as them. Browsers always send
/// <c>Origin</c> with a WebSocket handshake and a cross-origin POST, so every transport (negotiate, WebSocket,
/// server-sent
/// events, long polling) is checked: the origin must be the app's own (the request's scheme, host and port), the
/// configured public address (<c>Kindling:PublicUrl</c>) or one listed in <c>Live:AllowedOrigins</c>.
/// </summary>
/// <remarks>
/// A request without <c>Origin</c> is let through: browsers send one on every request this attack needs, so its absence
/// means a program that is not a browser (the .NET typed client, the load benchmark), which no victim's browser can be
/// made to act as and which holds its own credentials anyway.
/// </remarks>
public static class HubOrigin
{
    public const string Refusal = "The live room only accepts connections from Kindling's own pages.";

    /// <summary>Checks every request to the hub's path (negotiate and the connection itself) before it reaches the
    /// hub.</summary>
    public static void UseHubOriginCheck(this IApplicationBuilder app, PathString hubPath)
    {
        var allowed = app
            .ApplicationServices.GetRequiredService<IOptions<LiveOptions>>()
            .Value.AllowedOrigins.Append(
                app.ApplicationServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value.PublicUrl
            )
            .Select(Normalise)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments(hubPath),
            hub =>
                hub.Use(
                    async (http, next) =>
                    {
                        if (IsAllowed(http.Request, allowed))
                        {
                            await next(http);
                            return;
                        }
                        http.Response.StatusCode = StatusCodes.Status403Forbidden;
                        await http.Response.WriteAsync(Refusal);
                    }
                )
        );
    }

    public static bool IsAllowed(HttpRequest request, IReadOnlySet<string> allowed)
    {
        if (!request.Headers.TryGetValue("Origin", out var values))
            return true; // not a browser: see remarks
        var origin = Normalise(values.ToString());
        if (origin is null)
            return false; // "null" (sandboxed frames, files) or anything unreadable
        return origin.Equals(Normalise($"{request.Scheme}://{request.Host}"), StringComparison.OrdinalIgnoreCase)
            || allowed.Contains(origin);
    }

    /// <summary>"scheme://host:port" with the port always written, or null when <paramref name="url"/> is not an
    /// http(s) address.</summary>
    private static string? Normalise(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.Host.Length > 0
            ? $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}"
            : null;
}
