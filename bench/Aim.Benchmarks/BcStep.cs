using Aim.Core.Random;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Torch;

namespace Aim.Benchmarks;

/// <summary>
/// The behaviour-cloning gradient step that the PyTorch anchor (<c>bench/anchor/pytorch_cnn_step.py</c>) mirrors: the
/// MiniGrid CNN with its 64-unit tanh head, batch 200 sampled uniformly from 2,000 stored observations,
/// cross-entropy, Adam at lr 1e-4, one torch thread. Shared by the BenchmarkDotNet benchmark and the
/// <c>step-time</c> console mode so that both time the same work.
/// </summary>
public sealed class BcStep : IDisposable
{
    /// <summary>Samples per step (the AIM grid code's batch).</summary>
    public const int BatchSize = 200;

    /// <summary>Adam's learning rate (the anchor's).</summary>
    public const double LearningRate = 1e-4;

    private readonly HacoBuffer _buffer;

    /// <summary>Builds the buffer, the policy and its learner (one torch thread, torch seeded 0).</summary>
    public BcStep()
    {
        TorchRuntime.Initialize(threads: 1);
        TorchRuntime.Seed(0);
        _buffer = GridLearningData.Buffer(0, expert: true);
        Policy = new Policy(GridLearningData.Observation, GridLearningData.Action, NetworkOptions.GridHead);
        Learner = new BcLearner(Policy, new BcOptions { BatchSize = BatchSize, LearningRate = LearningRate }, new Rng(1));
    }

    /// <summary>The policy being trained.</summary>
    public Policy Policy { get; }

    /// <summary>Its learner.</summary>
    public BcLearner Learner { get; }

    /// <summary>Runs <paramref name="steps"/> gradient steps (sampling and batching included); returns the mean loss.</summary>
    public double Run(int steps) => Learner.Train(_buffer, steps);

    /// <inheritdoc />
    public void Dispose()
    {
        Learner.Dispose();
        Policy.Dispose();
    }
}
