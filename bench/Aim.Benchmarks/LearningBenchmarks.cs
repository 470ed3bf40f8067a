using Aim.Core.Random;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using BenchmarkDotNet.Attributes;

namespace Aim.Benchmarks;

/// <summary>
/// Cost of the learning core's hot operations on the MiniGrid CNN (12×7×7 input, 7 actions), one torch thread:
/// a behaviour-cloning gradient step at batch 200 (the AIM grid code's batch; its reference step is ≈ 4.5 ms),
/// and the per-step forward pass the gate needs.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LearningBenchmarks
{
    private HacoBuffer _buffer = null!;
    private Policy _policy = null!;
    private BcLearner _learner = null!;
    private float[] _observation = null!;
    private float[] _action = null!;
    private float[] _batchObservations = null!;
    private float[] _batchActions = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.Initialize(threads: 1);
        TorchRuntime.Seed(0);
        var observation = new ObservationSpec(new[] { 12, 7, 7 }, 0.1f);
        var action = ActionSpec.Discrete(7);
        var rng = new Rng(0);
        _buffer = new HacoBuffer(2_000, observation.Size, 1);
        var obs = new float[observation.Size];
        for (int i = 0; i < 2_000; i++)
        {
            for (int k = 0; k < obs.Length; k++)
            {
                obs[k] = rng.NextInt(11) * 0.1f;
            }

            float a = rng.NextInt(7);
            _buffer.Add(obs, obs, new[] { a }, new[] { a }, true, false, 1, false, false);
        }

        _policy = new Policy(observation, action, NetworkOptions.GridHead);
        _learner = new BcLearner(_policy, new BcOptions { BatchSize = 200 }, new Rng(1));
        _observation = obs;
        _action = new float[1];
        _batchObservations = new float[50 * observation.Size];
        _batchActions = new float[50];
    }

    /// <summary>One Adam step of cross-entropy behaviour cloning at batch 200 (sampling and batching included).</summary>
    [Benchmark]
    public double BcGradientStepBatch200() => _learner.Train(_buffer, 1);

    /// <summary>The robot's action for one observation (done at every env step).</summary>
    [Benchmark]
    public float PolicyActBatch1()
    {
        _policy.Act(_observation, 1, _action);
        return _action[0];
    }

    /// <summary>Actions for 50 observations at once (one lock-step evaluation step).</summary>
    [Benchmark]
    public float PolicyActBatch50()
    {
        _policy.Act(_batchObservations, 50, _batchActions);
        return _batchActions[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _learner.Dispose();
        _policy.Dispose();
    }
}
