using System.Diagnostics;
using System.Text.Json;
using Kindling.LiveClient;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Kindling.Bench;

/// <summary>The simulated participants: one typed <see cref="LiveSessionClient"/> each, over a real WebSocket on
/// loopback.</summary>
/// <remarks>With <paramref name="hubBases"/> the hub connections go there in turn (e.g. straight to each instance, or
/// through a proxy) while sign-in went through the tool's --url: nothing assumes one instance serves both.</remarks>
public sealed class Participants(string baseUrl, Guid sessionId, IReadOnlyList<string>? hubBases = null)
    : IAsyncDisposable
{
    private readonly List<LiveSessionClient> _clients = [];
    private int _drops;

    /// <summary>The step now being measured; receipts are routed to it.</summary>
    public Recorder? Current { get; set; }

    /// <summary>Every event a client applies, with the client's index (-1: the facilitator) and the time it was
    /// applied (<see cref="Stopwatch.GetTimestamp"/>), for the scenarios' own measurements.</summary>
    public Action<int, LiveEvent, long>? OnEvent { get; set; }

    /// <summary>The connected facilitator (<see cref="ConnectFacilitatorAsync"/>), if any.</summary>
    public LiveSessionClient? Facilitator { get; private set; }
    public IReadOnlyList<LiveSessionClient> Clients => _clients;
    public Guid SectionId { get; private set; }

    /// <summary>Connections that went into reconnecting or closed since start.</summary>
    public int Drops => Volatile.Read(ref _drops);

    /// <summary>Connects and joins participants until <paramref name="count"/> are in the session.</summary>
    public async Task GrowToAsync(int count, IReadOnlyList<string> cookies, int parallelism)
    {
        var from = _clients.Count;
        if (from == 0)
            _clients.Add((await ConnectAsync(0, cookies[0])).Client); // the first join opens the document
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
                added[i] = (await ConnectAsync(start + i, cookies[start + i])).Client;
                var n = Interlocked.Increment(ref done);
                if (n % 100 == 0 || n == added.Length)
                    Console.Error.WriteLine($"  connected {start + n}/{count} ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        );
        _clients.AddRange(added);
    }

    /// <summary>Connects and joins the session's facilitator (it receives everything, but is no participant).</summary>
    public async Task<LiveSessionClient> ConnectFacilitatorAsync(string cookie) =>
        Facilitator = (await ConnectAsync(-1, cookie)).Client;

    /// <summary>How one participant's join went: WebSocket and SignalR handshake, then the clock's three round trips
    /// and Join until its document was applied.</summary>
    public sealed record JoinTiming(int Index, double ConnectMs, double JoinMs, double TotalMs, string? Error);

    /// <summary>
    /// Joins participants until <paramref name="count"/> are in, starting one every <paramref name="seconds"/> / added
    /// whatever the earlier ones are doing (open loop, as people arrive). Joins that fail are reported, not retried.
    /// </summary>
    public async Task<IReadOnlyList<JoinTiming>> JoinPacedAsync(
        int count,
        IReadOnlyList<string> cookies,
        double seconds
    )
    {
        var start = _clients.Count;
        var n = count - start;
        var added = new LiveSessionClient?[n];
        var timings = new JoinTiming[n];
        var clock = Stopwatch.StartNew();
        var done = 0;
        var joins = new List<Task>(n);
        for (var i = 0; i < n; i++)
        {
            var wait = seconds * i / n - clock.Elapsed.TotalSeconds;
            if (wait > 0.001)
                await Task.Delay(TimeSpan.FromSeconds(wait));
            var k = i;
            joins.Add(
                Task.Run(async () =>
                {
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        var (client, connect, join) = await ConnectAsync(start + k, cookies[start + k]);
                        added[k] = client;
                        timings[k] = new JoinTiming(start + k, connect, join, Ms(t0), null);
                    }
                    catch (Exception e)
                    {
                        timings[k] = new JoinTiming(start + k, double.NaN, double.NaN, Ms(t0), e.Message);
                    }
                    var d = Interlocked.Increment(ref done);
                    if (d % 100 == 0 || d == n)
                        Console.Error.WriteLine($"  joined {d}/{n} ({clock.Elapsed.TotalSeconds:F1} s)");
                })
            );
        }
        await Task.WhenAll(joins);
        _clients.AddRange(added.OfType<LiveSessionClient>());
        return timings;
    }

    private static double Ms(long since) => Stopwatch.GetElapsedTime(since).TotalMilliseconds;

    private async Task<(LiveSessionClient Client, double ConnectMs, double JoinMs)> ConnectAsync(
        int index,
        string cookie
    )
    {
        var bases = hubBases is { Count: > 0 } ? hubBases : [baseUrl];
        var hub = new HubConnectionBuilder()
            .WithUrl(
                bases[Math.Max(0, index) % bases.Count] + "/hubs/session",
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
            OnEvent?.Invoke(index, e, now);
            if (index < 0 || e.Type != EventTypes.ResponseAdded || Current is not { } recorder)
                return;
            if (MessageId(e.Data) is { } id)
                recorder.Received(index, id, now);
        };
        var t0 = Stopwatch.GetTimestamp();
        long connected;
        JoinResult joined;
        try
        {
            await hub.StartAsync();
            connected = Stopwatch.GetTimestamp();
            joined = await client.StartAsync(); // the clock's round trips, then Join
            if (!joined.Ok)
                throw new InvalidOperationException($"Participant {index} could not join: {joined.Error}");
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        if (index <= 0 && SectionId == Guid.Empty)
            SectionId =
                joined.Snapshot?.Sections.FirstOrDefault(s => !s.Silent)?.Id
                ?? throw new InvalidOperationException("The session document has no prompt that is not silent.");
        return (
            client,
            Stopwatch.GetElapsedTime(t0, connected).TotalMilliseconds,
            Stopwatch.GetElapsedTime(connected).TotalMilliseconds
        );
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
        if (Facilitator is not null)
            await Facilitator.DisposeAsync();
        await Parallel.ForEachAsync(
            _clients,
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (c, _) => await c.DisposeAsync()
        );
    }
}
