using Aim.Experiments.Running;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Learning.Baselines;

/// <summary>
/// Thrifty's optional re-scoring (<see cref="ThriftyOptions.RescoreWindow"/>): with it, an update refits the thresholds on
/// the new networks' scores of recent robot states at once; without it (the default), an update leaves them as they were.
/// </summary>
[Collection(SerialRuns.Name)]
public sealed class ThriftyRescoreTests
{
    [Theory]
    [InlineData("0", false)]
    [InlineData("500", true)]
    public void AnUpdateRefitsTheThresholdsOnlyWhenRescoring(string window, bool refits)
    {
        var trainer = new TrainerOptions { Seed = 3, TotalEnvSteps = 1_000, WarmUpSteps = 60, EvalEvery = 0, EvalEpisodes = 2, UpdateEvery = 1_000_000 };
        var overrides = new Dictionary<string, string>
        {
            ["rescore_window"] = window,
            ["members"] = "2",
            ["policy.initial_steps"] = "100",
            ["policy.steps_per_update"] = "20",
            ["risk_initial_steps"] = "50",
            ["risk_steps_per_update"] = "20",
        };
        using var run = Experiment.Grid("empty-6x6", "thrifty", trainer, overrides);
        var method = (ThriftyMethod)run.Method;
        run.CollectSteps(120);
        (double novelty, double risk) before = (method.Gate.NoveltyThreshold, method.Gate.RiskThreshold);

        run.Update();

        (double novelty, double risk) after = (method.Gate.NoveltyThreshold, method.Gate.RiskThreshold);
        Assert.Equal(refits, before != after);
        if (refits)
        {
            // The refit is a (1 − α)-quantile of the rescored robot states: at most a fraction α of them ask on novelty.
            Assert.True(double.IsFinite(after.novelty));
        }
    }
}
