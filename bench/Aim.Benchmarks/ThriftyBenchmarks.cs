using Aim.Core.Random;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Learners;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using BenchmarkDotNet.Attributes;

namespace Aim.Benchmarks;

/// <summary>
/// Thrifty-DAgger's learning on the MiniGrid CNN with the grid defaults (<see cref="ThriftyOptions"/>: 5 members each
/// cloning its own bootstrap resample at batch 128; the risk critic at batch 50): the ensemble update per gradient step
/// of all members, one risk-critic step, and the per-step novelty and safety the gate reads; one torch thread.
/// </summary>
[InProcessShortRunJob]
[MemoryDiagnoser]
public class ThriftyBenchmarks
{
    /// <summary>Gradient steps per member in one timed update (the default <see cref="BcOptions.StepsPerUpdate"/>).</summary>
    private const int UpdateSteps = 100;

    private TrainingContext _context = null!;
    private BootstrapEnsemble _ensemble = null!;
    private RiskCritic _critic = null!;
    private RiskCriticLearner _criticLearner = null!;
    private float[] _observation = null!;
    private float[] _action = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.Initialize(threads: 1);
        TorchRuntime.Seed(0);
        var options = new ThriftyOptions();
        _context = GridLearningData.Context();
        _ensemble = new BootstrapEnsemble(
            GridLearningData.Observation,
            GridLearningData.Action,
            options.Members,
            options.Policy with { StepsPerUpdate = UpdateSteps },
            network: null,
            new Rng(4));
        _critic = new RiskCritic(GridLearningData.Observation, GridLearningData.Action, BcPolicyLearner.DefaultNetwork(GridLearningData.Observation));
        _criticLearner = new RiskCriticLearner(_critic, options, GridLearningData.Observation.Size, 1, new Rng(5));
        _observation = new float[GridLearningData.Observation.Size];
        _observation.AsSpan().Fill(0.5f);
        _action = new[] { 2f };
    }

    /// <summary>
    /// One ensemble update of <see cref="UpdateSteps"/> steps, reported per step: a gradient step of every member
    /// (its share of the update's bootstrap resampling included).
    /// </summary>
    [Benchmark(OperationsPerInvoke = UpdateSteps)]
    public double EnsembleGradientStepAllMembers()
    {
        _ensemble.Update(_context);
        return _ensemble.Members.Count;
    }

    /// <summary>One risk-critic gradient step (the ensemble's action at s′ in the target included).</summary>
    [Benchmark]
    public double RiskCriticGradientStep() => _criticLearner.Train(_context, _ensemble, 1);

    /// <summary>The novelty and safety of one state (the gate's reads at every robot step).</summary>
    [Benchmark]
    public double NoveltyAndSafetyBatch1() => _ensemble.Novelty(_observation) + _critic.Safety(_observation, _action);

    [GlobalCleanup]
    public void Cleanup()
    {
        _criticLearner.Dispose();
        _critic.Dispose();
        _ensemble.Dispose();
    }
}
