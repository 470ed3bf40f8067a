using Aim.Learning.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Tests.Learning;

public class SafeAdamTests
{
    [Fact]
    public void MatchesTorchSharpAdamStepForStep()
    {
        torch.manual_seed(7);
        using var reference = nn.Sequential(nn.Linear(5, 16), nn.Tanh(), nn.Linear(16, 3));
        using var ours = nn.Sequential(nn.Linear(5, 16), nn.Tanh(), nn.Linear(16, 3));
        ours.load_state_dict(reference.state_dict());
        using var x = torch.randn(64, 5);
        using var y = torch.randn(64, 3);
        using var torchAdam = optim.Adam(reference.parameters(), lr: 0.01);
        using var safeAdam = new SafeAdam(ours.parameters(), lr: 0.01);

        for (int step = 0; step < 50; step++)
        {
            using var scope = torch.NewDisposeScope();
            torchAdam.zero_grad();
            nn.functional.mse_loss(reference.call(x), y).backward();
            torchAdam.step();

            safeAdam.ZeroGrad();
            nn.functional.mse_loss(ours.call(x), y).backward();
            safeAdam.Step();
        }

        foreach (var (a, b) in reference.parameters().Zip(ours.parameters()))
        {
            Assert.True(a.allclose(b, rtol: 1e-4, atol: 1e-6), "SafeAdam diverged from torch.optim.Adam");
        }

        Assert.Equal(50, safeAdam.Steps);
    }

    [Fact]
    public void RejectsANonPositiveLearningRate()
    {
        using var layer = nn.Linear(2, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SafeAdam(layer.parameters(), lr: 0));
        Assert.Contains("learning rate", e.Message);
    }
}
