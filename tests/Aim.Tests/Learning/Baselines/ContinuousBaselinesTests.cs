using Aim.Core.Random;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Algorithms.EnsembleDagger;
using Aim.Learning.Algorithms.HgDagger;
using Aim.Learning.Algorithms.Pvp;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using TorchSharp;

namespace Aim.Tests.Learning.Baselines;

public class ContinuousBaselinesTests
{
    private static readonly ObservationSpec s_observation = new(new[] { 2 });
    private static readonly ActionSpec s_action = ActionSpec.Continuous(1);
    private static readonly NetworkOptions s_small = new(new[] { 32, 32 });

    /// <summary>Hand-made data: states x ∈ [−1, 1], expert action 0.8·x; a third of the states end in success.</summary>
    private static TrainingContext Context(int count = 120)
    {
        var human = new HacoBuffer(count, 2, 1);
        var agent = new HacoBuffer(count, 2, 1);
        var rng = new Rng(3);
        for (int i = 0; i < count; i++)
        {
            float x = (float)rng.NextDouble(-1, 1);
            bool success = i % 3 == 0;
            human.Add(new[] { x, 1f }, new[] { x, 1f }, new[] { 0f }, new[] { 0.8f * x }, true, i % 10 == 0, 1, success, false, success);
            agent.Add(new[] { x, 1f }, new[] { x, 1f }, new[] { 0f }, new[] { 0f }, false, false, 0, false, false);
        }

        return new TrainingContext(s_observation, s_action, human, agent);
    }

    [Fact]
    public void EnsembleClonesContinuousActionsAndItsDiscrepancyFalls()
    {
        torch.manual_seed(0);
        TrainingContext context = Context();
        using var ensemble = new BootstrapEnsemble(s_observation, s_action, 3, new BcOptions { InitialSteps = 0, StepsPerUpdate = 300, BatchSize = 32 }, s_small, new Rng(1));
        double before = ensemble.MeanDiscrepancy(context.Human);
        ensemble.Update(context);
        double after = ensemble.MeanDiscrepancy(context.Human);
        Assert.True(after < before * 0.2, $"discrepancy {before} -> {after}");
        var actions = new float[2];
        ensemble.Act(new float[] { 0.5f, 1f, -0.5f, 1f }, 2, actions);
        Assert.InRange(actions[0], 0.2f, 0.6f);
        Assert.InRange(actions[1], -0.6f, -0.2f);
        Assert.All(ensemble.Novelties(context.Human), n => Assert.True(n >= 0));
    }

    [Fact]
    public void RiskCriticLearnsSuccessProbabilityWithOversampledPositives()
    {
        torch.manual_seed(0);
        // x > 0 → success (done, reward 1); x ≤ 0 → failure (done, reward 0).
        var human = new HacoBuffer(200, 2, 1);
        var rng = new Rng(5);
        for (int i = 0; i < 200; i++)
        {
            float x = (float)rng.NextDouble(-1, 1);
            bool success = x > 0.8f;
            human.Add(new[] { x, 1f }, new[] { x, 1f }, new[] { 0f }, new[] { 0f }, true, false, 1, true, false, success);
        }

        var context = new TrainingContext(s_observation, s_action, human, new HacoBuffer(10, 2, 1));
        var options = new ThriftyOptions { RiskBatchSize = 32 };
        using var ensemble = new BootstrapEnsemble(s_observation, s_action, 2, new BcOptions(), s_small, new Rng(1));
        using var critic = new RiskCritic(s_observation, s_action, s_small);
        using var learner = new RiskCriticLearner(critic, options, 2, 1, new Rng(2));
        learner.Train(context, ensemble, 600);
        Assert.True(learner.Positives > 0);
        Assert.True(critic.Safety(new[] { 0.95f, 1f }, new[] { 0f }) > 0.6, "success states should look safe");
        Assert.True(critic.Safety(new[] { -0.9f, 1f }, new[] { 0f }) < 0.2, "failure states should look risky");
    }

    [Fact]
    public void PvpTd3ValuesHumanActionsAboveNoviceActions()
    {
        torch.manual_seed(0);
        TrainingContext context = Context();
        using var learner = new PvpTd3Learner(s_observation, s_action, new PvpValueOptions { Network = s_small, BatchSize = 32, InitialSteps = 300, LearningRate = 1e-3 }, new Rng(1));
        learner.Initialize(context);
        var metrics = new Dictionary<string, double>();
        learner.ReportMetrics(metrics);
        Assert.True(metrics[PvpMethod.QHumanMetric] > metrics[PvpMethod.QNoviceMetric], $"Q(a_h) {metrics[PvpMethod.QHumanMetric]} vs Q(a_n) {metrics[PvpMethod.QNoviceMetric]}");
        Assert.False(double.IsNaN(metrics[PvpMethod.ActorLossMetric]));
        var action = new float[1];
        learner.Actor.Act(new[] { 0.5f, 1f }, 1, action);
        Assert.InRange(action[0], -1f, 1f);
    }

    public static TheoryData<string> Methods => new() { "thrifty", "ensemble-dagger", "hg-dagger", "pvp", "pvp-bc" };

    [Theory]
    [MemberData(nameof(Methods))]
    public void ContinuousMethodsRunOnTheHarnessWithAGaussianExpert(string name)
    {
        torch.manual_seed(0);
        var env = new LineEnv();
        var expert = new LineExpert(seed: 1);
        var rng = new Rng(2);
        var bc = new BcOptions { InitialSteps = 100, StepsPerUpdate = 20, BatchSize = 32 };
        using GatedMethod method = name switch
        {
            "thrifty" => new ThriftyMethod(s_observation, s_action, new ThriftyOptions { Members = 3, Policy = bc with { Bootstrap = true }, PolicyNetwork = s_small, RiskNetwork = s_small, RiskInitialSteps = 50, RiskStepsPerUpdate = 20 }, rng),
            "ensemble-dagger" => new EnsembleDaggerMethod(s_observation, s_action, new EnsembleDaggerOptions { Members = 3, Policy = bc, PolicyNetwork = s_small, NoveltyThreshold = 7.2e-4 }, rng),
            "hg-dagger" => new HgDaggerMethod(s_observation, s_action, new HgDaggerOptions { Policy = bc, PolicyNetwork = s_small }, rng),
            "pvp" => new PvpMethod(s_observation, s_action, new PvpOptions { ProxyValue = new PvpValueOptions { Network = s_small, BatchSize = 32, InitialSteps = 50, StepsPerUpdate = 20 } }, rng),
            _ => new PvpMethod(s_observation, s_action, new PvpOptions { Learner = PvpLearner.BehaviourCloning, Policy = bc, PolicyNetwork = s_small }, rng),
        };
        var options = new TrainerOptions { TotalEnvSteps = 160, WarmUpSteps = 40, EvalEvery = 0, EvalEpisodes = 3, UpdateEvery = 10 };
        using var trainer = new InteractiveTrainer<float[], float[]>(env, expert, () => new LineEnv(), method, options);
        trainer.Train();

        Assert.Equal(160, trainer.EnvSteps);
        Assert.True(trainer.ExpertCost >= 40, "warm-up steps are expert cost");
        Assert.Equal(method.IsRobotGated ? trainer.ExpertCost : trainer.EnvSteps, trainer.WallSteps);
        Assert.Equal(160, expert.DistributionCalls);
        HacoBuffer human = trainer.Context.Human;
        Assert.Contains(Enumerable.Range(0, human.Count), i => human.Success(human.SlotOf(i)));
    }
}
