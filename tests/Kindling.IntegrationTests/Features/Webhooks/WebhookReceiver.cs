using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kindling.TestSupport;

namespace Kindling.IntegrationTests.Features.Webhooks;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 that keeps every request and answers with the statuses it is told (200 once
/// they run out), and checks signatures with its own HMAC, as a receiving service would.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    public sealed record Received(string Body, WebHeaderCollection Headers, string? ContentType)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public string Event => Headers["X-Kindling-Event"] ?? "";

        /// <summary>Whether X-Kindling-Signature is sha256= and the hex HMAC-SHA256 of "{timestamp}.{body}".</summary>
        public bool SignedWith(string secret)
        {
            var timestamp = Headers["X-Kindling-Timestamp"] ?? "";
            var mac = HMACSHA256.HashData(
                Encoding.UTF8.GetBytes(secret),
                Encoding.UTF8.GetBytes($"{timestamp}.{Body}")
            );
            return Headers["X-Kindling-Signature"] == "sha256=" + Convert.ToHexStringLower(mac);
        }
    }

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public string Url { get; }

    public WebhookReceiver()
    {
        var port = TestSmtp.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Start();
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/hooks/kindling";
        _ = Task.Run(ListenAsync);
    }

    public IReadOnlyList<Received> All => [.. _received];

    /// <summary>The statuses of the next answers, in order.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var s in statuses)
            _answers.Enqueue(s);
    }

    public async Task<Received> WaitForAsync(Func<Received, bool>? match = null, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var found = _received.Where(match ?? (_ => true)).ToList();
            if (found.Count >= count)
                return found[count - 1];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{found.Count} of {count} requests arrived; all: {_received.Count}.");
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var headers = new WebHeaderCollection { context.Request.Headers };
                _received.Enqueue(new Received(await reader.ReadToEndAsync(), headers, context.Request.ContentType));
            }
            context.Response.StatusCode = _answers.TryDequeue(out var status) ? status : 200;
            context.Response.Close();
            _arrived.Release();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _arrived.Dispose();
    }
}
