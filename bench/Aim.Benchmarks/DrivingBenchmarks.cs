using Aim.Core.Random;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Expert;
using BenchmarkDotNet.Attributes;

namespace Aim.Benchmarks;

/// <summary>
/// Driving environment throughput with the 240-ray lidar and traffic, and the expert's planning time. The env is
/// timed by replaying a recorded expert episode on test map 1000 (so the trajectory, traffic and hazards are realistic
/// and nothing but the env runs); the expert by planning in the states of that episode.
/// </summary>
[MemoryDiagnoser]
public class DrivingBenchmarks
{
    private const int MapSeed = 1000;
    private readonly List<float[]> _actions = [];
    private DrivingEnv _env = null!;
    private DrivingExpert _expert = null!;
    private DrivingEnv _planningEnv = null!;
    private DrivingPlanner _planner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _env = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Test });
        _expert = new DrivingExpert(_env, new Rng(0));
        float[] obs = _env.ResetToMap(MapSeed).Observation;
        while (true)
        {
            float[] action = _expert.Act(obs);
            _actions.Add(action);
            var step = _env.Step(action);
            obs = step.Observation;
            if (step.Done)
            {
                break;
            }
        }

        _env.ResetToMap(MapSeed);

        // A state 150 steps in, with traffic moving and hazards in view, for timing the planner alone.
        _planningEnv = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Test });
        _planningEnv.ResetToMap(MapSeed);
        for (int t = 0; t < Math.Min(150, _actions.Count - 1); t++)
        {
            _planningEnv.Step(_actions[t]);
        }

        _planner = new DrivingPlanner(new DrivingExpertOptions());
    }

    [Benchmark(Description = "Env: Step, replaying an expert episode (per step)", OperationsPerInvoke = 300)]
    public double EnvStep()
    {
        double total = 0;
        int steps = Math.Min(300, _actions.Count);
        _env.ResetToMap(MapSeed);
        for (int t = 0; t < steps; t++)
        {
            total += _env.Step(_actions[t]).Reward;
        }

        return total;
    }

    [Benchmark(Description = "Expert: Act + env Step, closed loop (per step)", OperationsPerInvoke = 300)]
    public double ExpertAndEnvStep()
    {
        double total = 0;
        float[] obs = _env.ResetToMap(MapSeed).Observation;
        for (int t = 0; t < 300; t++)
        {
            var step = _env.Step(_expert.Act(obs));
            obs = step.Observation;
            total += step.Reward;
            if (step.Done)
            {
                obs = _env.ResetToMap(MapSeed).Observation;
            }
        }

        return total;
    }

    [Benchmark(Description = "Env: Reset to a cached map")]
    public float[] Reset() => _env.ResetToMap(MapSeed).Observation;

    [Benchmark(Description = "Map generation (uncached)")]
    public int GenerateMap() => new DrivingEnv().GetMap(MapSeed).HazardCount;

    [Benchmark(Description = "Expert: plan the mean action (mid-episode state)")]
    public double ExpertPlan()
    {
        (double steer, double throttle) = _planner.Plan(_planningEnv);
        return steer + throttle;
    }
}
