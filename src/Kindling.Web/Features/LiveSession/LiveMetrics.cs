using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// The live rooms' numbers for operators, on the meter "Kindling.Live" (exported at <c>/metrics</c>; the table is in
/// docs/operations.md, Monitoring). Counts are per instance.
/// </summary>
/// <remarks>
/// Cheap on the write path: a counter add and a histogram record per transaction, one histogram record per
/// broadcast change, no tags, no allocation, no lock of ours; with nobody listening (<c>Telemetry:Metrics=false</c>)
/// each is a no-op. Who is connected is not counted as it changes: the gauges read <see cref="Presence"/> when
/// metrics are collected, i.e. when Prometheus scrapes.
/// </remarks>
public sealed class LiveMetrics
{
    public const string MeterName = "Kindling.Live";

    private readonly Counter<long> _commits;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<double> _broadcastLatency;
    private readonly Counter<long> _broadcastFailures;
    private Presence? _presence;

    public LiveMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _commits = meter.CreateCounter<long>(
            "kindling.live.commits",
            "{change}",
            "Live changes stored (responses, votes, facilitator moves): their rate is commits per second."
        );
        _batchSize = meter.CreateHistogram(
            "kindling.live.commit.batch_size",
            "{change}",
            "Changes one transaction took (group commit): mostly 1 when quiet, larger under load, at most 64.",
            tags: null,
            new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] }
        );
        _commitDuration = meter.CreateHistogram(
            "kindling.live.commit.duration",
            "s",
            "Time one live transaction took, from its start to its commit.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = Seconds }
        );
        _broadcastLatency = meter.CreateHistogram(
            "kindling.live.broadcast.latency",
            "s",
            "From a change's commit until it was handed to every connection of its session (or to Redis).",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = Seconds }
        );
        _broadcastFailures = meter.CreateCounter<long>(
            "kindling.live.broadcast.failures",
            "{change}",
            "Committed changes whose broadcast failed (clients fetch them when they notice the gap)."
        );
        meter.CreateObservableGauge(
            "kindling.live.sessions",
            () => _presence?.Counts().Sessions ?? 0,
            "{session}",
            "Live sessions with at least one person connected to this instance."
        );
        meter.CreateObservableGauge(
            "kindling.live.participants",
            () => _presence?.Counts().People ?? 0,
            "{person}",
            "People connected to a live session on this instance (one person in two tabs counts once)."
        );
        meter.CreateObservableGauge(
            "kindling.live.connections",
            () => _presence?.Counts().Connections ?? 0,
            "{connection}",
            "Connections joined to a live session on this instance."
        );
    }

    private static readonly IReadOnlyList<double> Seconds =
    [
        0.001,
        0.0025,
        0.005,
        0.01,
        0.025,
        0.05,
        0.1,
        0.25,
        0.5,
        1,
        2.5,
        5,
    ];

    /// <summary>Where the gauges read who is connected (Presence registers itself when it is created).</summary>
    internal void Observe(Presence presence) => _presence = presence;

    /// <summary>A transaction of the write gate ended: it took <paramref name="taken"/> changes and stored
    /// <paramref name="stored"/> of them (none when it rolled back).</summary>
    public void Committed(int taken, int stored, long startedAt, long committedAt)
    {
        _batchSize.Record(taken);
        _commitDuration.Record(Stopwatch.GetElapsedTime(startedAt, committedAt).TotalSeconds);
        if (stored > 0)
            _commits.Add(stored);
    }

    /// <summary>Whether anyone listens to broadcast latency (so the broadcaster can skip reading the clock).</summary>
    public bool TimesBroadcasts => _broadcastLatency.Enabled;

    public void Broadcast(long committedAt, long sentAt)
    {
        if (committedAt != 0) // 0: published while nobody listened
            _broadcastLatency.Record(Stopwatch.GetElapsedTime(committedAt, sentAt).TotalSeconds);
    }

    public void BroadcastFailed(int changes) => _broadcastFailures.Add(changes);
}
