using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Tests.Learning;

public class AimLossTests
{
    [Fact]
    public void RegressionPushesExpertToMinusOneAndDeviatingRobotToPlusOnePerSample()
    {
        using var qExpert = tensor(new[] { -1f, 0f, 1f });
        using var qRobot = tensor(new[] { 1f, 0f, -1f });
        using var mask = tensor(new[] { 1f, 0f, 1f });
        // expert: (0² + 1² + 2²)/3 = 5/3; robot: (1·0² + 0·1² + 1·(−2)²)/3 = 4/3.
        using var loss = AimLoss.Regression(qExpert, qRobot, mask);
        Assert.Equal(3.0, loss.item<float>(), 5);
    }

    [Fact]
    public void MaskedSamplesContributeNothingWhateverTheirValue()
    {
        using var qExpert = tensor(new[] { -1f, -1f });
        using var a = AimLoss.Regression(qExpert, tensor(new[] { 1f, 100f }), tensor(new[] { 1f, 0f }));
        using var b = AimLoss.Regression(qExpert, tensor(new[] { 1f, -7f }), tensor(new[] { 1f, 0f }));
        Assert.Equal(0.0, a.item<float>(), 6);
        Assert.Equal(0.0, b.item<float>(), 6);
    }

    [Fact]
    public void TdTargetIsRewardFreeDiscountedAndStopsAtTermination()
    {
        using var next = tensor(new[] { 1f, 0.5f, 2f });
        using var terminated = tensor(new[] { 0f, 0f, 1f });
        using var target = AimLoss.TdTarget(next, terminated, gamma: 0.9);
        Assert.Equal(new[] { 0.9f, 0.45f, 0f }, target.data<float>().ToArray());
        using var shifted = AimLoss.TdTarget(next, terminated, gamma: 0.9, reward: -1);
        Assert.Equal(-0.1f, shifted.data<float>()[0], 5);
    }

    [Fact]
    public void DiscreteNextValueIsTheMaxOfTheTargetNetwork()
    {
        torch.manual_seed(3);
        var spec = new ObservationSpec(new[] { 4 });
        using var q = new ProxyQ(spec, ActionSpec.Discrete(3), new NetworkOptions(new[] { 8 }));
        using var next = torch.randn(5, 4);
        using var all = q.Target.Forward(next);
        using var expected = all.max(1).values;
        using var actual = q.NextValues(next, robot: null!);
        Assert.True(actual.allclose(expected));

        // Q(s, a) picks the column of the chosen action.
        using var actions = tensor(new[] { 2f, 0f, 1f, 1f, 0f }).view(5, 1);
        using var online = q.Online.Forward(next);
        using var picked = q.Values(next, actions);
        Assert.Equal(online[0, 2].item<float>(), picked[0].item<float>(), 6);
        Assert.Equal(online[2, 1].item<float>(), picked[2].item<float>(), 6);
    }

    [Fact]
    public void TdLossWithAFixedTargetNetworkMatchesAHandComputation()
    {
        using var q = tensor(new[] { 0.5f, -0.5f });
        using var target = AimLoss.TdTarget(tensor(new[] { 1f, 1f }), tensor(new[] { 0f, 1f }), gamma: 0.5);
        // targets 0.5 and 0: ((0.5−0.5)² + (−0.5−0)²)/2 = 0.125
        using var loss = AimLoss.Td(q, target);
        Assert.Equal(0.125, loss.item<float>(), 6);
    }

    [Fact]
    public void SoftUpdateMovesTheTargetByTau()
    {
        torch.manual_seed(4);
        using var q = new ProxyQ(new ObservationSpec(new[] { 2 }), ActionSpec.Discrete(2), new NetworkOptions(new[] { 4 }));
        var before = q.Target.parameters().First().detach().clone();
        using (torch.no_grad())
        {
            q.Online.parameters().First().add_(1.0);
        }

        q.SoftUpdate(0.1);
        var after = q.Target.parameters().First();
        Assert.True((after - before).allclose(torch.full_like(before, 0.1), atol: 1e-5));
    }
}
