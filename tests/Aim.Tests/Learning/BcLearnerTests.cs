using Aim.Core.Random;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using TorchSharp;

namespace Aim.Tests.Learning;

public class BcLearnerTests
{
    private static HacoBuffer ExpertData(GridEnv env, Codec<byte[], int> codec, int steps, int seed)
    {
        var expert = new ShortestPathExpert(env);
        var buffer = new HacoBuffer(steps, codec.Observation.Size, 1);
        var obs = new float[codec.Observation.Size];
        var next = new float[codec.Observation.Size];
        byte[] raw = env.Reset(seed).Observation;
        for (int i = 0; i < steps; i++)
        {
            codec.EncodeObservation(raw, obs);
            int action = expert.Act(raw);
            var result = env.Step(action);
            codec.EncodeObservation(result.Observation, next);
            buffer.Add(obs, next, new float[] { action }, new float[] { action }, true, false, 1, result.Terminated, result.Truncated);
            raw = result.Done ? env.Reset().Observation : result.Observation;
        }

        return buffer;
    }

    [Fact]
    public void CrossEntropyFallsAndTheClonedPolicySolvesEmpty6x6()
    {
        torch.manual_seed(0);
        GridEnv env = GridTasks.Create("empty-6x6");
        var codec = new Codec<byte[], int>(ObservationSpec.From(env.ObservationSpace), ActionSpec.From(env.ActionSpace));
        HacoBuffer data = ExpertData(env, codec, steps: 100, seed: 0);
        using var policy = new Policy(codec.Observation, codec.Action, NetworkOptions.GridHead);
        using var learner = new BcLearner(policy, new BcOptions { LearningRate = 1e-3, BatchSize = 64 }, new Rng(1));

        double first = learner.Train(data, 20);
        double last = learner.Train(data, 300);

        Assert.True(last < first * 0.2, $"BC loss should fall: {first} -> {last}");
        var evaluator = new Evaluator<byte[], int>(() => GridTasks.Create("empty-6x6"), codec, episodes: 5);
        EvaluationResult result = evaluator.Run(policy, seedStart: 1000);
        Assert.Equal(1.0, result.SuccessRate);
    }

    [Fact]
    public void MeanSquaredErrorFallsForContinuousActions()
    {
        torch.manual_seed(1);
        var observation = new ObservationSpec(new[] { 3 });
        var action = ActionSpec.Continuous(2);
        var buffer = new HacoBuffer(256, 3, 2);
        var rng = new Rng(2);
        for (int i = 0; i < 256; i++)
        {
            float[] s = { (float)rng.NextGaussian(), (float)rng.NextGaussian(), (float)rng.NextGaussian() };
            float[] a = { MathF.Tanh(s[0] - s[1]), MathF.Tanh(0.5f * s[2]) };
            buffer.Add(s, s, a, a, true, false, 1, false, false);
        }

        using var policy = new Policy(observation, action, new NetworkOptions(new[] { 32, 32 }));
        using var learner = new BcLearner(policy, new BcOptions { LearningRate = 3e-3, BatchSize = 64, Bootstrap = true }, new Rng(3));
        double first = learner.Train(buffer, 10);
        double last = learner.Train(buffer, 400);
        Assert.True(last < first * 0.2, $"MSE should fall: {first} -> {last}");
    }

    [Fact]
    public void RejectsAnEmptyBufferAndBadOptions()
    {
        using var policy = new Policy(new ObservationSpec(new[] { 2 }), ActionSpec.Discrete(3), new NetworkOptions(new[] { 4 }));
        using var learner = new BcLearner(policy, new BcOptions(), new Rng(0));
        Assert.Throws<InvalidOperationException>(() => learner.Train(new HacoBuffer(4, 2, 1), 1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BcLearner(policy, new BcOptions { LearningRate = -1 }, new Rng(0)));
        Assert.Contains("LearningRate", e.Message);
    }
}
