using Aim.Learning.Learners;
using BenchmarkDotNet.Attributes;

namespace Aim.Benchmarks;

/// <summary>
/// Cost of the learning core's hot operations on the MiniGrid CNN (12×7×7 input, 7 actions), one torch thread:
/// a behaviour-cloning gradient step at batch 200 (<see cref="BcStep"/>, the step the PyTorch anchor mirrors), and the
/// forward pass the robot makes at every environment step and at every lock-step evaluation step.
/// </summary>
[InProcessShortRunJob]
[MemoryDiagnoser]
public class LearningBenchmarks
{
    private BcStep _step = null!;
    private Policy _policy = null!;
    private float[] _observation = null!;
    private float[] _action = null!;
    private float[] _batchObservations = null!;
    private float[] _batchActions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _step = new BcStep();
        _policy = _step.Policy;
        int size = GridLearningData.Observation.Size;
        _observation = new float[size];
        _observation.AsSpan().Fill(0.5f);
        _action = new float[1];
        _batchObservations = new float[50 * size];
        _batchActions = new float[50];
    }

    /// <summary>One Adam step of cross-entropy behaviour cloning at batch 200 (sampling and batching included).</summary>
    [Benchmark]
    public double BcGradientStepBatch200() => _step.Run(1);

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
    public void Cleanup() => _step.Dispose();
}
