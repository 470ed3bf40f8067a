using Aim.Core.Random;
using Aim.Experiments.Catalog;
using Aim.Experiments.Running;
using Aim.Learning.Algorithms.Bc;
using Aim.Learning.Algorithms.HgDagger;
using Aim.Learning.Data;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using Aim.Tests.TestSupport;
using TorchSharp;
using Aim.Tests.Cli;

namespace Aim.Tests.Learning.Baselines;

[Collection(SerialRuns.Name)]
public class BaselineRunTests
{
    private const string Task = "multiroom-n2-s4";

    private static readonly Dictionary<string, Dictionary<string, string>> s_fast = new()
    {
        ["thrifty"] = new() { ["policy.initial_steps"] = "100", ["policy.steps_per_update"] = "20", ["risk_initial_steps"] = "50", ["risk_steps_per_update"] = "20", ["members"] = "3" },
        ["thrifty-nocritic"] = new() { ["policy.initial_steps"] = "100", ["policy.steps_per_update"] = "20", ["members"] = "3" },
        ["ensemble-dagger"] = new() { ["policy.initial_steps"] = "100", ["policy.steps_per_update"] = "20", ["members"] = "3" },
        ["hg-dagger"] = new() { ["policy.initial_steps"] = "100", ["policy.steps_per_update"] = "20" },
        ["pvp"] = new() { ["proxy_value.initial_steps"] = "100", ["proxy_value.steps_per_update"] = "20" },
        ["bc"] = new() { ["policy.initial_steps"] = "200" },
    };

    private static RunSpec Small(string method, int seed = 1, int steps = 250, int warmUp = 100) => new(
        Task,
        method,
        new TrainerOptions { Seed = seed, TotalEnvSteps = steps, WarmUpSteps = warmUp, EvalEvery = 100, EvalEpisodes = 10, LogSteps = false },
        s_fast[method]);

    public static TheoryData<string> Methods => new() { "thrifty", "thrifty-nocritic", "ensemble-dagger", "hg-dagger", "pvp" };

    [Fact]
    public void EveryBaselineIsRegistered()
    {
        foreach (string name in new[] { "thrifty", "thrifty-nocritic", "ensemble-dagger", "hg-dagger", "pvp", "bc" })
        {
            Assert.Contains(name, MethodCatalog.Names);
        }

        Assert.Contains("risk_critic", MethodCatalog.OptionKeys("thrifty"));
        Assert.Contains("free_level", MethodCatalog.OptionKeys("pvp"));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void BaselineRunsOnTheSharedHarness(string method)
    {
        RunResult result = ExperimentRunner.Run(Small(method), runsRoot: null);
        EvaluationPoint final = result.Final;
        Assert.Equal(250, final.EnvSteps);
        Assert.True(final.ExpertCost >= 100, "warm-up steps are expert cost");
        bool robotGated = method is not ("hg-dagger" or "pvp");
        Assert.Equal(robotGated ? final.ExpertCost : final.EnvSteps, final[MetricNames.WallSteps]);
        Assert.InRange(final.Success, 0, 1);
        if (!robotGated)
        {
            Assert.True(final.ExpertCost > 100, "the simulated human takes over after warm-up");
        }
    }

    [Fact]
    public void BcIsOfflineCloningOfTheWarmUpDemonstrations()
    {
        RunResult result = ExperimentRunner.Run(Small("bc", steps: 150, warmUp: 150), runsRoot: null);
        Assert.Equal(150, result.Final.ExpertCost);
        Assert.Equal(150, result.Final[MetricNames.WallSteps]);

        // Steps beyond the demonstrations are the robot's alone.
        RunResult longer = ExperimentRunner.Run(Small("bc", steps: 250, warmUp: 150), runsRoot: null);
        Assert.Equal(150, longer.Final.ExpertCost);
    }

    [Fact]
    public void ThriftyIsDeterministicForAGivenSeed()
    {
        RunResult a = ExperimentRunner.Run(Small("thrifty", seed: 4, steps: 200), runsRoot: null);
        RunResult b = ExperimentRunner.Run(Small("thrifty", seed: 4, steps: 200), runsRoot: null);
        Assert.True(a.History.Count >= 2);
        RunAssertions.SameMetrics(a, b);
    }

    [Fact]
    public void OfflineBcTrainsOnTheFirstSamplesOfAMethodsHumanBuffer()
    {
        torch.manual_seed(0);
        var (env, expert) = TaskCatalog.CreateGrid(Task);
        var observation = ObservationSpec.From(env.ObservationSpace);
        var action = ActionSpec.From(env.ActionSpace);
        using var method = new HgDaggerMethod(observation, action, new HgDaggerOptions { Policy = new() { InitialSteps = 100, StepsPerUpdate = 20 } }, new Rng(1));
        var options = new TrainerOptions { TotalEnvSteps = 200, WarmUpSteps = 100, EvalEvery = 0, EvalEpisodes = 5, LogSteps = false };
        using var trainer = new InteractiveTrainer<byte[], int>(env, expert, () => TaskCatalog.CreateGrid(Task).Env, method, options);
        trainer.Train();

        HacoBuffer human = trainer.Context.Human;
        HacoBuffer first = OfflineBc.FirstSamples(human, 50);
        Assert.Equal(50, first.Count);
        Assert.Equal(human.Observation(human.SlotOf(49)).ToArray(), first.Observation(first.SlotOf(49)).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => OfflineBc.FirstSamples(human, human.Count + 1));

        EvaluationResult result = OfflineBc.TrainAndEvaluate(human, 100, () => TaskCatalog.CreateGrid(Task).Env, new BcMethodOptions { Policy = new() { InitialSteps = 300 } }, new Rng(2), episodes: 10);
        Assert.Equal(10, result.Episodes);
        Assert.InRange(result.SuccessRate, 0, 1);
    }

    [Fact]
    public void HacoBufferKeepsSuccessAndTruncationFlagsThroughGatherAndWrapAround()
    {
        var buffer = new HacoBuffer(3, 1, 1);
        for (int i = 0; i < 4; i++)
        {
            buffer.Add(new float[] { i }, new float[] { i }, new float[] { 0 }, new float[] { 0 }, false, false, 0, terminated: i == 2, truncated: i == 3, success: i == 2);
        }

        // Logical order after wrap-around: transitions 1, 2, 3.
        Assert.False(buffer.Success(buffer.SlotOf(0)));
        Assert.True(buffer.Success(buffer.SlotOf(1)));
        var batch = new Batch(3, 1, 1);
        buffer.Gather(new[] { buffer.SlotOf(0), buffer.SlotOf(1), buffer.SlotOf(2) }, batch);
        Assert.Equal(new[] { 0f, 1f, 0f }, batch.Successes);
        Assert.Equal(new[] { 0f, 0f, 1f }, batch.Truncated);
        Assert.Equal(new[] { 0f, 1f, 0f }, batch.Terminated);
    }
}
