using Kindling.Web.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kindling.Tests.Infrastructure;

public class IdleMemoryTests
{
    private const long MB = 1L << 20;

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A process whose allocations and committed memory the test sets; giving back drops committed to
    /// <see cref="LiveAfterGiveBack"/>.</summary>
    private sealed class Process : IProcessMemory
    {
        public long AllocatedBytes { get; set; }
        public long CommittedBytes { get; set; }
        public long LiveAfterGiveBack { get; set; }
        public int GaveBack { get; private set; }

        public long GiveBack()
        {
            GaveBack++;
            CommittedBytes = LiveAfterGiveBack;
            return CommittedBytes;
        }
    }

    private static (IdleMemory Job, Process Memory, Clock Clock) Job(bool enabled = true)
    {
        var memory = new Process { CommittedBytes = 40 * MB, LiveAfterGiveBack = 60 * MB };
        var clock = new Clock();
        var job = new IdleMemory(
            clock,
            memory,
            Options.Create(new MemoryOptions { GiveBackWhenIdle = enabled }),
            NullLogger<IdleMemory>.Instance
        );
        return (job, memory, clock);
    }

    /// <summary>The next round, after the process allocated <paramref name="allocated"/> and the collector holds
    /// <paramref name="committed"/>.</summary>
    private static bool Next(IdleMemory job, Process memory, Clock clock, long allocated, long? committed = null)
    {
        clock.Now += IdleMemory.RoundEvery;
        memory.AllocatedBytes += allocated;
        if (committed is { } c)
            memory.CommittedBytes = c;
        return job.Round();
    }

    [Fact]
    public void AfterABurst_TheFirstQuietRound_GivesMemoryBackOnce()
    {
        var (job, memory, clock) = Job();
        Assert.False(job.Round()); // the baseline: 40 MB committed at start
        Assert.False(Next(job, memory, clock, 400 * MB, committed: 150 * MB)); // the burst: busy, nothing given back
        Assert.False(Next(job, memory, clock, 300 * MB));
        Assert.True(Next(job, memory, clock, 100 * 1024)); // quiet, 110 MB grown
        Assert.Equal(1, memory.GaveBack);
        Assert.Equal(60 * MB, memory.CommittedBytes);
        for (var i = 0; i < 30; i++) // quiet from then on, nothing more to give
            Assert.False(Next(job, memory, clock, 100 * 1024));
        Assert.Equal(1, memory.GaveBack);
    }

    [Fact]
    public void WhileBusy_NothingIsCollected_HoweverMuchIsCommitted()
    {
        var (job, memory, clock) = Job();
        job.Round();
        for (var i = 0; i < 50; i++)
            Assert.False(Next(job, memory, clock, 8 * MB, committed: 500 * MB)); // 4 MB/s: a room in full swing
        Assert.Equal(0, memory.GaveBack);
    }

    [Fact]
    public void ASmallGrowth_IsNotWorthAFullCollection()
    {
        var (job, memory, clock) = Job();
        job.Round();
        Assert.False(Next(job, memory, clock, 0, committed: 40 * MB + IdleMemory.MinGrowthBytes - 1));
        Assert.True(Next(job, memory, clock, 0, committed: 40 * MB + IdleMemory.MinGrowthBytes));
    }

    [Fact]
    public void GrowthMeasuredFromTheLastGiveBack_AndAtMostOncePerGap()
    {
        var (job, memory, clock) = Job();
        job.Round();
        Assert.True(Next(job, memory, clock, 0, committed: 200 * MB)); // back to 60 MB
        memory.LiveAfterGiveBack = 100 * MB;
        Assert.False(Next(job, memory, clock, 0, committed: 100 * MB)); // 40 MB over 60: not enough
        Assert.False(Next(job, memory, clock, 0, committed: 300 * MB)); // enough, but 4 s after the last one
        clock.Now += IdleMemory.MinGap;
        Assert.True(job.Round());
        Assert.Equal(2, memory.GaveBack);
    }

    [Fact]
    public void TurnedOff_NeverCollects()
    {
        var (job, memory, clock) = Job(enabled: false);
        job.Round();
        Assert.False(Next(job, memory, clock, 0, committed: 900 * MB));
        Assert.Equal(0, memory.GaveBack);
    }
}
