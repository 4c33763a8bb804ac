using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Webhooks;

/// <summary>
/// Which addresses a webhook may post to. Kindling makes the request, so a webhook must not become a way to reach
/// what only the server can (its own ports, the database, a cloud's metadata service on 169.254.169.254): unless the
/// operator allows it (<see cref="WebhookOptions.AllowPrivateAddresses"/>), only https:// addresses whose every
/// resolved address is public are accepted, and at delivery the connection is made only to a public address the name
/// resolves to at that moment (a name that resolved to a public address at registration may not any more).
/// </summary>
public static class WebhookAddresses
{
    public const int MaxLength = 2000;

    /// <summary>Why <paramref name="input"/> cannot be a webhook's address as written, or null.</summary>
    public static string? ShapeError(string? input, bool allowPrivate, out Uri? uri)
    {
        uri = null;
        var text = input?.Trim() ?? "";
        var https = allowPrivate
            ? "Enter an address starting with https:// (or http://), e.g. https://hooks.example.org/kindling."
            : "Enter an address starting with https://, e.g. https://hooks.example.org/kindling.";
        if (text.Length == 0)
            return "Enter the address Kindling should post the events to. " + https;
        if (text.Length > MaxLength)
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The address is {text.Length:N0} characters long; use at most {MaxLength:N0}."
            );
        if (
            Text.HasUnstorableCharacters(text)
            || !Uri.TryCreate(text, UriKind.Absolute, out var u)
            || string.IsNullOrEmpty(u.Host)
            || !(u.Scheme == Uri.UriSchemeHttps || allowPrivate && u.Scheme == Uri.UriSchemeHttp)
        )
            return https;
        if (u.UserInfo.Length > 0)
            return "Leave the user name and password out of the address: Kindling signs every event instead.";
        if (u.Fragment.Length > 0)
            return "Leave out the part from # on: it is never sent to the receiver.";
        uri = u;
        return null;
    }

    /// <summary>Why the address's host is not one Kindling may post to (checked when a webhook is added), or
    /// null.</summary>
    public static async Task<string?> HostErrorAsync(Uri uri, bool allowPrivate, CancellationToken ct = default)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.Host, ct);
        }
        catch (SocketException)
        {
            addresses = [];
        }
        if (addresses.Length == 0)
            return $"Kindling could not find {uri.Host}: check the address.";
        var inside = addresses.FirstOrDefault(a => !IsPublic(a));
        return allowPrivate || inside is null ? null : Private(uri.Host, inside);
    }

    /// <summary>How the webhook client connects: to an address of the name that the rules allow, or not at
    /// all.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connector(
        bool allowPrivate
    ) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var all = await ResolveAsync(host, ct);
            var allowed = allowPrivate ? all : all.Where(IsPublic).ToArray();
            if (allowed.Length == 0)
                throw new WebhookRefusedException(
                    all.Length == 0 ? $"Kindling could not find {host}." : Private(host, all[0])
                );
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    private static string Private(string host, IPAddress address) =>
        $"{host} is a private, loopback or link-local address ({address}): Kindling posts only to addresses on the "
        + "public internet (an operator can allow others with Webhooks:AllowPrivateAddresses=true).";

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var bare = host.Trim('[', ']');
        return IPAddress.TryParse(bare, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(bare, ct);
    }

    private static readonly IPNetwork[] NotPublic =
    [
        .. new[]
        {
            "0.0.0.0/8", // "this network"
            "10.0.0.0/8",
            "100.64.0.0/10", // carrier-grade NAT
            "127.0.0.0/8",
            "169.254.0.0/16", // link-local, cloud metadata services
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/3", // multicast, reserved and broadcast
            "::/96", // unspecified, loopback and the old IPv4-compatible form
            "64:ff9b:1::/48",
            "100::/64",
            "2001::/23",
            "2001:db8::/32",
            "fc00::/7", // unique local
            "fe80::/10", // link-local
            "fec0::/10",
            "ff00::/8",
        }.Select(n => IPNetwork.Parse(n)),
    ];

    /// <summary>Whether an address is on the public internet (an IPv4 address inside an IPv6 one is judged as
    /// IPv4).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        else if (Embedded(address) is { } inner)
            return IsPublic(inner);
        return !NotPublic.Any(n => n.Contains(address));
    }

    /// <summary>The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address.</summary>
    private static IPAddress? Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return null;
        var b = address.GetAddressBytes();
        if (
            b[0] == 0x00
            && b[1] == 0x64
            && b[2] == 0xff
            && b[3] == 0x9b
            && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0
        )
            return new IPAddress(b.AsSpan(12, 4));
        if (b[0] == 0x20 && b[1] == 0x02)
            return new IPAddress(b.AsSpan(2, 4));
        return null;
    }
}

/// <summary>A delivery the address rules did not let Kindling make; its message goes to the delivery log.</summary>
public sealed class WebhookRefusedException(string message) : Exception(message);
