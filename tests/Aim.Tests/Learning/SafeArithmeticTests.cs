using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Pvp;
using Aim.Learning.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Tests.Learning;

public class SafeArithmeticTests
{
    [Fact]
    public void SafeOperationsGiveTheSameBitsAsTheOperators()
    {
        torch.manual_seed(11);
        using var scope = NewDisposeScope();
        Tensor a = randn(64);
        Tensor b = randn(64);
        Assert.True(a.Plus(b).eq(a + b).all().item<bool>());
        Assert.True(a.Minus(b).eq(a - b).all().item<bool>());
        Assert.True(a.Plus(1).eq(a + 1).all().item<bool>());
        Assert.True(a.Minus(1).eq(a - 1).all().item<bool>());
        Assert.True(a.Times(0.99).eq(0.99 * a).all().item<bool>());
        Assert.True(a.SubtractedFrom(1).eq(1 - a).all().item<bool>());
        Assert.True(a.Squared().eq(a.square()).all().item<bool>());
        Assert.True(a.GreaterThan(0.1).eq(a.gt(0.1)).all().item<bool>());
    }

    /// <summary>
    /// The losses AIM and PVP-DQN run tens of thousands of times per run, with collections and finalizers forced from
    /// another thread the whole time: a scalar freed during a native call would make libtorch throw.
    /// </summary>
    [Fact]
    public void LossesSurviveCollectionsDuringNativeCalls()
    {
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        try
        {
            torch.manual_seed(3);
            for (int i = 0; i < 3_000; i++)
            {
                using var scope = NewDisposeScope();
                Tensor q = randn(32);
                Tensor mask = rand(32).GreaterThan(0.5).to_type(ScalarType.Float32);
                Tensor target = AimLoss.TdTarget(randn(32), zeros(32), 0.99);
                Tensor loss = AimLoss.Regression(q, randn(32), mask).Plus(AimLoss.Td(q, target).Times(0.1))
                    .Plus(PvpLoss.Proxy(q, randn(32), mask, mask)).Plus(PvpLoss.MaskedTd(q, PvpLoss.TdTarget(randn(32), zeros(32), 0.99), mask));
                Assert.True(float.IsFinite(loss.item<float>()));
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }
}
