using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Kindling.LiveClient;

namespace Kindling.Bench;

/// <summary>
/// A silent round: the facilitator adds a prompt and makes it silent, every participant posts one response while the
/// round hides them (each reaches its author alone; everyone else gets a numbered placeholder), then the round is
/// revealed at once, by the facilitator or by its one-minute timer running out. Measured: from the reveal (the
/// facilitator's command leaving, or the timer's end instant) until each client has applied the reveal with all N
/// responses, per client and for all of them; responses missing or repeated; any text seen before the reveal.
/// </summary>
public sealed class SilentReveal(BenchOptions o, AppUnderTest app, Memory memory)
{
    private const int Facilitator = -1;
    private readonly int _n = o.Steps[0];
    private Guid _section;
    private long[] _revealedAt = [];
    private int[] _shown = [];
    private int _dupReveals,
        _dupIds,
        _leaks,
        _revealBytes;
    private long[] _placeholders = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private DateTime? _timerEnds;

    public async Task<int> RunAsync()
    {
        var crowd = await Crowd.SignInAsync(o, app, _n, facilitator: true);
        await memory.SignedInAsync(_n);
        await using var people = crowd.People(o, app);
        _revealedAt = new long[_n + 1]; // index n is the facilitator
        _shown = new int[_n + 1];
        _placeholders = new long[_n + 1];
        people.OnEvent = OnEvent;
        var facilitator = await people.ConnectFacilitatorAsync(crowd.FacilitatorCookie!);
        await Scenarios.JoinAllAsync(o, people, _n, crowd.Cookies);
        await memory.ConnectedAsync(_n);

        var added = Check(
            await facilitator.AddPromptAsync(facilitator.Snapshot!.CurrentActivity, "Silent round: one word each."),
            "adding the prompt"
        );
        _section = added.Id ?? throw new InvalidOperationException("The new prompt came back without its id.");
        Check(await facilitator.SetSilentAsync(_section, true), "making the prompt silent");
        if (o.RevealBy == "timer")
        {
            Check(await facilitator.TimerAsync("start", 1), "starting the round's timer");
            await Scenarios.WaitUntilAsync(() => _timerEnds is not null, TimeSpan.FromSeconds(10));
        }

        Console.Error.WriteLine($"{_n} participants post one hidden response each over {o.PostSeconds} s…");
        var postStart = Stopwatch.GetTimestamp();
        var acks = await PostAllAsync(people);
        var postedIn = Stopwatch.GetElapsedTime(postStart).TotalSeconds;
        var lastSeq = acks.Where(a => a.Ack?.Ok == true).Select(a => a.Ack!.Seq).DefaultIfEmpty(0).Max();
        var everyone = people.Clients.Append(facilitator).ToList();
        var hiddenDone = await Scenarios.WaitUntilAsync(
            () => everyone.All(c => c.LastSeq >= lastSeq),
            TimeSpan.FromSeconds(o.DrainSeconds)
        );
        var hiddenAll = Stopwatch.GetElapsedTime(postStart).TotalSeconds;

        long revealFrom;
        await using var window = new Window(app);
        if (o.RevealBy == "timer")
        {
            var left = _timerEnds!.Value - DateTime.UtcNow; // the server's clock is this machine's clock
            revealFrom = Stopwatch.GetTimestamp() + (long)(left.TotalSeconds * Stopwatch.Frequency);
            Console.Error.WriteLine($"Waiting {left.TotalSeconds:F1} s for the round's timer to reveal it…");
            await Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        else
        {
            Console.Error.WriteLine("The facilitator reveals the round…");
            revealFrom = Stopwatch.GetTimestamp();
            Check(await facilitator.RevealAsync(_section), "revealing");
        }
        var allRevealed = await Scenarios.WaitUntilAsync(
            () => _revealedAt.All(t => t != 0),
            TimeSpan.FromSeconds(o.DrainSeconds + 2)
        );
        var (cpu, peak) = await window.StopAsync();

        var got = _revealedAt.Where(t => t != 0).Select(t => Scenarios.Ms(revealFrom, t)).ToList();
        var perClient = Spread.Of(got);
        var missingClients = _revealedAt.Count(t => t == 0);
        var lost = _shown.Sum(s => (long)Math.Max(0, _n - s));
        var acked = acks.Count(a => a.Ack?.Ok == true);
        var ackSpread = Spread.Of(acks.Where(a => a.Ack?.Ok == true).Select(a => a.Ms));
        var errors = _errors.Values.Sum() + acks.Count(a => a.Ack?.Ok != true);

        Console.WriteLine();
        Console.WriteLine(
            $"Silent round, N={_n} participants + 1 facilitator, revealed by the {o.RevealBy}"
                + (o.RevealBy == "timer" ? " (measured from the timer's end instant)" : "")
                + ":"
        );
        Console.WriteLine(
            $"  posting: {acked}/{_n} hidden responses acknowledged in {postedIn:F1} s (post→ack {ackSpread}); "
                + $"every client had every placeholder after {hiddenAll:F1} s"
                + (hiddenDone ? "" : " (NOT all caught up before the reveal)")
                + $"; text seen by someone other than its author before the reveal: {_leaks}"
        );
        Console.WriteLine(
            $"  reveal → client shows all {_n}: {perClient} over {got.Count} clients; "
                + $"all clients: {Scenarios.F(perClient.Max)} ms"
                + (allRevealed ? "" : $" — {missingClients} clients never got it within the drain time")
        );
        Console.WriteLine(
            $"  lost {lost} (responses missing from a client's reveal, {missingClients} clients without it), "
                + $"dup {_dupReveals + _dupIds} (reveals applied twice {_dupReveals}, repeated ids {_dupIds}), "
                + $"errors {errors}, drops {people.Drops}; reveal message {_revealBytes / 1024.0:F0} KB of JSON "
                + $"per client; server CPU {Scenarios.F(cpu.ServerCores, "F2")} cores, load tool "
                + $"{Scenarios.F(cpu.BenchCores, "F2")}, other {Scenarios.F(cpu.OtherCores, "F2")} over the reveal; "
                + $"server RSS peak {peak / 1048576} MB"
        );
        foreach (var e in _errors.OrderByDescending(e => e.Value).Take(3))
            Console.WriteLine($"  error: {e.Value}× {e.Key}");
        if (o.Markdown)
        {
            Console.WriteLine();
            Console.WriteLine(
                "| N | revealed by | reveal→client p50 | p95 | p99 | max (all clients) | lost | dup | errors | "
                    + "leaks | reveal KB/client | server CPU | load tool CPU | RSS peak |"
            );
            Console.WriteLine("|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            Console.WriteLine(
                $"| {_n} | {o.RevealBy} | {Scenarios.F(perClient.P50)} ms | {Scenarios.F(perClient.P95)} ms | "
                    + $"{Scenarios.F(perClient.P99)} ms | {Scenarios.F(perClient.Max)} ms | {lost} | "
                    + $"{_dupReveals + _dupIds} | {errors} | {_leaks} | {_revealBytes / 1024.0:F0} | "
                    + $"{Scenarios.F(cpu.ServerCores, "F2")} | {Scenarios.F(cpu.BenchCores, "F2")} | "
                    + $"{peak / 1048576} MB |"
            );
        }
        return lost == 0 && _dupReveals + _dupIds == 0 && errors == 0 && _leaks == 0 ? 0 : 1;
    }

    private async Task<List<(Ack? Ack, double Ms)>> PostAllAsync(Participants people)
    {
        var posts = new List<Task<(Ack?, double)>>(_n);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < people.Clients.Count; i++)
        {
            var wait = o.PostSeconds * i / _n - clock.Elapsed.TotalSeconds;
            if (wait > 0.001)
                await Task.Delay(TimeSpan.FromSeconds(wait));
            var (client, text) = (people.Clients[i], Participants.Text(i, i, o.TextLength));
            posts.Add(
                Task.Run(async () =>
                {
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        var ack = await client.AddResponseAsync(_section, text);
                        if (!ack.Ok)
                            Record("refused: " + ack.Error);
                        return ((Ack?)ack, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    }
                    catch (Exception e)
                    {
                        Record(e.GetType().Name + ": " + e.Message);
                        return (null, double.NaN);
                    }
                })
            );
        }
        return [.. await Task.WhenAll(posts)];
    }

    /// <summary>Runs on each client's receive path, under that client's lock.</summary>
    private void OnEvent(int index, LiveEvent e, long now)
    {
        var slot = index == Facilitator ? _n : index;
        switch (e.Type)
        {
            case EventTypes.Private:
                Interlocked.Increment(ref _placeholders[slot]);
                break;
            case EventTypes.Timer when index == Facilitator:
                _timerEnds = TimerSkew.EndsUtc(e.Data) ?? _timerEnds;
                break;
            case EventTypes.ResponseAdded when _section != Guid.Empty && Volatile.Read(ref _revealedAt[slot]) == 0:
                // Before the reveal a participant may only ever see their own response's text (the facilitator none).
                if (Author(e.Data) is { } author && author != index)
                    Interlocked.Increment(ref _leaks);
                break;
            case EventTypes.SectionRevealed:
                if (e.Data.GetProperty("section").GetProperty("id").GetGuid() != _section)
                    return;
                if (_revealedAt[slot] != 0)
                {
                    Interlocked.Increment(ref _dupReveals);
                    return;
                }
                var ids = new HashSet<Guid>();
                var total = 0;
                foreach (var r in e.Data.GetProperty("responses").EnumerateArray())
                {
                    total++;
                    ids.Add(r.GetProperty("id").GetGuid());
                }
                Interlocked.Add(ref _dupIds, total - ids.Count);
                _shown[slot] = ids.Count;
                if (slot == _n)
                    _revealBytes = e.Data.GetRawText().Length;
                Volatile.Write(ref _revealedAt[slot], now);
                break;
        }
    }

    /// <summary>The participant index in a posted text ("#i from participant i: …").</summary>
    private static int? Author(JsonElement data)
    {
        if (!data.TryGetProperty("text", out var t) || t.GetString() is not { } s || !s.StartsWith('#'))
            return null;
        var end = s.IndexOf(' ', StringComparison.Ordinal);
        return end > 1 && int.TryParse(s.AsSpan(1, end - 1), out var i) ? i : null;
    }

    private static Ack Check(Ack ack, string doing) =>
        ack.Ok ? ack : throw new InvalidOperationException($"The facilitator's {doing} was refused: {ack.Error}");

    private void Record(string error) =>
        _errors.AddOrUpdate(error.Length > 160 ? error[..160] : error, 1, (_, c) => c + 1);
}
