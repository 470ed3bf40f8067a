using Aim.Core.Envs;
using Aim.Core.Random;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;
using BenchmarkDotNet.Attributes;

namespace Aim.Benchmarks;

/// <summary>
/// Grid-world throughput: random actions with resets included, with and without the egocentric observation (4-frame
/// stack), and the shortest-path expert's action time. Each invocation runs <see cref="Steps"/> steps, so the reported
/// time is per step.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class GridBenchmarks
{
    private const int Steps = 4096;

    private readonly int[] _actions = new int[Steps];
    private GridEnv _env = null!;
    private ShortestPathExpert _expert = null!;

    [Params("empty-8x8", "multiroom-6")]
    public string Task { get; set; } = "empty-8x8";

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(1);
        for (int i = 0; i < Steps; i++)
        {
            _actions[i] = rng.NextInt(7);
        }

        _env = GridTasks.Create(Task);
        _env.Reset(0);
        _expert = new ShortestPathExpert(_env);
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public double BareStep()
    {
        double total = 0;
        foreach (int a in _actions)
        {
            StepResult<byte[]> r = _env.StepWithoutObservation(a);
            total += r.Reward;
            if (r.Done)
            {
                _env.ResetWithoutObservation();
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public double StepWithObservation()
    {
        double total = 0;
        foreach (int a in _actions)
        {
            StepResult<byte[]> r = _env.Step(a);
            total += r.Reward + r.Observation[^1];
            if (r.Done)
            {
                _env.Reset();
            }
        }

        return total;
    }

    /// <summary>Expert action plus a step along its own plan (the plan is cached, so this is the common case).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public double ExpertFollowingPlan()
    {
        double total = 0;
        for (int i = 0; i < Steps; i++)
        {
            StepResult<byte[]> r = _env.StepWithoutObservation(_expert.Act());
            total += r.Reward;
            if (r.Done)
            {
                _env.ResetWithoutObservation();
            }
        }

        return total;
    }

    /// <summary>Expert action after a random action: the state leaves the plan every step, so every call replans.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public int ExpertReplanning()
    {
        int total = 0;
        foreach (int a in _actions)
        {
            total += _expert.Act();
            if (_env.StepWithoutObservation(a).Done)
            {
                _env.ResetWithoutObservation();
            }
        }

        return total;
    }
}
