using System.Globalization;
using Aim.Learning.Training;

namespace Aim.Tests.Cli;

/// <summary><c>eval_every=0</c> means no evaluations along the way: one after the warm-up and one at the end.</summary>
[Collection(SerialRuns.Name)]
public class EvalEveryZeroTests
{
    [Fact]
    public void ZeroEvaluatesAfterTheWarmUpAndAtTheEndOnly()
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-eval0-{Guid.NewGuid():N}");
        try
        {
            // TinyBudget evaluates every 50 steps; the later setting wins.
            var (code, output, error) = CliRunner.Run(["run", "--task", "empty-6x6", "--method", "aim", "--out", root, .. CliRunner.TinyBudget, "--set", "eval_every=0"]);
            Assert.True(code == 0, error);
            string directory = Directory.GetDirectories(root).Single();
            string[] lines = File.ReadAllLines(Path.Combine(directory, "metrics.csv"));
            int column = Array.IndexOf(lines[0].Split(','), MetricNames.EnvSteps);
            Assert.Equal([50.0, 100.0], lines.Skip(1).Select(l => double.Parse(l.Split(',')[column], CultureInfo.InvariantCulture)));
            Assert.Contains("Run directory:", output);
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
    public void ANegativeIntervalIsRefusedNamingTheKey()
    {
        var (code, _, error) = CliRunner.Run("run", "--set", "eval_every=-1");
        Assert.Equal(2, code);
        Assert.Contains("eval_every", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
