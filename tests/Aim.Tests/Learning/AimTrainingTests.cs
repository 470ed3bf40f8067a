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

    /// <summary>
    /// The run that AIM gave before it became a <c>GatedMethod</c> with its own <c>ProxyQLearner</c> (values from the
    /// earlier implementation, same options): the restructuring must not move a number.
    /// </summary>
    [Fact]
    public void RestructuredAimReproducesTheEarlierRun()
    {
        RunSpec small = Small(seed: 5, steps: 250);
        // The β source of that implementation, the default then (TrackedQuantile is the default now).
        var paperLabel = new RunSpec(small.Task, small.Method, small.Trainer, new Dictionary<string, string>(small.Overrides) { ["positive_label"] = "CurrentPolicy", ["beta_source"] = "RecentRobotSteps" });
        RunResult run = ExperimentRunner.Run(paperLabel, runsRoot: null);
        var expected = new (double ExpertCost, double Success, double Beta, double QLoss, double PolicyLoss)[]
        {
            (100, 0.75, -0.8596623420715332, 0.21953332424163818, 0.5812487506431838),
            (130, 0.85, -0.8529176831245422, 0.2925854027271271, 0.2808988232910633),
            (141, 0.85, -0.6020296812057495, 0.2925854027271271, 0.2808988232910633),
        };
        Assert.Equal(expected.Length, run.History.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            EvaluationPoint point = run.History[i];
            Assert.Equal(expected[i].ExpertCost, point.ExpertCost);
            Assert.Equal(expected[i].Success, point[MetricNames.EvalSuccess], 6);
            Assert.Equal(expected[i].Beta, point["gate/beta"], 5);
            Assert.Equal(expected[i].QLoss, point["train/q_loss"], 5);
            Assert.Equal(expected[i].PolicyLoss, point["train/policy_loss"], 5);
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
