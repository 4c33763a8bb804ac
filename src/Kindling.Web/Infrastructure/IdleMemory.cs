using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Infrastructure;

/// <summary>The <c>Memory</c> settings.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>Give memory the collector grew into during a burst back to the machine once the process is quiet
    /// (see <see cref="IdleMemory"/>). On by default; <c>Memory__GiveBackWhenIdle=false</c> turns it off.</summary>
    public bool GiveBackWhenIdle { get; set; } = true;
}

/// <summary>What the garbage collector reports, and giving memory back, behind an interface so
/// <see cref="IdleMemory"/>'s decisions can be tested without a real burst.</summary>
public interface IProcessMemory
{
    /// <summary>Bytes allocated since the process started (cheap, approximate).</summary>
    long AllocatedBytes { get; }

    /// <summary>Memory the collector had committed at its last collection.</summary>
    long CommittedBytes { get; }

    /// <summary>Empties Kestrel's buffer pools, then a blocking, compacting collection that returns free memory to
    /// the operating system; returns the memory committed afterwards.</summary>
    long GiveBack();
}

public sealed class RuntimeProcessMemory(TrimmableBlockPools? pools = null) : IProcessMemory
{
    public long AllocatedBytes => GC.GetTotalAllocatedBytes(precise: false);

    public long CommittedBytes => GC.GetGCMemoryInfo().TotalCommittedBytes;

    public long GiveBack()
    {
        pools?.Trim();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return CommittedBytes;
    }
}

/// <summary>
/// A burst (a cohort signing in at once, a room filling) makes the collector grow its budgets and keep that memory
/// committed; it gives it back only at a later collection. At rest, with a thousand people connected and little being
/// written, that collection may not come for hours, so the process holds up to twice the memory its live objects need
/// (docs/performance.md, memory from a fresh process). When the process has allocated almost nothing for one round and
/// the collector has committed <see cref="MinGrowthBytes"/> more than after the last such collection (or at start),
/// one aggressive collection returns what is not live. It pauses the process once, for tens of milliseconds, only
/// when nobody is doing much, and at most once per <see cref="MinGap"/>; a new burst grows the budgets again.
/// </summary>
public sealed class IdleMemory(
    TimeProvider clock,
    IProcessMemory memory,
    IOptions<MemoryOptions> options,
    ILogger<IdleMemory> log
) : ClockedJob(clock, log)
{
    /// <summary>Allocated in one round below this, the process counts as quiet (under 1 MB/s).</summary>
    public const long QuietBytesPerRound = 2L << 20;

    /// <summary>Committed growth below this is not worth a full collection.</summary>
    public const long MinGrowthBytes = 48L << 20;

    /// <summary>At most one collection per this, whatever the readings say.</summary>
    public static readonly TimeSpan MinGap = TimeSpan.FromSeconds(10);

    private long? allocatedBefore;
    private long? committedBaseline;
    private DateTimeOffset? lastGiveBack;

    /// <summary>How often the collector is read.</summary>
    public static readonly TimeSpan RoundEvery = TimeSpan.FromSeconds(2);

    protected override TimeSpan Every => RoundEvery;

    protected override string Doing => "Giving idle memory back";

    /// <summary>Whether to collect now: quiet for the last round, committed grown by <see cref="MinGrowthBytes"/>
    /// since the baseline, and no collection of ours within <see cref="MinGap"/>.</summary>
    public static bool ShouldGiveBack(long allocatedInRound, long committed, long baseline, TimeSpan? sinceLast) =>
        allocatedInRound < QuietBytesPerRound
        && committed - baseline >= MinGrowthBytes
        && (sinceLast is null || sinceLast >= MinGap);

    protected override Task RunOnceAsync()
    {
        Round();
        return Task.CompletedTask;
    }

    /// <summary>One round: reads the collector and gives memory back when <see cref="ShouldGiveBack"/> says so;
    /// returns whether it did.</summary>
    public bool Round()
    {
        if (!options.Value.GiveBackWhenIdle)
            return false;
        var allocated = memory.AllocatedBytes;
        var committed = memory.CommittedBytes;
        var before = allocatedBefore;
        allocatedBefore = allocated;
        committedBaseline ??= committed;
        var now = Clock.GetUtcNow();
        if (
            before is null
            || !ShouldGiveBack(allocated - before.Value, committed, committedBaseline.Value, now - lastGiveBack)
        )
            return false;
        var committedAfter = memory.GiveBack();
        lastGiveBack = now;
        allocatedBefore = memory.AllocatedBytes;
        committedBaseline = committedAfter;
        log.LogInformation(
            "Quiet after a burst: gave memory back to the system (the collector had {CommittedMb} MB committed, now "
                + "{CommittedAfterMb} MB)",
            committed >> 20,
            committedAfter >> 20
        );
        return true;
    }
}

public static class IdleMemorySetup
{
    public static void AddKindlingIdleMemory(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MemoryOptions.Section);
        builder.Services.Configure<MemoryOptions>(section);
        if (section.GetValue(nameof(MemoryOptions.GiveBackWhenIdle), true))
        {
            // Registered after Kestrel's own factory, so Kestrel's transports get these pools.
            builder.Services.AddSingleton<TrimmableBlockPools>();
            builder.Services.AddSingleton<IMemoryPoolFactory<byte>>(sp => sp.GetRequiredService<TrimmableBlockPools>());
        }
        builder.Services.AddSingleton<IProcessMemory>(sp => new RuntimeProcessMemory(
            sp.GetService<TrimmableBlockPools>()
        ));
        builder.Services.AddHostedService<IdleMemory>();
    }
}
