using Aim.Experiments.Running;
using Aim.Learning.Training;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Aim.Benchmarks;

/// <summary>
/// Whole runs as a user starts them (<see cref="ExperimentRunner.Run"/>, nothing written: runs root null), on the
/// README's default task <c>multiroom-6</c> with each method's default options and seed 1, at a reduced budget:
/// <see cref="EnvSteps"/> environment steps of which <see cref="WarmUpSteps"/> warm-up, evaluations every
/// <see cref="EvalEvery"/> steps on <see cref="EvalEpisodes"/> held-out layouts. Every invocation is the same run (the
/// spec seeds TorchSharp), so one launch with three timed runs is enough.
/// </summary>
[InProcessShortRunJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class RunBenchmarks
{
    /// <summary>Environment steps per run (the default run takes 2,000).</summary>
    public const int EnvSteps = 500;

    /// <summary>Expert warm-up steps (the default's 200).</summary>
    public const int WarmUpSteps = 200;

    /// <summary>Steps between evaluations (the default is 100).</summary>
    public const int EvalEvery = 250;

    /// <summary>Held-out layouts per evaluation (the default is 50).</summary>
    public const int EvalEpisodes = 10;

    private static readonly TrainerOptions s_trainer = new()
    {
        Seed = 1,
        TotalEnvSteps = EnvSteps,
        WarmUpSteps = WarmUpSteps,
        EvalEvery = EvalEvery,
        EvalEpisodes = EvalEpisodes,
    };

    private RunSpec _aim = null!;
    private RunSpec _thrifty = null!;

    [GlobalSetup]
    public void Setup()
    {
        _aim = new RunSpec("multiroom-6", "aim", s_trainer);
        _thrifty = new RunSpec("multiroom-6", "thrifty", s_trainer);
    }

    /// <summary>A default AIM run at the reduced budget.</summary>
    [Benchmark]
    public double AimRun() => ExperimentRunner.Run(_aim, runsRoot: null).BestSuccess;

    /// <summary>A default Thrifty-DAgger run at the reduced budget.</summary>
    [Benchmark]
    public double ThriftyRun() => ExperimentRunner.Run(_thrifty, runsRoot: null).BestSuccess;
}
