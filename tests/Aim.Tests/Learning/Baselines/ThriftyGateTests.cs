using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Data;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using static TorchSharp.torch;

namespace Aim.Tests.Learning.Baselines;

public class ThriftyGateTests
{
    private static GateDecision Decide(ThriftyGate gate, double novelty, double risk, float[] robot, float[] expert, Controller previous) =>
        gate.Decide(novelty, risk, new GateInput(new float[1], robot, expert, previous));

    private static ThriftyGate Gate(ActionSpec action, bool useRisk = true) => new(action, alpha: 0.1, useRisk, minSamples: 25)
    {
        NoveltyThreshold = 0.5,
        RiskThreshold = 0.4,
        DiscrepancyThreshold = 0.05,
        HandBackRiskThreshold = 0.6,
    };

    [Fact]
    public void NoveltyIsTheMeanOverDimensionsOfThePopulationVarianceAcrossMembers()
    {
        // 3 members × 2 states × 2 dims. State 0: dim 0 = (0.1, 0.3, 0.2) → mean 0.2, var (0.01 + 0.01 + 0)/3;
        // dim 1 = (0.9, 0.7, 0.8) → the same; novelty = 0.02/3. State 1: dim 0 = (0, 0, 0.6) → mean 0.2,
        // var (0.04 + 0.04 + 0.16)/3 = 0.08; dim 1 constant → 0; novelty = 0.04.
        using var outputs = tensor(
            new float[] { 0.1f, 0.9f, 0f, 1f, 0.3f, 0.7f, 0f, 1f, 0.2f, 0.8f, 0.6f, 1f },
            new long[] { 3, 2, 2 });
        float[] novelty = BootstrapEnsemble.Novelty(outputs).data<float>().ToArray();
        Assert.Equal(0.02 / 3, novelty[0], 6);
        Assert.Equal(0.04, novelty[1], 6);
    }

    [Fact]
    public void EnsembleActsWithTheMeanOrTheArgmaxOfMeanProbabilities()
    {
        // Member 0 prefers action 0 strongly, members 1 and 2 prefer action 1 weakly: the mean picks action 0
        // (0.9 + 0.4 + 0.4)/3 = 0.567 > 0.433, which a majority vote would not.
        using var probs = tensor(new float[] { 0.9f, 0.1f, 0.4f, 0.6f, 0.4f, 0.6f }, new long[] { 3, 1, 2 });
        Assert.Equal(0f, BootstrapEnsemble.ActionFrom(probs, discrete: true).item<float>());
        Assert.Equal(0.567, BootstrapEnsemble.ActionFrom(probs, discrete: false).data<float>()[0], 3);
    }

    [Fact]
    public void NoveltyIsCheckedBeforeRisk()
    {
        ThriftyGate gate = Gate(ActionSpec.Discrete(3));
        GateDecision both = Decide(gate, novelty: 0.9, risk: 0.1, new[] { 0f }, new[] { 1f }, Controller.Robot);
        Assert.Equal(Controller.Expert, both.Controller);
        Assert.Equal(ThriftyGate.Novel, both.Reason);
        GateDecision risky = Decide(gate, novelty: 0.1, risk: 0.1, new[] { 0f }, new[] { 1f }, Controller.Robot);
        Assert.Equal(ThriftyGate.Risky, risky.Reason);
        Assert.Equal(0.1, risky.Score);
        Assert.Equal(Controller.Robot, Decide(gate, novelty: 0.5, risk: 0.4, new[] { 0f }, new[] { 1f }, Controller.Robot).Controller);
    }

    [Fact]
    public void WithoutACriticRiskIsIgnored()
    {
        ThriftyGate gate = Gate(ActionSpec.Discrete(3), useRisk: false);
        Assert.Equal(Controller.Robot, Decide(gate, novelty: 0.1, risk: double.NaN, new[] { 0f }, new[] { 1f }, Controller.Robot).Controller);
        Assert.Equal(Controller.Robot, Decide(gate, double.NaN, double.NaN, new[] { 1f }, new[] { 1f }, Controller.Expert).Controller);
    }

    [Fact]
    public void HandBackNeedsAgreementAndSafety()
    {
        ThriftyGate gate = Gate(ActionSpec.Continuous(2));
        float[] expert = { 0f, 0f };
        float[] close = { 0.2f, 0.2f }; // mean square 0.04 < β_R = 0.05
        float[] far = { 0.4f, 0f };     // 0.08
        Assert.Equal(Controller.Robot, Decide(gate, double.NaN, 0.7, close, expert, Controller.Expert).Controller);
        Assert.Equal(Controller.Expert, Decide(gate, double.NaN, 0.5, close, expert, Controller.Expert).Controller);
        Assert.Equal(Controller.Expert, Decide(gate, double.NaN, 0.7, far, expert, Controller.Expert).Controller);
        GateDecision stay = Decide(gate, double.NaN, 0.5, far, expert, Controller.Expert);
        Assert.Equal(GateReasons.ExpertContinues, stay.Reason);
    }

    [Fact]
    public void DiscreteHandBackNeedsEqualActions()
    {
        ThriftyGate gate = Gate(ActionSpec.Discrete(3));
        gate.DiscrepancyThreshold = 0;
        Assert.Equal(Controller.Robot, Decide(gate, double.NaN, 0.9, new[] { 2f }, new[] { 2f }, Controller.Expert).Controller);
        Assert.Equal(Controller.Expert, Decide(gate, double.NaN, 0.9, new[] { 1f }, new[] { 2f }, Controller.Expert).Controller);
    }

    [Fact]
    public void ThresholdsRefitFromRobotModeSamplesOnceMoreThanTheMinimumAreHeld()
    {
        ThriftyGate gate = Gate(ActionSpec.Continuous(2));
        for (int i = 0; i <= 24; i++)
        {
            gate.RecordRobotStep(novelty: i, risk: 100 + i);
        }

        Assert.False(gate.Refit());
        Assert.Equal(0.5, gate.NoveltyThreshold);
        gate.RecordRobotStep(novelty: 25, risk: 125);
        Assert.True(gate.Refit());

        // 26 values 0..25 (risk 100..125), α = 0.1: β_H = 0.9-quantile (position 22.5), ε_H = 0.1-quantile
        // (position 2.5), ε_R = median (position 12.5); β_R is never refit.
        Assert.Equal(22.5, gate.NoveltyThreshold, 10);
        Assert.Equal(102.5, gate.RiskThreshold, 10);
        Assert.Equal(112.5, gate.HandBackRiskThreshold, 10);
        Assert.Equal(0.05, gate.DiscrepancyThreshold);
        gate.ClearRecent();
        Assert.Empty(gate.RecentNovelties);
        Assert.Empty(gate.RecentRisks);
    }
}
