using Aim.Core.Envs;
using Aim.Core.Random;
using Aim.Core.Spaces;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Algorithms.HgDagger;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using Aim.Tests.Learning.Baselines;

namespace Aim.Tests.Learning;

/// <summary>What the learner sees of a Gaussian expert (its sample or its mean) and which observation entries it sees.</summary>
public class ExpertLabelTests
{
    [Theory]
    [InlineData(ExpertLabel.Sampled)]
    [InlineData(ExpertLabel.Mean)]
    public void TheStoredLabelIsTheSampleOrTheMeanWhileTheEnvironmentGetsTheSample(ExpertLabel label)
    {
        var env = new RecordingEnv();
        using var trainer = WarmedUp(env, new TrainerOptions { TotalEnvSteps = 40, WarmUpSteps = 40, EvalEvery = 0, ExpertLabel = label });
        HacoBuffer human = trainer.Context.Human;
        Assert.Equal(40, human.Count);
        var batch = new Batch(human.Count, 2, 1);
        human.Gather([.. Enumerable.Range(0, human.Count).Select(human.SlotOf)], batch);
        for (int i = 0; i < human.Count; i++)
        {
            float expected = label == ExpertLabel.Mean ? 0.8f : env.Executed[i];
            Assert.Equal(expected, batch.BehaviourActions[i]);
        }

        // The environment always executed noisy samples around the mean.
        Assert.True(env.Executed.Distinct().Count() > 30);
        Assert.InRange(env.Executed.Average(), 0.7, 0.9);
    }

    [Fact]
    public void BlankedEntriesReachTheBuffersAsZero()
    {
        var env = new RecordingEnv();
        using var trainer = WarmedUp(env, new TrainerOptions { TotalEnvSteps = 20, WarmUpSteps = 20, EvalEvery = 0, BlankObservation = " 1 " });
        HacoBuffer human = trainer.Context.Human;
        var batch = new Batch(human.Count, 2, 1);
        human.Gather([.. Enumerable.Range(0, human.Count).Select(human.SlotOf)], batch);
        for (int i = 0; i < human.Count; i++)
        {
            Assert.NotEqual(0f, batch.Observations[2 * i]);     // x is seen
            Assert.Equal(0f, batch.Observations[(2 * i) + 1]);  // the constant 1 is blanked
        }
    }

    [Fact]
    public void BadBlankedEntriesAreRefusedByName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { BlankObservation = "5,x" }.Validate());
        Assert.Contains("BlankObservation", e.Message);
        Assert.Contains("'x'", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { BlankObservation = "-1" }.Validate());
        e = Assert.Throws<ArgumentOutOfRangeException>(() => WarmedUp(new RecordingEnv(), new TrainerOptions { TotalEnvSteps = 20, WarmUpSteps = 20, BlankObservation = "2" }));
        Assert.Contains("2 lies outside the observation's 2 entries", e.Message);
    }

    private static InteractiveTrainer<float[], float[]> WarmedUp(RecordingEnv env, TrainerOptions options)
    {
        var method = new HgDaggerMethod(
            new ObservationSpec(new[] { 2 }),
            ActionSpec.Continuous(1),
            new HgDaggerOptions { Policy = new BcOptions { InitialSteps = 5, BatchSize = 8 }, PolicyNetwork = new NetworkOptions(new[] { 8 }) },
            new Rng(0));
        var trainer = new InteractiveTrainer<float[], float[]>(env, new LineExpert(seed: 3), () => new LineEnv(), method, options, ownsMethod: true);
        trainer.WarmUp();
        return trainer;
    }

    /// <summary><see cref="LineEnv"/>, remembering every action it was given.</summary>
    private sealed class RecordingEnv : IEnv<float[], float[]>
    {
        private readonly LineEnv _inner = new();

        public List<float> Executed { get; } = new();

        public ISpace<float[]> ObservationSpace => _inner.ObservationSpace;

        public ISpace<float[]> ActionSpace => _inner.ActionSpace;

        public ResetResult<float[]> Reset(int? seed = null) => _inner.Reset(seed);

        public StepResult<float[]> Step(float[] action)
        {
            Executed.Add(action[0]);
            return _inner.Step(action);
        }

        public RgbFrame Render() => _inner.Render();
    }
}
