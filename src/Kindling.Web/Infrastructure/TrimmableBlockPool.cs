using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// Kestrel's buffers, in a pool that <see cref="IdleMemory"/> can empty. Kestrel's own pool keeps every block a burst
/// needed and evicts at most 1 % of them every 10 s while any traffic flows, which a thousand live connections (each a
/// keep-alive ping now and then) always make: after a room of 1,000 filled, 22 MB of idle 4 KB blocks stayed, and a
/// minute later 0.2 MB had gone (docs/performance.md, memory from a fresh process). This pool works like Kestrel's
/// (pinned 4 KB blocks, reused first in, first out) and lets go of its idle blocks when asked, so the collection that
/// follows gives them back.
/// </summary>
public sealed class TrimmableBlockPool : MemoryPool<byte>
{
    public const int BlockSize = 4096;

    private readonly ConcurrentQueue<Block> _idle = new();
    private volatile bool _disposed;

    public override int MaxBufferSize => BlockSize;

    /// <summary>Blocks waiting to be reused.</summary>
    public int IdleBlocks => _idle.Count;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _idle.TryDequeue(out var block) ? block : new Block(this);
    }

    /// <summary>Drops every idle block (blocks in use come back and are kept as usual); returns how many
    /// went.</summary>
    public int Trim()
    {
        var dropped = 0;
        while (_idle.TryDequeue(out _))
            dropped++;
        return dropped;
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        Trim();
    }

    private void Return(Block block)
    {
        if (!_disposed)
            _idle.Enqueue(block);
    }

    private sealed class Block(TrimmableBlockPool pool) : IMemoryOwner<byte>
    {
        // Pinned, as Kestrel's are: sockets and TLS hand these to native code, and a pinned-object-heap array never
        // pins the ordinary heap in place.
        public Memory<byte> Memory { get; } =
            MemoryMarshal.CreateFromPinnedArray(
                GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true),
                0,
                BlockSize
            );

        public void Dispose() => pool.Return(this);
    }
}

/// <summary>Creates Kestrel's pools (one per listening transport) and empties them all on request.</summary>
public sealed class TrimmableBlockPools : IMemoryPoolFactory<byte>
{
    private readonly List<WeakReference<TrimmableBlockPool>> _pools = [];

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null)
    {
        var pool = new TrimmableBlockPool();
        lock (_pools)
        {
            _pools.RemoveAll(p => !p.TryGetTarget(out _));
            _pools.Add(new WeakReference<TrimmableBlockPool>(pool));
        }
        return pool;
    }

    /// <summary>Idle blocks over every live pool.</summary>
    public int IdleBlocks => Live().Sum(p => p.IdleBlocks);

    /// <summary>Empties every live pool; returns how many blocks went.</summary>
    public int Trim() => Live().Sum(p => p.Trim());

    private List<TrimmableBlockPool> Live()
    {
        lock (_pools)
            return [.. _pools.Select(p => p.TryGetTarget(out var pool) ? pool : null).OfType<TrimmableBlockPool>()];
    }
}
