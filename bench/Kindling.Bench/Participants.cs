using System.Diagnostics;
using System.Text.Json;
using Kindling.LiveClient;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Kindling.Bench;

/// <summary>The simulated participants: one typed <see cref="LiveSessionClient"/> each, over a real WebSocket on
/// loopback.</summary>
public sealed class Participants(string baseUrl, Guid sessionId) : IAsyncDisposable
{
    private readonly List<LiveSessionClient> _clients = [];
    private int _drops;

    /// <summary>The step now being measured; receipts are routed to it.</summary>
    public Recorder? Current { get; set; }
    public IReadOnlyList<LiveSessionClient> Clients => _clients;
    public Guid SectionId { get; private set; }

    /// <summary>Connections that went into reconnecting or closed since start.</summary>
    public int Drops => Volatile.Read(ref _drops);

    /// <summary>Connects and joins participants until <paramref name="count"/> are in the session.</summary>
    public async Task GrowToAsync(int count, IReadOnlyList<string> cookies, int parallelism)
    {
        var from = _clients.Count;
        if (from == 0)
            _clients.Add(await ConnectAsync(0, cookies[0])); // the first join opens the document
        var added = new LiveSessionClient[count - _clients.Count];
        var start = _clients.Count;
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(
            0,
            added.Length,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, _) =>
            {
                added[i] = await ConnectAsync(start + i, cookies[start + i]);
                var n = Interlocked.Increment(ref done);
                if (n % 100 == 0 || n == added.Length)
                    Console.Error.WriteLine($"  connected {start + n}/{count} ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        );
        _clients.AddRange(added);
    }

    private async Task<LiveSessionClient> ConnectAsync(int index, string cookie)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(
                baseUrl + "/hubs/session",
                o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.Headers["Cookie"] = cookie;
                }
            )
            .WithAutomaticReconnect()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Critical))
            .Build();
        hub.ServerTimeout = TimeSpan.FromSeconds(60);
        hub.Reconnecting += _ =>
        {
            Interlocked.Increment(ref _drops);
            return Task.CompletedTask;
        };
        hub.Closed += _ =>
        {
            Interlocked.Increment(ref _drops);
            return Task.CompletedTask;
        };
        var client = new LiveSessionClient(hub, sessionId) { KeepHistory = false };
        client.Applied += e =>
        {
            var now = Stopwatch.GetTimestamp();
            if (e.Type != EventTypes.ResponseAdded || Current is not { } recorder)
                return;
            if (MessageId(e.Data) is { } id)
                recorder.Received(index, id, now);
        };
        var joined = await client.StartAsync();
        if (!joined.Ok)
            throw new InvalidOperationException($"Participant {index} could not join: {joined.Error}");
        if (index == 0)
            SectionId =
                joined.Snapshot?.Sections.FirstOrDefault(s => !s.Silent)?.Id
                ?? throw new InvalidOperationException("The session document has no prompt that is not silent.");
        return client;
    }

    /// <summary>Posted texts start with "#id ".</summary>
    public static string Text(long id, int sender, int length)
    {
        var head = $"#{id} from participant {sender}: ";
        const string filler =
            "We could pair newcomers with a neighbour who has organised before, and meet at the library on Thursdays. ";
        var body = string.Concat(Enumerable.Repeat(filler, length / filler.Length + 1));
        return (head + body)[..Math.Max(head.Length, length)];
    }

    private static long? MessageId(JsonElement data)
    {
        if (!data.TryGetProperty("text", out var t))
            return null;
        var s = t.GetString();
        if (s is null || s.Length < 2 || s[0] != '#')
            return null;
        var end = s.IndexOf(' ');
        return long.TryParse(s.AsSpan(1, (end < 0 ? s.Length : end) - 1), out var id) ? id : null;
    }

    /// <summary>Clients still holding events that wait for a missing sequence number.</summary>
    public int Stuck => _clients.Count(c => c.Waiting > 0);

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(
            _clients,
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (c, _) => await c.DisposeAsync()
        );
    }
}
