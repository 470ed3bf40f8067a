using Aim.Core.Random;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using Aim.Tests.Cli;
using TorchSharp;

namespace Aim.Tests.Learning.Baselines;

/// <summary>
/// The risk critic computes π(s′) once per training call instead of once per batch when that is cheaper; the critic
/// it trains is bit for bit the one the per-batch computation trains (continuous and discrete actions).
/// </summary>
[Collection(SerialRuns.Name)]
public sealed class RiskCriticNextActionTests
{
    private const int Steps = 40;

    public static TheoryData<bool> ActionKinds => new() { true, false };

    [Theory]
    [MemberData(nameof(ActionKinds))]
    public void HeldNextActionsTrainTheSameCriticAsPerBatchOnes(bool discrete)
    {
        // One call of 40 steps holds π(s′) (8 chunks of 32 < 40 steps); 40 calls of one step each compute it per batch.
        using Setup held = new(discrete);
        held.Learner.Train(held.Context, held.Ensemble, Steps);
        using Setup perBatch = new(discrete);
        for (int i = 0; i < Steps; i++)
        {
            perBatch.Learner.Train(perBatch.Context, perBatch.Ensemble, 1);
        }

        float[] a = Parameters(held.Critic);
        float[] b = Parameters(perBatch.Critic);
        Assert.Equal(a.Length, b.Length);
        Assert.True(a.AsSpan().SequenceEqual(b), "the critics differ");

        // And the critic did learn: it moved from its initial weights.
        using Setup untrained = new(discrete);
        Assert.False(a.AsSpan().SequenceEqual(Parameters(untrained.Critic)));
    }

    private static float[] Parameters(RiskCritic critic) =>
        critic.Parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

    /// <summary>An ensemble trained a little, a fresh critic and its learner on 120 + 120 transitions, all seeded.</summary>
    private sealed class Setup : IDisposable
    {
        public Setup(bool discrete)
        {
            torch.manual_seed(7);
            ObservationSpec observation = discrete ? new(new[] { 12, 7, 7 }, 0.1f) : new(new[] { 2 });
            ActionSpec action = discrete ? ActionSpec.Discrete(7) : ActionSpec.Continuous(1);
            NetworkOptions network = discrete ? BcPolicyLearner.DefaultNetwork(observation) : new(new[] { 32, 32 });
            Context = new TrainingContext(observation, action, Buffer(observation, discrete, expert: true), Buffer(observation, discrete, expert: false));
            Ensemble = new BootstrapEnsemble(observation, action, 3, new BcOptions { InitialSteps = 20, BatchSize = 32 }, network, new Rng(1));
            Ensemble.Initialize(Context);
            Critic = new RiskCritic(observation, action, network);
            Learner = new RiskCriticLearner(Critic, new ThriftyOptions { RiskBatchSize = 32 }, observation.Size, 1, new Rng(2));
        }

        public TrainingContext Context { get; }

        public BootstrapEnsemble Ensemble { get; }

        public RiskCritic Critic { get; }

        public RiskCriticLearner Learner { get; }

        public void Dispose()
        {
            Learner.Dispose();
            Critic.Dispose();
            Ensemble.Dispose();
        }

        private static HacoBuffer Buffer(ObservationSpec spec, bool discrete, bool expert)
        {
            var buffer = new HacoBuffer(120, spec.Size, 1);
            var rng = new Rng(expert ? 3 : 4);
            var obs = new float[spec.Size];
            var next = new float[spec.Size];
            for (int i = 0; i < 120; i++)
            {
                for (int k = 0; k < obs.Length; k++)
                {
                    obs[k] = discrete ? rng.NextInt(11) * 0.1f : (float)rng.NextDouble(-1, 1);
                    next[k] = discrete ? rng.NextInt(11) * 0.1f : (float)rng.NextDouble(-1, 1);
                }

                float[] label = { discrete ? rng.NextInt(7) : 0.8f * obs[0] };
                bool success = i % 3 == 0;
                buffer.Add(obs, next, label, label, expert, false, expert ? 1 : 0, success, i % 10 == 9, success);
            }

            return buffer;
        }
    }
}
