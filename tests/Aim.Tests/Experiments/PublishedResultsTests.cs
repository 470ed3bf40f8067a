using Aim.Experiments.Results;
using Aim.Learning.Training;

namespace Aim.Tests.Experiments;

public class PublishedResultsTests
{
    [Fact]
    public void PublishedTablesLoadBackAsTheSameRuns()
    {
        using var runs = new HandMadeRuns();
        runs.Add("multiroom-6", "aim", 0, [(200, 200, 0.1), (400, 260, 0.5), (600, 300, 0.75)], delta: "0.1", beta: -0.5);
        runs.Add("multiroom-6", "aim", 1, [(200, 200, 0.2), (400, 250, 0.6), (600, 310, 0.8)], delta: "0.1", beta: -0.4);
        runs.Add("multiroom-6", "aim", 0, [(200, 200, 0.0), (400, 300, 0.3)], delta: "0.2");
        runs.Add("multiroom-6", "thrifty", 0, [(200, 200, 0.3), (400, 280, 0.4)]);
        ResultSet original = ResultSet.Load(runs.Root);
        string folder = Path.Combine(runs.Root, "published", "delta");

        PublishedResults.Write(original, folder, 0.5, "aim sweep --config sweeps/delta.json", "{ \"name\": \"delta\" }", "Seed 2 is missing.");
        ResultSet loaded = PublishedResults.Load(folder);

        Assert.Equal(original.Series.Order(), loaded.Series.Order());
        Assert.Equal(original.Runs.Count, loaded.Runs.Count);
        foreach (RunRecord run in original.Runs)
        {
            RunRecord copy = loaded.Runs.Single(r => r.Directory == Path.GetFileName(run.Directory));
            Assert.Equal((run.Task, run.Method, run.Seed, run.Series), (copy.Task, copy.Method, copy.Seed, copy.Series));
            Assert.Equal(run.Column(MetricNames.EvalSuccess), copy.Column(MetricNames.EvalSuccess));
            Assert.Equal(run.Column(MetricNames.ExpertCost), copy.Column(MetricNames.ExpertCost));
            Assert.Equal(run.ExpertCostToReach(0.5), copy.ExpertCostToReach(0.5));
        }

        Assert.Equal(ComparisonTable.Build(original, 0.5).Rows.Count, ComparisonTable.Build(loaded, 0.5).Rows.Count);
        string readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        Assert.Contains("aim sweep --config sweeps/delta.json", readme);
        Assert.Contains("Seed 2 is missing.", readme);
        Assert.Contains("Numeric environment (docs/reproducibility.md): not recorded by these runs.", readme);
        Assert.True(File.Exists(Path.Combine(folder, "comparison.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "runs.csv")));
        Assert.DoesNotContain(Directory.GetFiles(folder), f => f.Contains(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownNameListsWhatIsPublished()
    {
        var e = Assert.Throws<ArgumentException>(() => PublishedResults.Load("no-such-results"));
        Assert.Contains("no-such-results", e.Message);
        Assert.Throws<ArgumentException>(() => PublishedResults.Write(new ResultSet([]), "x", 0.5, "aim sweep"));
    }
}
