using System.Text.Json;
using Microsoft.Playwright;

namespace Kindling.BrowserTests.Deploy;

/// <summary>
/// The WebSockets a page opens and which instance answered each handshake (its X-Kindling-Instance header), read
/// through the Chrome DevTools Protocol: neither the page's scripts nor Playwright's WebSocket events see handshake
/// headers.
/// </summary>
public sealed class HubSockets
{
    /// <summary>A WebSocket whose handshake was answered: its address, status (101 when upgraded) and the instance
    /// named in the answer.</summary>
    public sealed record Socket(string Url, int Status, string? Instance);

    private readonly Dictionary<string, string> _urls = [];
    private readonly List<Socket> _answered = [];

    public static async Task<HubSockets> WatchAsync(IPage page)
    {
        var sockets = new HubSockets();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        cdp.Event("Network.webSocketCreated").OnEvent += (_, e) =>
        {
            lock (sockets._answered)
                sockets._urls[Id(e)] = e!.Value.GetProperty("url").GetString()!;
        };
        cdp.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, e) =>
        {
            var response = e!.Value.GetProperty("response");
            var instance = response
                .GetProperty("headers")
                .EnumerateObject()
                .Where(h => h.Name.Equals("X-Kindling-Instance", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value.GetString()!.Split(';')[0])
                .FirstOrDefault();
            lock (sockets._answered)
                sockets._answered.Add(
                    new(
                        sockets._urls.GetValueOrDefault(Id(e), "?"),
                        response.GetProperty("status").GetInt32(),
                        instance
                    )
                );
        };
        await cdp.SendAsync("Network.enable");
        return sockets;
    }

    /// <summary>The answered handshakes of WebSockets to <paramref name="path"/> (e.g. "/hubs/session"), oldest
    /// first.</summary>
    public IReadOnlyList<Socket> To(string path)
    {
        lock (_answered)
            return _answered
                .Where(s => Uri.TryCreate(s.Url, UriKind.Absolute, out var u) && u.AbsolutePath == path)
                .ToList();
    }

    private static string Id(JsonElement? e) => e!.Value.GetProperty("requestId").GetString()!;
}
