using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using static TorchSharp.torch;

namespace Aim.Tests.Learning.Baselines;

public class RiskCriticTests
{
    [Fact]
    public void TargetPaysOneAtSuccessStopsAtDoneAndTakesTheMinimumOfTheTwinTargets()
    {
        using var scope = NewDisposeScope();
        // Row 0: success (reward 1, done) → 1. Row 1: failure/horizon (done, no success) → 0.
        // Row 2: ongoing → γ·min(0.8, 0.6) = 0.5·0.6. Row 3: ongoing, Q̂2 < Q̂1 swapped → 0.5·0.2.
        Tensor successes = tensor(new float[] { 1, 0, 0, 0 });
        Tensor done = tensor(new float[] { 1, 1, 0, 0 });
        Tensor next1 = tensor(new float[] { 0.9f, 0.9f, 0.8f, 0.2f });
        Tensor next2 = tensor(new float[] { 0.7f, 0.7f, 0.6f, 0.4f });
        float[] y = RiskCritic.TdTarget(successes, done, next1, next2, gamma: 0.5).data<float>().ToArray();
        Assert.Equal(new[] { 1f, 0f, 0.3f, 0.1f }, y.Select(v => MathF.Round(v, 6)).ToArray());
    }

    [Fact]
    public void LossIsTheSumOfBothCriticsSquaredErrors()
    {
        using var scope = NewDisposeScope();
        Tensor q1 = tensor(new float[] { 0.5f, 1f });
        Tensor q2 = tensor(new float[] { 0f, 0f });
        Tensor y = tensor(new float[] { 0f, 1f });
        // mean(0.25, 0) + mean(0, 1) = 0.125 + 0.5.
        Assert.Equal(0.625, RiskCritic.Loss(q1, q2, y).item<float>(), 6);
    }

    [Fact]
    public void CriticsAreSigmoidsAndDiscreteCriticsGiveOneValuePerAction()
    {
        using var scope = NewDisposeScope();
        var observation = new ObservationSpec(new[] { 3 });
        using var discrete = new RiskCritic(observation, ActionSpec.Discrete(4), new NetworkOptions(new[] { 8 }));
        Assert.Equal(4, discrete.Q1.OutputSize);
        double safety = discrete.Safety(new float[] { 1, 2, 3 }, new float[] { 2 });
        Assert.InRange(safety, 0, 1);

        using var continuous = new RiskCritic(observation, ActionSpec.Continuous(2), new NetworkOptions(new[] { 8 }));
        Assert.Equal(1, continuous.Q1.OutputSize);
        Assert.InRange(continuous.Safety(new float[] { 1, 2, 3 }, new float[] { 0.5f, -0.5f }), 0, 1);

        // The target starts equal to its critic and Polyak moves it by (1 − ρ) of the gap.
        Tensor obs = tensor(new float[] { 1, 2, 3 }, new long[] { 1, 3 });
        Tensor act = tensor(new float[] { 0.5f, -0.5f }, new long[] { 1, 2 });
        Assert.Equal(continuous.Values(continuous.Q1, obs, act).item<float>(), continuous.Values(continuous.Target1, obs, act).item<float>());
    }
}
