using Aim.Core.Random;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using BenchmarkDotNet.Attributes;

namespace Aim.Benchmarks;

/// <summary>
/// AIM's Q^I on the MiniGrid CNN with the grid defaults (<see cref="AimOptions"/>: batch 128, J_AIM with the stored
/// novice action as the +1 candidate, TD weight 0.1 on a batch half from each buffer, gradient clipping, Polyak
/// target): one gradient step, and the per-step Q^I(s, a_r) the gate reads, one torch thread.
/// </summary>
[InProcessShortRunJob]
[MemoryDiagnoser]
public class ProxyQBenchmarks
{
    private TrainingContext _context = null!;
    private Policy _robot = null!;
    private ProxyQ _q = null!;
    private ProxyQLearner _learner = null!;
    private float[] _observation = null!;
    private float[] _action = null!;
    private float[] _value = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.Initialize(threads: 1);
        TorchRuntime.Seed(0);
        _context = GridLearningData.Context();
        _robot = new Policy(GridLearningData.Observation, GridLearningData.Action, NetworkOptions.GridHead);
        _q = new ProxyQ(GridLearningData.Observation, GridLearningData.Action, NetworkOptions.GridHead);
        _learner = new ProxyQLearner(_q, new AimOptions(), new Rng(3));
        _observation = new float[GridLearningData.Observation.Size];
        _observation.AsSpan().Fill(0.5f);
        _action = new[] { 2f };
        _value = new float[1];
    }

    /// <summary>One gradient step of Q^I on J_AIM + 0.1·J_TD (sampling, batching, the TD target's forward passes included).</summary>
    [Benchmark]
    public double QGradientStep()
    {
        _learner.Train(_context, _robot, epsilon: 0, steps: 1);
        return _learner.LastLoss;
    }

    /// <summary>Q^I(s, a_r) for one state (the gate's read at every robot step).</summary>
    [Benchmark]
    public float PredictBatch1()
    {
        _q.Predict(_observation, _action, 1, _value);
        return _value[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _learner.Dispose();
        _q.Dispose();
        _robot.Dispose();
    }
}
