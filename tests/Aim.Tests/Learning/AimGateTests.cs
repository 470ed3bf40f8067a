using Aim.Core.Random;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Tests.Learning;

public class AimGateTests
{
    private static GateDecision Decide(AimGate gate, double q, float[] robot, float[] expert, Controller previous) =>
        gate.Decide(q, new GateInput(new float[1], robot, expert, previous));

    [Fact]
    public void RobotAsksForHelpOnlyAboveBeta()
    {
        var gate = new AimGate(ActionSpec.Discrete(7), delta: 0.05, beta: 0.2, epsilon: 0, minSamples: 25);
        Assert.Equal(Controller.Expert, Decide(gate, 0.21, new[] { 1f }, new[] { 1f }, Controller.Robot).Controller);
        Assert.Equal(Controller.Robot, Decide(gate, 0.2, new[] { 1f }, new[] { 2f }, Controller.Robot).Controller);
        Assert.Equal(AimGate.AskForHelp, Decide(gate, 0.9, new[] { 1f }, new[] { 1f }, Controller.Robot).Reason);
    }

    [Fact]
    public void RobotGateIgnoresTheExpertActionWhileTheRobotDrives()
    {
        var gate = new AimGate(ActionSpec.Discrete(7), 0.05, beta: 0.5, epsilon: 0, minSamples: 25);
        // The actions disagree, but the human is not watching: only Q^I decides.
        Assert.Equal(Controller.Robot, Decide(gate, -0.9, new[] { 3f }, new[] { 4f }, Controller.Robot).Controller);
    }

    [Fact]
    public void DiscreteExpertHandsBackOnlyWhenTheActionsAgree()
    {
        var gate = new AimGate(ActionSpec.Discrete(7), 0.05, beta: 0.5, epsilon: 0, minSamples: 25);
        GateDecision stay = Decide(gate, double.NaN, new[] { 3f }, new[] { 4f }, Controller.Expert);
        Assert.Equal(Controller.Expert, stay.Controller);
        Assert.Equal(GateReasons.ExpertContinues, stay.Reason);
        GateDecision back = Decide(gate, double.NaN, new[] { 4f }, new[] { 4f }, Controller.Expert);
        Assert.Equal(Controller.Robot, back.Controller);
        Assert.Equal(GateReasons.HandBack, back.Reason);
    }

    [Fact]
    public void ContinuousExpertHandsBackWithinEpsilonOfMeanSquaredDiscrepancy()
    {
        var gate = new AimGate(ActionSpec.Continuous(2), 0.05, beta: 0.5, epsilon: 0.05, minSamples: 25);
        // mean((0.2, 0.2)²) = 0.04 ≤ 0.05 → hand back; mean((0.4, 0)²) = 0.08 > 0.05 → stay.
        Assert.Equal(Controller.Robot, Decide(gate, double.NaN, new[] { 0.2f, 0.2f }, new[] { 0f, 0f }, Controller.Expert).Controller);
        Assert.Equal(Controller.Expert, Decide(gate, double.NaN, new[] { 0.4f, 0f }, new[] { 0f, 0f }, Controller.Expert).Controller);
    }

    [Fact]
    public void BetaIsTheUpperQuantileOfRecentRobotQOnceEnoughAreHeld()
    {
        var gate = new AimGate(ActionSpec.Discrete(7), delta: 0.1, beta: 7, epsilon: 0, minSamples: 25);
        for (int i = 0; i < 25; i++)
        {
            gate.RecordRobotStep(i);
        }

        Assert.False(gate.RefitBeta());
        Assert.Equal(7, gate.Beta);
        gate.RecordRobotStep(25);
        Assert.True(gate.RefitBeta());
        // 0.9-quantile of 0..25 (26 values): position 22.5 → 22.5.
        Assert.Equal(22.5, gate.Beta, 10);
        gate.ClearRecent();
        Assert.Empty(gate.RecentRobotQ);
    }

    [Fact]
    public void NextStepHandBackKeepsTheAgreeingStepAsTheExperts()
    {
        var gate = new AimGate(ActionSpec.Discrete(7), 0.1, beta: 0.5, epsilon: 0, minSamples: 25) { HandBack = AimHandBack.NextStep };
        GateDecision stay = Decide(gate, double.NaN, new[] { 3f }, new[] { 4f }, Controller.Expert);
        Assert.Equal(Controller.Expert, stay.Controller);
        Assert.False(stay.HandsBackAfter);
        GateDecision back = Decide(gate, double.NaN, new[] { 4f }, new[] { 4f }, Controller.Expert);
        Assert.Equal(Controller.Expert, back.Controller);
        Assert.True(back.HandsBackAfter);
        Assert.Equal(GateReasons.HandBackNext, back.Reason);
    }

    [Fact]
    public void TrackedQuantileRisesAfterARequestAndFallsAfterAContinue()
    {
        var gate = new AimGate(ActionSpec.Discrete(7), delta: 0.1, beta: 0.3, epsilon: 0, minSamples: 25);
        gate.TrackQuantile(asked: true, step: 0.02);
        Assert.Equal(0.3 + (0.02 * 0.9), gate.Beta, 12);
        gate.TrackQuantile(asked: false, step: 0.02);
        Assert.Equal(0.3 + (0.02 * 0.9) - (0.02 * 0.1), gate.Beta, 12);
    }

    /// <summary>
    /// Hand-made Q^I values, one per robot decision, with β moved after every decision: once β has found the values,
    /// and again after every value jumps by 0.5 halfway (Q^I retrained), the fraction of decisions that ask is δ. Over
    /// the whole stream the excess is exactly the distance β travelled, in steps.
    /// </summary>
    [Theory]
    [InlineData(0.02)]
    [InlineData(0.1)]
    [InlineData(0.2)]
    public void TrackedQuantileMakesTheRequestRateDelta(double delta)
    {
        const double step = 0.02;
        const int decisions = 20_000;
        const int settle = 2_000;
        var gate = new AimGate(ActionSpec.Discrete(7), delta, beta: -1, epsilon: 0, minSamples: 25);
        var rng = new Rng(11);
        var asked = new bool[decisions];
        for (int i = 0; i < decisions; i++)
        {
            double q = rng.NextDouble(-1, 0) + (i >= decisions / 2 ? 0.5 : 0.0);
            asked[i] = Decide(gate, q, new[] { 1f }, new[] { 2f }, Controller.Robot).Controller == Controller.Expert;
            gate.TrackQuantile(asked[i], step);
        }

        double RateOver(int from, int to) => asked[from..to].Count(a => a) / (double)(to - from);
        Assert.InRange(RateOver(settle, decisions / 2), delta * 0.9, delta * 1.1);
        Assert.InRange(RateOver((decisions / 2) + settle, decisions), delta * 0.9, delta * 1.1);
        Assert.Equal((gate.Beta - -1) / step, asked.Count(a => a) - (delta * decisions), 6);

        // β rests at the (1 − δ)-quantile of the shifted values, uniform on [−0.5, 0.5], within a few steps.
        Assert.InRange(gate.Beta, 0.5 - delta - 0.05, 0.5 - delta + 0.05);
    }
}
