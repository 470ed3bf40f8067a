using Aim.Experiments.Results;

namespace Aim.Tests.Experiments;

public class DamagedResultsTests
{
    private static readonly (double, double, double)[] s_points = [(100, 100, 0.0), (200, 150, 0.5)];

    [Fact]
    public void AKilledRunIsLeftOutAndListed()
    {
        using var runs = new HandMadeRuns();
        runs.Add("empty-6x6", "aim", 0, s_points);
        string killed = runs.Add("empty-6x6", "aim", 1, s_points);
        File.Delete(Path.Combine(killed, "summary.json"));

        ResultSet results = ResultSet.Load(runs.Root);
        Assert.Equal([0], results.Runs.Select(r => r.Seed));
        SkippedRun skipped = Assert.Single(results.Skipped);
        Assert.Equal(killed, skipped.Directory);
        Assert.Contains("no summary.json", skipped.Reason);
    }

    [Fact]
    public void TheSameSeedTwiceCountsOnceKeepingTheNewer()
    {
        using var runs = new HandMadeRuns();
        string older = Path.Combine(runs.Root, "empty-6x6__aim__s0__20250101-120000");
        string newer = Path.Combine(runs.Root, "empty-6x6__aim__s0__20250101-130000");
        Directory.Move(runs.Add("empty-6x6", "aim", 0, s_points), older);
        Directory.Move(runs.Add("empty-6x6", "aim", 0, [(100, 100, 1.0)]), newer);

        ResultSet results = ResultSet.Load(runs.Root);
        RunRecord kept = Assert.Single(results.Runs);
        Assert.Equal(newer, kept.Directory);
        SkippedRun skipped = Assert.Single(results.Skipped);
        Assert.Equal(older, skipped.Directory);
        Assert.Contains($"the same task, method, settings and seed as the newer {newer}", skipped.Reason);
    }

    [Fact]
    public void ANonNumericMetricCellIsNamedWithItsFileAndLine()
    {
        using var runs = new HandMadeRuns();
        runs.Add("empty-6x6", "aim", 0, s_points);
        string damaged = runs.Add("empty-6x6", "aim", 1, s_points);
        string metrics = Path.Combine(damaged, "metrics.csv");
        string[] lines = File.ReadAllLines(metrics);
        lines[2] = "abc" + lines[2][lines[2].IndexOf(',', StringComparison.Ordinal)..];
        File.WriteAllLines(metrics, lines);

        ResultSet results = ResultSet.Load(runs.Root);
        Assert.Equal([0], results.Runs.Select(r => r.Seed));
        Assert.Equal($"{metrics}, line 3: 'abc' in column env_steps is not a number.", Assert.Single(results.Skipped).Reason);
    }

    [Theory]
    [InlineData("{ \"task\": ")]
    [InlineData("{ \"method\": \"aim\", \"seed\": 0 }")]
    public void ADamagedOptionsFileIsNamed(string options)
    {
        using var runs = new HandMadeRuns();
        runs.Add("empty-6x6", "aim", 0, s_points);
        string damaged = runs.Add("empty-6x6", "aim", 1, s_points);
        File.WriteAllText(Path.Combine(damaged, "options.json"), options);

        ResultSet results = ResultSet.Load(runs.Root);
        Assert.Single(results.Runs);
        Assert.StartsWith(Path.Combine(damaged, "options.json"), Assert.Single(results.Skipped).Reason);
    }
}
