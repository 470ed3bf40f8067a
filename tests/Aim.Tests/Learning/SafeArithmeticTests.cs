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
        Assert.True(a.Clamp(-1, 1).eq(a.clamp(-1, 1)).all().item<bool>());
        Assert.True(a.ClampMax(1).eq(a.clamp_max(1)).all().item<bool>());
    }
}
