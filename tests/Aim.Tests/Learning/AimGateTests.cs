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
}
