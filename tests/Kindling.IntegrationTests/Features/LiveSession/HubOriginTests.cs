using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.LiveSession;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// Cross-site WebSocket hijacking: a page on another origin (another port of the same host) that the member's browser
/// sends their cookie from cannot open the live hub; the app's own pages, and programs that send no Origin, can.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class HubOriginTests(Apps apps)
{
    private const string Foreign = "http://127.0.0.1:5555";
    private const string Own = "http://localhost"; // the test server's own origin

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Hub_FromAForeignOrigin_IsRefused_OwnOriginAndNoOriginStillConnect(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var cookie = await room.CookieAsync("participant");

        // A real WebSocket to the hub, as the foreign page's script would open it with the member's cookie: refused.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => OpenSocketAsync(room.App, cookie, Foreign));
        Assert.Contains("403", refused.Message);
        // Negotiating (the first request of every transport) and long polling are refused too; so is an origin of
        // "null".
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(room.App, cookie, Foreign));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(room.App, cookie, "null"));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(room.App, cookie, "http://localhost.evil.example"));
        using (var poll = new HttpRequestMessage(HttpMethod.Get, "/hubs/session?id=anything"))
        {
            poll.Headers.Add("Cookie", cookie);
            poll.Headers.Add("Origin", Foreign);
            var answer = await room.App.CreateClient().SendAsync(poll);
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            Assert.Equal(HubOrigin.Refusal, await answer.Content.ReadAsStringAsync());
        }

        // From the app's own pages the same member connects and reads the document.
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(room.App, cookie, Own));
        using var socket = await OpenSocketAsync(room.App, cookie, Own);
        var joined = await JoinAsync(socket, room.SessionId);
        Assert.True(joined.GetProperty("ok").GetBoolean(), joined.GetRawText());
        Assert.NotEmpty(joined.GetProperty("snapshot").GetProperty("sections").EnumerateArray());

        // No Origin at all: a program (the typed client, the benchmark), not a page a victim could be lured to.
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(room.App, cookie, null));
        await room.JoinAsync("participant");
    }

    private static async Task<HttpStatusCode> NegotiateAsync(KindlingApp app, string cookie, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/session/negotiate?negotiateVersion=1");
        request.Headers.Add("Cookie", cookie);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return (await app.CreateClient().SendAsync(request)).StatusCode;
    }

    private static async Task<WebSocket> OpenSocketAsync(KindlingApp app, string cookie, string origin)
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = r =>
        {
            r.Headers["Cookie"] = cookie;
            r.Headers["Origin"] = origin;
        };
        return await client.ConnectAsync(new Uri(app.Server.BaseAddress, "/hubs/session"), CancellationToken.None);
    }

    /// <summary>The SignalR JSON protocol by hand: handshake, then invoke Join and return its result.</summary>
    private static async Task<JsonElement> JoinAsync(WebSocket socket, Guid sessionId)
    {
        await SendAsync(socket, """{"protocol":"json","version":1}""");
        await SendAsync(socket, $$"""{"type":1,"invocationId":"1","target":"Join","arguments":["{{sessionId}}",0]}""");
        var buffer = new byte[1 << 16];
        var pending = "";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(LiveAssert.Patience));
        while (true)
        {
            var got = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, got.MessageType);
            pending += Encoding.UTF8.GetString(buffer, 0, got.Count);
            for (var end = pending.IndexOf('\u001e'); end >= 0; end = pending.IndexOf('\u001e'))
            {
                var message = pending[..end];
                pending = pending[(end + 1)..];
                if (message == "{}")
                    continue; // the handshake's answer
                using var json = JsonDocument.Parse(message);
                if (json.RootElement.TryGetProperty("invocationId", out var id) && id.GetString() == "1")
                    return json.RootElement.GetProperty("result").Clone();
            }
        }
    }

    private static Task SendAsync(WebSocket socket, string message) =>
        socket.SendAsync(
            Encoding.UTF8.GetBytes(message + "\u001e"),
            WebSocketMessageType.Text,
            true,
            CancellationToken.None
        );
}
