using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Infrastructure;

/// <summary>Where people reach this Kindling, and which proxies in front of it may say who the client is.</summary>
public sealed class PublicAddressOptions
{
    /// <summary>
    /// The address people use, e.g. <c>https://kindling.example.org</c>: every absolute link (invitations, calendar
    /// feeds, e-mails) is built from it, never from a request's Host header. Unset, the address Kindling listens on.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Addresses (e.g. <c>127.0.0.1</c>) or networks (e.g. <c>10.0.0.0/8</c>) of reverse proxies whose
    /// X-Forwarded-For / X-Forwarded-Proto headers are believed. Empty: those headers are ignored.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// A name for this instance, e.g. <c>5001</c>. When set, every response carries
    /// <c>X-Kindling-Instance: name; scheme=https; client=203.0.113.7</c>: which instance answered and the scheme and
    /// client address it saw after the trusted proxies, to check a load-balanced layout. Unset: no such header.
    /// </summary>
    public string? InstanceName { get; set; }
}

/// <summary>Builds absolute links from <see cref="PublicAddressOptions.PublicUrl"/> or, unset, the listening
/// address.</summary>
public sealed class PublicUrls(IOptions<PublicAddressOptions> options, IServer server)
{
    private string? _base;

    public string Base => _base ??= Resolve();

    public string For(string path) => Base + (path.StartsWith('/') ? path : "/" + path);

    private string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
            return options.Value.PublicUrl.TrimEnd('/');
        // A wildcard listener has no name people could use; localhost at least works on the machine itself.
        var listening =
            server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
            listening = listening.Replace(wildcard, "://localhost");
        return Uri.TryCreate(listening, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : "http://localhost";
    }
}

public static class PublicAddressSetup
{
    public const string Section = "Kindling";

    public static void AddKindlingPublicAddress(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<PublicAddressOptions>()
            .Bind(builder.Configuration.GetSection(Section))
            .Validate(
                o => string.IsNullOrWhiteSpace(o.PublicUrl) || IsSiteAddress(o.PublicUrl),
                "Kindling:PublicUrl must be an absolute http:// or https:// address with no path, query or fragment, "
                    + "e.g. https://kindling.example.org."
            )
            .Validate(
                o => o.TrustedProxies.All(p => TryParseProxy(p, out _, out _)),
                "Kindling:TrustedProxies must hold IP addresses (10.0.0.2) or networks (10.0.0.0/8)."
            )
            .Validate(
                o => o.InstanceName is null || o.InstanceName.All(c => c is >= ' ' and <= '~'),
                "Kindling:InstanceName must be plain ASCII text (letters, digits, punctuation), e.g. 5001."
            )
            .ValidateOnStart();
        builder.Services.AddSingleton<PublicUrls>();
    }

    public const string InstanceHeader = "X-Kindling-Instance";

    /// <summary>Believes X-Forwarded-For/-Proto only from the configured proxies; with none configured, never. Then
    /// names the instance in a header when <see cref="PublicAddressOptions.InstanceName"/> asks for it.</summary>
    public static void UseKindlingProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PublicAddressOptions>>().Value;
        if (options.TrustedProxies.Length > 0)
            app.UseForwardedHeaders(Forwarded(options.TrustedProxies));
        if (string.IsNullOrWhiteSpace(options.InstanceName))
            return;
        var name = options.InstanceName.Trim();
        app.Use(
            (http, next) =>
            {
                http.Response.Headers[InstanceHeader] =
                    $"{name}; scheme={http.Request.Scheme}; client={http.Connection.RemoteIpAddress}";
                return next(http);
            }
        );
    }

    private static ForwardedHeadersOptions Forwarded(string[] proxies)
    {
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        };
        // The defaults trust loopback; trust exactly what is configured instead.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is still consulted: empty it too
        forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
        foreach (var p in proxies)
        {
            _ = TryParseProxy(p, out var address, out var network); // checked when the options were validated
            if (address is not null)
                forwarded.KnownProxies.Add(address);
            if (network is not null)
                forwarded.KnownIPNetworks.Add(network.Value);
        }
        return forwarded;
    }

    private static bool IsSiteAddress(string url) =>
        Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var u)
        && u.Scheme is "http" or "https"
        && u.AbsolutePath == "/"
        && u.Query.Length == 0
        && u.Fragment.Length == 0
        && u.UserInfo.Length == 0;

    internal static bool TryParseProxy(string text, out IPAddress? address, out System.Net.IPNetwork? network)
    {
        address = null;
        network = null;
        if (text.Contains('/'))
        {
            if (System.Net.IPNetwork.TryParse(text, out var n))
                network = n;
        }
        else if (IPAddress.TryParse(text, out var a))
            address = a;
        return address is not null || network is not null;
    }
}
