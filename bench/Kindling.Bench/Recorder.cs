using System.Diagnostics;

namespace Kindling.Bench;

/// <summary>
/// Every posted response of one step with its send time, and every receipt of it by every client. Fan-out latency of a
/// response is the time the last other client applied it; delivery latency is per receipt. A receipt seen twice by
/// one client is a duplicate; a receipt never seen is lost.
/// </summary>
public sealed class Recorder
{
    private const int BucketsPerMs = 10,
        MaxMs = 60_000;
    private readonly int[] _histogram = new int[BucketsPerMs * MaxMs + 1];
    private readonly long[] _sent,
        _last,
        _ackedAt;
    private readonly int[] _sender,
        _others,
        _all;
    private readonly byte[] _acked;
    private readonly ulong[][] _seen;
    private long _deliveries,
        _windowDeliveries,
        _duplicates,
        _stray;

    public long FirstId { get; }
    public int Capacity { get; }
    public int Clients { get; }
    public long WindowStart { get; set; } = long.MaxValue;
    public long WindowEnd { get; set; } = long.MaxValue;

    public Recorder(long firstId, int capacity, int clients)
    {
        (FirstId, Capacity, Clients) = (firstId, capacity, clients);
        _sent = new long[capacity];
        _last = new long[capacity];
        _ackedAt = new long[capacity];
        _sender = new int[capacity];
        _others = new int[capacity];
        _all = new int[capacity];
        _acked = new byte[capacity];
        _seen = Enumerable.Range(0, clients).Select(_ => new ulong[(capacity + 63) / 64]).ToArray();
    }

    public void Sent(int slot, int sender, long timestamp)
    {
        _sender[slot] = sender;
        Volatile.Write(ref _sent[slot], timestamp);
    }

    public void Acked(int slot, long timestamp)
    {
        _ackedAt[slot] = timestamp;
        _acked[slot] = 1;
    }

    /// <summary>Called by a client (under its own lock, so per-client state needs no atomics) when it applies a
    /// response.</summary>
    public void Received(int client, long id, long timestamp)
    {
        var slot = id - FirstId;
        if (slot < 0 || slot >= Capacity || client >= Clients)
        {
            Interlocked.Increment(ref _stray);
            return;
        }
        var s = (int)slot;
        ref var word = ref _seen[client][s >> 6];
        var bit = 1UL << (s & 63);
        if ((word & bit) != 0)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        word |= bit;
        Interlocked.Increment(ref _all[s]);
        Interlocked.Increment(ref _deliveries);
        if (timestamp >= WindowStart && timestamp < WindowEnd)
            Interlocked.Increment(ref _windowDeliveries);
        if (client == _sender[s])
            return;
        var sent = Volatile.Read(ref _sent[s]);
        var bucket = (int)
            Math.Min(_histogram.Length - 1, Stopwatch.GetElapsedTime(sent, timestamp).TotalMilliseconds * BucketsPerMs);
        if (sent >= WindowStart && sent < WindowEnd)
            Interlocked.Increment(ref _histogram[bucket]);
        Interlocked.Increment(ref _others[s]);
        long last;
        do last = Volatile.Read(ref _last[s]);
        while (timestamp > last && Interlocked.CompareExchange(ref _last[s], timestamp, last) != last);
    }

    /// <summary>True when every acknowledged response has reached every client.</summary>
    public bool AllDelivered(int posted)
    {
        for (var s = 0; s < posted; s++)
            if (_acked[s] == 1 && Volatile.Read(ref _all[s]) < Clients)
                return false;
        return true;
    }

    public Summary Summarise(int posted, double windowSeconds)
    {
        var fanOut = new List<double>();
        var acks = new List<double>();
        long lost = 0,
            incomplete = 0,
            measured = 0;
        for (var s = 0; s < posted; s++)
        {
            if (_acked[s] == 0)
                continue;
            lost += Clients - _all[s];
            var inWindow = _sent[s] >= WindowStart && _sent[s] < WindowEnd;
            if (!inWindow)
                continue;
            measured++;
            acks.Add(Stopwatch.GetElapsedTime(_sent[s], _ackedAt[s]).TotalMilliseconds);
            if (_others[s] == Clients - 1)
                fanOut.Add(Stopwatch.GetElapsedTime(_sent[s], _last[s]).TotalMilliseconds);
            else
                incomplete++;
        }
        fanOut.Sort();
        acks.Sort();
        return new Summary(
            measured,
            incomplete,
            lost,
            Interlocked.Read(ref _duplicates),
            Interlocked.Read(ref _stray),
            Interlocked.Read(ref _deliveries),
            Interlocked.Read(ref _windowDeliveries) / windowSeconds,
            Percentile(fanOut, 0.50),
            Percentile(fanOut, 0.95),
            Percentile(fanOut, 0.99),
            fanOut.Count > 0 ? fanOut[^1] : double.NaN,
            HistogramPercentile(0.50),
            HistogramPercentile(0.99),
            Percentile(acks, 0.50),
            Percentile(acks, 0.99)
        );
    }

    /// <summary>Fan-out latencies (ms) of the measured responses that every other client saw, to merge steps that ran
    /// side by side.</summary>
    public List<double> FanOuts(int posted)
    {
        var fanOut = new List<double>();
        for (var s = 0; s < posted; s++)
            if (_acked[s] == 1 && _sent[s] >= WindowStart && _sent[s] < WindowEnd && _others[s] == Clients - 1)
                fanOut.Add(Stopwatch.GetElapsedTime(_sent[s], _last[s]).TotalMilliseconds);
        return fanOut;
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private double HistogramPercentile(double p)
    {
        long total = 0;
        foreach (var c in _histogram)
            total += c;
        if (total == 0)
            return double.NaN;
        var want = (long)Math.Ceiling(p * total);
        long seen = 0;
        for (var b = 0; b < _histogram.Length; b++)
            if ((seen += _histogram[b]) >= want)
                return (b + 1) / (double)BucketsPerMs;
        return MaxMs;
    }

    public sealed record Summary(
        long Measured,
        long Incomplete,
        long LostDeliveries,
        long Duplicates,
        long Stray,
        long Deliveries,
        double DeliveriesPerSecond,
        double FanOutP50,
        double FanOutP95,
        double FanOutP99,
        double FanOutMax,
        double DeliveryP50,
        double DeliveryP99,
        double AckP50,
        double AckP99
    );
}
