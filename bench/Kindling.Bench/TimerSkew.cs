using System.Diagnostics;
using System.Text.Json;
using Kindling.LiveClient;

namespace Kindling.Bench;

/// <summary>
/// Timer skew across clients. The facilitator starts and changes the shared timer; every client works out the end
/// instant on its own clock as the room does (<c>wwwroot/js/live/clock.js</c>): the server's absolute end time minus
/// the client's estimate of "server clock minus my clock", which comes from the best of three <c>Time()</c> round
/// trips on connecting and is raised by each event's server time when that proves it too low. Every client and the
/// server run on this machine, so their true clocks agree: a client's error is exactly how far its estimate is from
/// zero, and the skew is how far the clients' end instants are apart.
/// </summary>
public sealed class TimerSkew(BenchOptions o, AppUnderTest app, Memory memory)
{
    private static readonly string[] Actions = ["start", "extend", "pause", "resume"];
    private readonly int _n = o.Steps[0];
    private double[] _offsetMs = [];
    private List<Seen>[] _seen = [];
    private volatile bool _measuring;

    /// <summary>A timer event as one client applied it, and its error when the timer runs: the client's end instant
    /// on its own clock minus the server's end instant.</summary>
    private sealed record Seen(long Seq, long AppliedAt, double? ErrorMs);

    public async Task<int> RunAsync()
    {
        var crowd = await Crowd.SignInAsync(o, app, _n, facilitator: true);
        await memory.SignedInAsync(_n);
        await using var people = crowd.People(o, app);
        _offsetMs = new double[_n + 1];
        _seen = Enumerable.Range(0, _n + 1).Select(_ => new List<Seen>()).ToArray();
        people.OnEvent = OnEvent;
        var facilitator = await people.ConnectFacilitatorAsync(crowd.FacilitatorCookie!);
        await Scenarios.JoinAllAsync(o, people, _n, crowd.Cookies);
        await memory.ConnectedAsync(_n);
        var everyone = people.Clients.Append(facilitator).ToList();
        for (var i = 0; i <= _n; i++)
            lock (_seen[i])
                _offsetMs[i] = everyone[i].ClockOffset.TotalMilliseconds;
        var atJoin = Spread.Of(_offsetMs.Select(Math.Abs));
        _measuring = true;

        Console.Error.WriteLine($"The facilitator makes {o.TimerChanges} timer changes…");
        var changes = new List<(string Action, long Seq, long SentAt)>();
        var errors = 0;
        await using var window = new Window(app);
        for (var k = 0; k < o.TimerChanges; k++)
        {
            var action = Actions[k % Actions.Length];
            var sent = Stopwatch.GetTimestamp();
            var ack = await facilitator.TimerAsync(
                action,
                action switch
                {
                    "start" => 5,
                    "extend" => 1,
                    _ => null,
                }
            );
            if (!ack.Ok)
            {
                errors++;
                Console.Error.WriteLine($"  {action} was refused: {ack.Error}");
                continue;
            }
            changes.Add((action, ack.Seq, sent));
            await Scenarios.WaitUntilAsync(() => _seen.All(s => Has(s, ack.Seq)), TimeSpan.FromSeconds(o.DrainSeconds));
            await Task.Delay(500);
        }
        var (cpu, _) = await window.StopAsync();

        var delivery = new List<double>();
        var errorsMs = new List<double>();
        var skews = new List<double>();
        var missing = 0;
        foreach (var (_, seq, sentAt) in changes)
        {
            var got = _seen.Select(s => Find(s, seq)).ToList();
            missing += got.Count(g => g is null);
            delivery.AddRange(got.OfType<Seen>().Select(g => Scenarios.Ms(sentAt, g.AppliedAt)));
            var errs = got.OfType<Seen>().Select(g => g.ErrorMs).OfType<double>().ToList();
            errorsMs.AddRange(errs.Select(Math.Abs));
            if (errs.Count > 0)
                skews.Add(errs.Max() - errs.Min());
        }
        var error = Spread.Of(errorsMs);
        var skew = Spread.Of(skews);
        var reach = Spread.Of(delivery);

        Console.WriteLine();
        Console.WriteLine(
            $"Timer skew, N={_n} participants + 1 facilitator, {changes.Count} timer changes "
                + $"({string.Join(", ", changes.Select(c => c.Action))}):"
        );
        Console.WriteLine($"  clock estimate on joining (best of three Time() round trips), |error|: {atJoin}");
        Console.WriteLine(
            $"  end instant a client shows vs the server's, |error| over {error.Count} (client, change) pairs: {error}"
                + $"; target p99 ≤ 50 ms {(error.P99 <= 50 ? "met" : "NOT met")}"
        );
        Console.WriteLine(
            $"  skew across clients per change (latest minus earliest end instant): median "
                + $"{Scenarios.F(skew.P50)} ms, max {Scenarios.F(skew.Max)} ms"
        );
        Console.WriteLine(
            $"  timer change → client applied it: {reach}; missing {missing}, errors {errors}, drops {people.Drops}; "
                + $"server CPU {Scenarios.F(cpu.ServerCores, "F2")} cores, load tool {Scenarios.F(cpu.BenchCores, "F2")}"
        );
        if (o.Markdown)
        {
            Console.WriteLine();
            Console.WriteLine(
                "| N | changes | sync error at join p99 | end-instant error p50 | p95 | p99 | max | skew across "
                    + "clients (max) | change→client p50 | p99 | max | missing | errors |"
            );
            Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            Console.WriteLine(
                $"| {_n} | {changes.Count} | {Scenarios.F(atJoin.P99)} ms | {Scenarios.F(error.P50)} ms | "
                    + $"{Scenarios.F(error.P95)} ms | {Scenarios.F(error.P99)} ms | {Scenarios.F(error.Max)} ms | "
                    + $"{Scenarios.F(skew.Max)} ms | {Scenarios.F(reach.P50)} ms | {Scenarios.F(reach.P99)} ms | "
                    + $"{Scenarios.F(reach.Max)} ms | {missing} | {errors} |"
            );
        }
        return missing == 0 && errors == 0 ? 0 : 1;
    }

    /// <summary>On each client's receive path (under its lock): room.js's <c>clock.observe</c>, then the timer's end
    /// instant as that client shows it.</summary>
    private void OnEvent(int index, LiveEvent e, long now)
    {
        if (!_measuring)
            return;
        var slot = index < 0 ? _n : index;
        var list = _seen[slot];
        lock (list)
        {
            // An event is never received before it was sent: the server's clock at sending minus ours now is a lower
            // bound of the offset.
            var lower = (e.ServerNowUtc - DateTime.UtcNow).TotalMilliseconds;
            if (lower > _offsetMs[slot])
                _offsetMs[slot] = lower;
            if (e.Type != EventTypes.Timer)
                return;
            double? error = null;
            if (EndsUtc(e.Data) is { } ends)
            {
                // Where this client's countdown reaches zero on its own clock: the end instant in server time minus
                // its offset. The server's end instant on the same (shared) clock is `ends` itself.
                var shown = ends - TimeSpan.FromMilliseconds(_offsetMs[slot]);
                error = (shown - ends).TotalMilliseconds;
            }
            list.Add(new Seen(e.Seq, now, error));
        }
    }

    private static bool Has(List<Seen> seen, long seq) => Find(seen, seq) is not null;

    private static Seen? Find(List<Seen> seen, long seq)
    {
        lock (seen)
            return seen.LastOrDefault(s => s.Seq == seq);
    }

    /// <summary>The timer's end in a timer event (an instant in UTC, as room.js reads it), or null when it is paused
    /// or not running.</summary>
    public static DateTime? EndsUtc(JsonElement data)
    {
        if (!data.TryGetProperty("endsUtc", out var ends) || ends.ValueKind != JsonValueKind.String)
            return null;
        var t = ends.GetDateTime();
        return t.Kind switch
        {
            DateTimeKind.Utc => t,
            DateTimeKind.Local => t.ToUniversalTime(),
            _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        };
    }
}
