using Aim.Experiments.Running;
using Aim.Learning.Training;

namespace Aim.Tests.Learning;

public class RunDirectoryTests
{
    [Fact]
    public void ARunWritesOptionsMetricsLogsAndCheckpoints()
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-runs-{Guid.NewGuid():N}");
        try
        {
            var spec = new RunSpec(
                "empty-6x6",
                "aim",
                new TrainerOptions { Seed = 2, TotalEnvSteps = 120, WarmUpSteps = 40, EvalEvery = 40, EvalEpisodes = 3 },
                new Dictionary<string, string> { ["policy.initial_steps"] = "20", ["q_initial_steps"] = "5" });
            RunResult result = ExperimentRunner.Run(spec, runsRoot: root);

            string dir = result.Directory!;
            Assert.StartsWith("empty-6x6__aim__s2__", Path.GetFileName(dir));
            foreach (string file in new[] { "options.json", "metrics.csv", "episodes.csv", "steps.csv", "summary.json" })
            {
                Assert.True(File.Exists(Path.Combine(dir, file)), $"{file} missing");
            }

            Assert.True(File.Exists(Path.Combine(dir, "checkpoints", "final", "policy.dat")));
            Assert.True(File.Exists(Path.Combine(dir, "checkpoints", "best", "proxy_q.dat")));
            Assert.Contains("\"delta\"", File.ReadAllText(Path.Combine(dir, "options.json")), StringComparison.OrdinalIgnoreCase);

            string[] metrics = File.ReadAllLines(Path.Combine(dir, "metrics.csv"));
            Assert.Equal(result.History.Count + 1, metrics.Length);
            Assert.Contains("gate/beta", metrics[0]);
            Assert.Equal(121, File.ReadAllLines(Path.Combine(dir, "steps.csv")).Length);

            // Warm-up steps are expert cost; a robot-gated method is charged only what the expert controlled.
            EvaluationPoint final = result.Final;
            Assert.Equal(120, final.EnvSteps);
            Assert.True(final.ExpertCost >= 40);
            Assert.Equal(final.ExpertCost, final[MetricNames.WallSteps]);

            // summary.json says where the time went: every phase measured, together the run's time.
            using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            System.Text.Json.JsonElement phases = summary.RootElement.GetProperty("phaseSeconds");
            double learning = phases.GetProperty("learning").GetDouble();
            double evaluation = phases.GetProperty("evaluation").GetDouble();
            double collection = phases.GetProperty("collection").GetDouble();
            Assert.True(learning > 0 && evaluation > 0 && collection > 0, $"{learning} {evaluation} {collection}");
            Assert.InRange(learning + evaluation + collection, 0, result.Seconds);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void BadOptionsAndNamesGiveClearErrors()
    {
        var trainer = new TrainerOptions { TotalEnvSteps = 50, WarmUpSteps = 10 };
        var e1 = Assert.Throws<ArgumentException>(() => ExperimentRunner.Run(new RunSpec("no-such-task", "aim", trainer), runsRoot: null));
        Assert.Contains("multiroom-6", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => ExperimentRunner.Run(new RunSpec("empty-6x6", "no-such-method", trainer), runsRoot: null));
        Assert.Contains("aim", e2.Message);
        var e3 = Assert.Throws<ArgumentException>(() => ExperimentRunner.Run(
            new RunSpec("empty-6x6", "aim", trainer, new Dictionary<string, string> { ["dleta"] = "0.1" }), runsRoot: null));
        Assert.Contains("delta", e3.Message);
        var e4 = Assert.Throws<ArgumentException>(() => ExperimentRunner.Run(
            new RunSpec("empty-6x6", "aim", trainer, new Dictionary<string, string> { ["delta"] = "lots" }), runsRoot: null));
        Assert.Contains("lots", e4.Message);
        var e5 = Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentRunner.Run(
            new RunSpec("empty-6x6", "aim", trainer, new Dictionary<string, string> { ["delta"] = "1.5" }), runsRoot: null));
        Assert.Contains("1.5", e5.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentRunner.Run(
            new RunSpec("empty-6x6", "aim", trainer with { ExpertBudget = -1 }), runsRoot: null));
    }
}
