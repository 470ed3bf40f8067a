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
        (string metrics, string reason) = LoadWithDamagedMetrics(runs, lines => lines[2] = "abc" + lines[2][lines[2].IndexOf(',', StringComparison.Ordinal)..]);
        Assert.Equal($"{metrics}, line 3: 'abc' in column env_steps is not a number.", reason);
    }

    [Fact]
    public void ACutLastRowIsNamedWithItsFileAndLine()
    {
        using var runs = new HandMadeRuns();
        (string metrics, string reason) = LoadWithDamagedMetrics(runs, lines => lines[^1] = lines[^1][..5]);
        Assert.Equal($"{metrics}, line 3: 2 cells where the header has 10 (a cut or damaged row).", reason);
    }

    [Theory]
    [InlineData("a,b\n1,\n\n", null)]
    [InlineData("a,b\r\n1,\r\n", null)]
    [InlineData("a,b\n1,\n\n2,3\n", "line 3: 1 cells where the header has 2 (a cut or damaged row).")]
    [InlineData("a,b\n1,\n\n\n", "line 3: 1 cells where the header has 2 (a cut or damaged row).")]
    [InlineData("a,b\n1,\"2,5\"\n", "line 2: '2,5' in column b is not a number.")]
    [InlineData("a,a\n1,2\n", "Col name 'a' found 2 times")]
    public void BlankLinesQuotesAndRepeatedNamesInMetrics(string text, string? error)
    {
        using var runs = new HandMadeRuns();
        string path = Path.Combine(runs.Root, "metrics.csv");
        File.WriteAllText(path, text);
        if (error is null)
        {
            Microsoft.Data.Analysis.DataFrame frame = RunLoader.LoadMetrics(path);
            Assert.Equal(["a", "b"], frame.Columns.Select(c => c.Name));
            Assert.Equal(1, frame.Rows.Count);
            Assert.Equal(1.0, frame["a"][0]);
            Assert.Null(frame["b"][0]);
        }
        else
        {
            var e = Assert.Throws<InvalidDataException>(() => RunLoader.LoadMetrics(path));
            Assert.StartsWith(path, e.Message);
            Assert.Contains(error, e.Message);
        }
    }

    [Fact]
    public void AQuotedHeaderNameIsReadWhole()
    {
        using var runs = new HandMadeRuns();
        string path = Path.Combine(runs.Root, "metrics.csv");
        File.WriteAllText(path, "\"x,y\",z\n1,2\n");
        Microsoft.Data.Analysis.DataFrame frame = RunLoader.LoadMetrics(path);
        Assert.Equal(["x,y", "z"], frame.Columns.Select(c => c.Name));
        Assert.Equal(2.0, frame["z"][0]);
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

    // Two runs, the second's metrics.csv damaged (written without a final line break, as a cut file would be): the
    // first is loaded and the second skipped; returns the damaged file and the reason given.
    private static (string Metrics, string Reason) LoadWithDamagedMetrics(HandMadeRuns runs, Action<string[]> damage)
    {
        runs.Add("empty-6x6", "aim", 0, s_points);
        string metrics = Path.Combine(runs.Add("empty-6x6", "aim", 1, s_points), "metrics.csv");
        string[] lines = File.ReadAllLines(metrics);
        damage(lines);
        File.WriteAllText(metrics, string.Join('\n', lines));

        ResultSet results = ResultSet.Load(runs.Root);
        Assert.Equal([0], results.Runs.Select(r => r.Seed));
        return (metrics, Assert.Single(results.Skipped).Reason);
    }
}
