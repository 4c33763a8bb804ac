using Kindling.Web.Infrastructure;

namespace Kindling.Tests.Infrastructure;

public class TrimmableBlockPoolTests
{
    [Fact]
    public void ABlock_Is4KB_AndIsReusedOnceReturned()
    {
        using var pool = new TrimmableBlockPool();
        var first = pool.Rent();
        Assert.Equal(TrimmableBlockPool.BlockSize, first.Memory.Length);
        Assert.Equal(TrimmableBlockPool.BlockSize, pool.MaxBufferSize);
        first.Memory.Span[0] = 42;
        first.Dispose();
        Assert.Equal(1, pool.IdleBlocks);
        var again = pool.Rent();
        Assert.Same(first, again);
        Assert.Equal(0, pool.IdleBlocks);
    }

    [Fact]
    public void Trim_DropsTheIdleBlocks_NotTheOnesInUse()
    {
        using var pool = new TrimmableBlockPool();
        var blocks = Enumerable.Range(0, 5).Select(_ => pool.Rent()).ToList();
        foreach (var b in blocks.Take(3))
            b.Dispose();
        Assert.Equal(3, pool.Trim());
        Assert.Equal(0, pool.IdleBlocks);
        var fresh = pool.Rent();
        Assert.DoesNotContain(blocks, b => ReferenceEquals(b, fresh));
        blocks[4].Dispose(); // a block in use during the trim still comes back to the pool
        Assert.Equal(1, pool.IdleBlocks);
    }

    [Fact]
    public void MoreThanABlock_IsRefused()
    {
        using var pool = new TrimmableBlockPool();
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(TrimmableBlockPool.BlockSize + 1));
        Assert.Equal(TrimmableBlockPool.BlockSize, pool.Rent(TrimmableBlockPool.BlockSize).Memory.Length);
    }

    [Fact]
    public void Disposed_KeepsNothing_AndRentsNothing()
    {
        var pool = new TrimmableBlockPool();
        var block = pool.Rent();
        pool.Dispose();
        block.Dispose();
        Assert.Equal(0, pool.IdleBlocks);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    [Fact]
    public void ThePools_TrimEveryPoolTheyCreated()
    {
        var pools = new TrimmableBlockPools();
        var a = pools.Create();
        var b = pools.Create();
        a.Rent().Dispose();
        b.Rent().Dispose();
        b.Rent().Dispose();
        Assert.Equal(2, pools.IdleBlocks); // b reused its block
        using (var c = b.Rent())
        using (var d = b.Rent())
        {
            Assert.Equal(1, pools.IdleBlocks);
        }
        Assert.Equal(3, pools.IdleBlocks);
        Assert.Equal(3, pools.Trim());
        Assert.Equal(0, pools.IdleBlocks);
        GC.KeepAlive(a);
        GC.KeepAlive(b);
    }
}
