using Aim.Learning.Algorithms.HgDagger;
using Aim.Learning.Algorithms.Pvp;
using Aim.Learning.Data;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Tests.Learning.Baselines;

public class HumanGateTests
{
    private static GateInput Input(float[] robot, float[] expert, Controller previous, float[]? mean = null, float[]? std = null) =>
        new(new float[1], robot, expert, previous, mean ?? Array.Empty<float>(), std ?? Array.Empty<float>());

    [Fact]
    public void HgDaggerTakesOverOnADifferentDiscreteActionAndHandsBackOnAgreement()
    {
        var gate = new HgDaggerGate(ActionSpec.Discrete(7), threshold: 0.2);
        GateDecision take = gate.Decide(Input(new[] { 1f }, new[] { 2f }, Controller.Robot));
        Assert.Equal(Controller.Expert, take.Controller);
        Assert.Equal(HgDaggerGate.TakeOver, take.Reason);
        Assert.Equal(Controller.Expert, gate.Decide(Input(new[] { 1f }, new[] { 2f }, Controller.Expert)).Controller);
        GateDecision back = gate.Decide(Input(new[] { 2f }, new[] { 2f }, Controller.Expert));
        Assert.Equal(Controller.Robot, back.Controller);
        Assert.Equal(GateReasons.HandBack, back.Reason);
    }

    [Fact]
    public void HgDaggerContinuousThresholdIsOnTheMeanSquaredDiscrepancy()
    {
        var gate = new HgDaggerGate(ActionSpec.Continuous(2), threshold: 0.2);
        // mean((0.6, 0.6)²) = 0.36 > 0.2 → take over; mean((0.4, 0.4)²) = 0.16 ≤ 0.2 → robot.
        Assert.Equal(Controller.Expert, gate.Decide(Input(new[] { 0.6f, 0.6f }, new[] { 0f, 0f }, Controller.Robot)).Controller);
        Assert.Equal(Controller.Robot, gate.Decide(Input(new[] { 0.4f, 0.4f }, new[] { 0f, 0f }, Controller.Expert)).Controller);
    }

    [Fact]
    public void GaussianDensityMatchesTheClosedForm()
    {
        // N(0; 0, 1) = 1/√(2π) ≈ 0.398942; 2-D: product of N(1; 0, 0.5) = 2/√(2π)·e^(−2) and N(0; 0, 2) = 1/(2√(2π)).
        Assert.Equal(0.398942, PvpGate.Density(new[] { 0f }, new[] { 0f }, new[] { 1f }), 5);
        double expected = (2 / Math.Sqrt(2 * Math.PI) * Math.Exp(-2)) * (1 / (2 * Math.Sqrt(2 * Math.PI)));
        Assert.Equal(expected, PvpGate.Density(new[] { 1f, 0f }, new[] { 0f, 0f }, new[] { 0.5f, 2f }), 9);
        Assert.Throws<ArgumentException>(() => PvpGate.Density(new[] { 0f }, new[] { 0f }, new[] { 0f }));
    }

    [Fact]
    public void PvpTakesOverWhenTheExpertDensityOfTheRobotActionFallsBelowOneMinusFreeLevel()
    {
        var gate = new PvpGate(ActionSpec.Continuous(1), freeLevel: 0.95);
        float[] mean = { 0f };
        float[] std = { 1f };
        // Threshold 0.05: density(0) = 0.399 → robot; density(2.5) = 0.0175 → expert; density(2) = 0.054 → robot.
        Assert.Equal(0.05, gate.DensityThreshold, 12);
        Assert.Equal(Controller.Robot, gate.Decide(Input(new[] { 0f }, new[] { 0.3f }, Controller.Robot, mean, std)).Controller);
        GateDecision take = gate.Decide(Input(new[] { 2.5f }, new[] { 0.3f }, Controller.Robot, mean, std));
        Assert.Equal(Controller.Expert, take.Controller);
        Assert.Equal(PvpGate.LowDensity, take.Reason);
        Assert.Equal(0.0175, take.Score, 4);
        Assert.Equal(Controller.Robot, gate.Decide(Input(new[] { 2f }, new[] { 0.3f }, Controller.Expert, mean, std)).Controller);
    }

    [Fact]
    public void PvpContinuousGateNeedsTheExpertDistribution()
    {
        var gate = new PvpGate(ActionSpec.Continuous(1), freeLevel: 0.95);
        Assert.Throws<InvalidOperationException>(() => gate.Decide(Input(new[] { 0f }, new[] { 0f }, Controller.Robot)));
    }

    [Fact]
    public void PvpDiscreteGateTakesOverOnMismatch()
    {
        var gate = new PvpGate(ActionSpec.Discrete(7), freeLevel: 0.95);
        Assert.Equal(Controller.Expert, gate.Decide(Input(new[] { 3f }, new[] { 4f }, Controller.Robot)).Controller);
        Assert.Equal(Controller.Robot, gate.Decide(Input(new[] { 4f }, new[] { 4f }, Controller.Expert)).Controller);
    }
}
