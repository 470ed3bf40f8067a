using Aim.Experiments.Running;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Learning;

[Collection(SerialRuns.Name)]
public class AimTrainingTests
{
    private static RunSpec Small(int seed, int steps = 400) => new(
        "multiroom-n2-s4",
        "aim",
        new TrainerOptions { Seed = seed, TotalEnvSteps = steps, WarmUpSteps = 100, EvalEvery = 100, EvalEpisodes = 20, LogSteps = false },
        new Dictionary<string, string> { ["policy.initial_steps"] = "300", ["policy.steps_per_update"] = "50", ["q_initial_steps"] = "50" });

    [Fact]
    public void SameSeedGivesIdenticalMetrics()
    {
        RunResult a = ExperimentRunner.Run(Small(seed: 5, steps: 250), runsRoot: null);
        RunResult b = ExperimentRunner.Run(Small(seed: 5, steps: 250), runsRoot: null);
        Assert.Equal(a.History.Count, b.History.Count);
        for (int i = 0; i < a.History.Count; i++)
        {
            foreach ((string key, double value) in a.History[i].Metrics)
            {
                if (key != MetricNames.TimeSeconds)
                {
                    Assert.True(value.Equals(b.History[i][key]), $"{key} differs at evaluation {i}: {value} vs {b.History[i][key]}");
                }
            }
        }
    }

    [Fact]
    public void AimLearnsTheTwoRoomTaskWithinASmallBudget()
    {
        RunResult result = ExperimentRunner.Run(Small(seed: 1), runsRoot: null);
        Assert.True(result.BestSuccess >= 0.6, $"best success {result.BestSuccess}");
        Assert.True(result.Final.ExpertCost < result.Final.EnvSteps, "AIM should hand control to the robot after warm-up");
        Assert.True(result.Final.ExpertCost >= 100, "warm-up steps are expert cost");
    }
}
