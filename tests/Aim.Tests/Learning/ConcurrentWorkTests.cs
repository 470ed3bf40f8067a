using Aim.Learning.Torch;
using Aim.Tests.Cli;

namespace Aim.Tests.Learning;

/// <summary>
/// <see cref="ConcurrentWork"/> runs every piece once, a width of 1 runs them in order on the calling thread, and a
/// failing piece's own exception reaches the caller. (That results do not depend on the width is shown by the Golden
/// runs at width 1 and at the default.)
/// </summary>
[Collection(SerialRuns.Name)]
public sealed class ConcurrentWorkTests
{
    [Fact]
    public void EveryPieceRunsOnce()
    {
        var runs = new int[8];
        ConcurrentWork.For(runs.Length, i => Interlocked.Increment(ref runs[i]));
        Assert.All(runs, count => Assert.Equal(1, count));
    }

    [Fact]
    public void WidthOneRunsThePiecesInOrderOnTheCallingThread()
    {
        int defaultWidth = ConcurrentWork.Width;
        try
        {
            ConcurrentWork.Width = 1;
            var order = new List<int>();
            int caller = Environment.CurrentManagedThreadId;
            ConcurrentWork.For(4, i =>
            {
                Assert.Equal(caller, Environment.CurrentManagedThreadId);
                order.Add(i);
            });
            Assert.Equal(new[] { 0, 1, 2, 3 }, order);
        }
        finally
        {
            ConcurrentWork.Width = defaultWidth;
        }
    }

    [Fact]
    public void TwoPiecesRunAtTheSameTimeWhenTheWidthAllows()
    {
        int defaultWidth = ConcurrentWork.Width;
        try
        {
            ConcurrentWork.Width = 2;
            using var first = new ManualResetEventSlim();
            using var second = new ManualResetEventSlim();
            bool bothSeen = false;

            // Each waits for the other: only possible when they run at once.
            ConcurrentWork.Both(
                () => { first.Set(); bothSeen = second.Wait(TimeSpan.FromSeconds(20)); },
                () => { second.Set(); first.Wait(TimeSpan.FromSeconds(20)); });
            Assert.True(bothSeen);
        }
        finally
        {
            ConcurrentWork.Width = defaultWidth;
        }
    }

    [Fact]
    public void APiecesExceptionReachesTheCallerUnwrapped()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ConcurrentWork.For(3, i =>
        {
            if (i == 1)
            {
                throw new InvalidOperationException("piece 1 failed");
            }
        }));
        Assert.Equal("piece 1 failed", ex.Message);
    }

    [Fact]
    public void ANonPositiveWidthIsRefused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ConcurrentWork.Width = 0);
        Assert.Equal("value", ex.ParamName);
    }
}
