using Aim.Core.Random;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Pvp;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using Aim.Tests.Cli;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Tests.Learning;

/// <summary>AIM's label and target variants and its pluggable policy learner.</summary>
[Collection(SerialRuns.Name)]
public class AimVariantTests
{
    private static readonly ObservationSpec s_observation = new(new[] { 2 });
    private static readonly ActionSpec s_action = ActionSpec.Discrete(3);

    /// <summary>200 expert samples: the expert always takes action 0; the robot had proposed action 1 at each.</summary>
    private static TrainingContext Context()
    {
        var human = new HacoBuffer(200, 2, 1);
        var agent = new HacoBuffer(200, 2, 1);
        var rng = new Rng(3);
        for (int i = 0; i < 200; i++)
        {
            float x = (float)rng.NextDouble(-1, 1);
            human.Add(new[] { x, 1f }, new[] { x, 1f }, new[] { 1f }, new[] { 0f }, true, i % 10 == 0, 1, false, false, false);
            agent.Add(new[] { x, -1f }, new[] { x, -1f }, new[] { 0f }, new[] { 0f }, false, false, 0, false, false, false);
        }

        return new TrainingContext(s_observation, s_action, human, agent);
    }

    private static AimMethod Method(AimPositiveLabel label, AimPolicyLearner learner = AimPolicyLearner.BehaviourCloning)
    {
        torch.manual_seed(7);
        return new AimMethod(
            s_observation,
            s_action,
            new AimOptions
            {
                PositiveLabel = label,
                Learner = learner,
                QBatchSize = 64,
                QInitialSteps = 150,
                QStepsPerUpdate = 20,
                QLearningRate = 3e-3,
                Policy = new() { InitialSteps = 200, StepsPerUpdate = 10, BatchSize = 64 },
                ProxyValue = new() { InitialSteps = 50, StepsPerUpdate = 10, BatchSize = 32, Network = new NetworkOptions(new[] { 16 }) },
                PolicyNetwork = new NetworkOptions(new[] { 16 }),
                QNetwork = new NetworkOptions(new[] { 16 }),
            },
            new Rng(1));
    }

    private static double QOfStoredNovice(AimMethod aim) => aim.PredictQ(new[] { 0.3f, 1f }, new[] { 1f });

    [Fact]
    public void APolicyThatClonesTheExpertLeavesNoPositiveLabelsButTheStoredNoviceActionsDo()
    {
        TrainingContext context = Context();
        using AimMethod current = Method(AimPositiveLabel.CurrentPolicy);
        current.Initialize(context);
        Assert.True(current.PositiveFraction < 0.05, $"BC learned to act 0, so π_r(s) = a_h almost everywhere: {current.PositiveFraction}");

        using AimMethod stored = Method(AimPositiveLabel.StoredNovice);
        stored.Initialize(context);
        Assert.Equal(1.0, stored.PositiveFraction, 9);

        using AimMethod both = Method(AimPositiveLabel.Both);
        both.Initialize(context);
        Assert.Equal(1.0, both.PositiveFraction, 9);

        // Only the variants that label the overridden action learn that it is one a human would stop.
        Assert.True(QOfStoredNovice(stored) > 0.5, $"Q^I(s, a_novice) = {QOfStoredNovice(stored)}");
        Assert.True(QOfStoredNovice(both) > 0.5, $"Q^I(s, a_novice) = {QOfStoredNovice(both)}");
        Assert.True(QOfStoredNovice(current) < QOfStoredNovice(stored) - 0.5, $"{QOfStoredNovice(current)} vs {QOfStoredNovice(stored)}");
    }

    [Fact]
    public void TheRewardLabelAblationRefusesTwoPositiveActions()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AimOptions { Labels = AimLabelMode.RewardLabels, PositiveLabel = AimPositiveLabel.Both }.Validate());
        Assert.Equal(nameof(AimOptions.PositiveLabel), e.ParamName);
        new AimOptions { Labels = AimLabelMode.RewardLabels, PositiveLabel = AimPositiveLabel.StoredNovice }.Validate();
    }

    [Fact]
    public void TheRobotActionTargetUsesTheRobotsNextActionNotTheMax()
    {
        torch.manual_seed(5);
        using var q = new ProxyQ(s_observation, s_action, new NetworkOptions(new[] { 8 }));
        using var policy = new Policy(s_observation, s_action, new NetworkOptions(new[] { 8 }));
        using var next = torch.randn(6, 2);
        using var all = q.Target.Forward(next);
        using var robot = policy.ActTensor(next);
        using var expected = all.gather(1, robot.to_type(ScalarType.Int64)).squeeze(1);
        using var actual = q.NextValues(next, policy, AimTdTarget.RobotAction);
        Assert.True(actual.allclose(expected));
        using var max = q.NextValues(next, policy, AimTdTarget.Max);
        Assert.True(max.ge(actual).all().item<bool>());
    }

    [Fact]
    public void AimCanLearnItsPolicyWithPvpsProxyValueLearner()
    {
        TrainingContext context = Context();
        using AimMethod aim = Method(AimPositiveLabel.CurrentPolicy, AimPolicyLearner.ProxyValue);
        Assert.IsType<PvpDqnLearner>(aim.Learner);
        Assert.Same(aim.Learner.Actor, aim.Policy);
        aim.Initialize(context);
        aim.Update(context);
        var metrics = new Dictionary<string, double>();
        aim.ReportMetrics(metrics);
        Assert.True(double.IsFinite(metrics[AimMethod.QLossMetric]));
        Assert.True(double.IsFinite(metrics[PvpMethod.QLossMetric]));
        Assert.Contains(AimMethod.QPositiveFractionMetric, aim.MetricNames);
        Assert.Equal(aim.MetricNames.Count, aim.MetricNames.Distinct().Count());
    }
}
