using Aim.Experiments.Results;
using Deedle;

namespace Aim.Tests.Experiments;

public class ResultsTests
{
    // Final successes 0.2, 0.4, 0.9: mean 0.5; sample variance (0.09 + 0.01 + 0.16) / 2 = 0.13, std 0.360555;
    // 95 % t half-width t(0.975, 2) · 0.360555 / √3 = 4.302653 · 0.360555 / √3 = 0.895669.
    private static HandMadeRuns ThreeSeeds()
    {
        var runs = new HandMadeRuns();
        runs.Add("empty-6x6", "aim", 0, [(100, 100, 0.0), (200, 150, 0.5), (300, 160, 0.2)]);
        runs.Add("empty-6x6", "aim", 1, [(100, 100, 0.0), (200, 120, 0.4), (300, 130, 0.4)]);
        runs.Add("empty-6x6", "aim", 2, [(100, 100, 0.1), (200, 110, 0.8), (300, 115, 0.9)]);
        return runs;
    }

    [Fact]
    public void SeedStatGivesMeanSampleStdAndTInterval()
    {
        SeedStat stat = SeedStat.Of([0.2, 0.4, 0.9, double.NaN]);
        Assert.Equal(3, stat.Count);
        Assert.Equal(0.5, stat.Mean, 12);
        Assert.Equal(0.360555, stat.Std, 5);
        Assert.Equal(0.895669, stat.Ci95, 6);
        Assert.Equal("0.50 ± 0.36", stat.Format());
        Assert.True(double.IsNaN(SeedStat.Of([1.0]).Std));
    }

    [Fact]
    public void SuccessAreaHoldsEachEvaluationUntilTheNextAndStopsAtTheHorizon()
    {
        using HandMadeRuns runs = ThreeSeeds();
        RunRecord[] byseed = ResultSet.Load(runs.Root).Runs.OrderBy(r => r.Seed).ToArray();

        // Seed 0: 0 until cost 150, then 0.5 for 10 steps, then 0.2 to 200: (5 + 8) / 200.
        Assert.Equal(0.065, byseed[0].SuccessArea(200), 12);

        // Seed 2: 0.1 from 100 to 110, 0.8 to 115, 0.9 to 200: (1 + 4 + 76.5) / 200; cut at 105: 0.5 / 105.
        Assert.Equal(0.4075, byseed[2].SuccessArea(200), 12);
        Assert.Equal(0.5 / 105, byseed[2].SuccessArea(105), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => byseed[0].SuccessArea(0));
    }

    [Fact]
    public void SignalTableGivesIntervalsCostsToTargetsAndTheArea()
    {
        using HandMadeRuns runs = ThreeSeeds();
        string table = SignalTable.ToMarkdown(ResultSet.Load(runs.Root), [0.5, 0.85], areaHorizon: 200);
        string row = table.Split('\n').Single(l => l.StartsWith("| empty-6x6", StringComparison.Ordinal));
        Assert.Contains("| 3 |", row);
        Assert.Contains("| 0.50 ± 0.90 |", row);        // final success, t-interval as above
        Assert.Contains("| 130 (2/3) |", row);          // cost to 0.5: seeds 0 (150) and 2 (110)
        Assert.Contains("| 115 (1/3) |", row);          // cost to 0.85: seed 2 only
        Assert.Contains("| – | – |", row);              // no safety-critical states, no Q^I labels logged
    }

    [Fact]
    public void LoadsRunsIntoADataFrameWithRunColumns()
    {
        using HandMadeRuns runs = ThreeSeeds();
        ResultSet results = ResultSet.Load(runs.Root);
        Assert.Equal(3, results.Runs.Count);
        Assert.All(results.Runs, r => Assert.True(r.IsFinished));
        Assert.Empty(results.CommonSettings);
        Microsoft.Data.Analysis.DataFrame frame = results.ToDataFrame();
        Assert.Equal(9, frame.Rows.Count);
        Assert.Equal("aim", frame["method"][0]);
        Assert.Equal(2, frame["seed"][8]);
        Assert.Equal(0.9, (double)frame["eval/success"][8]!, 12);
        Assert.Null(frame["eval/route_completion"][0]);
    }

    [Fact]
    public void DeedleAggregationMatchesHandComputedValues()
    {
        using HandMadeRuns runs = ThreeSeeds();
        Frame<int, string> frame = ResultSet.Load(runs.Root).ToRunFrame(targetSuccess: 0.4);
        Frame<int, string> stats = SeedAggregation.Aggregate(frame, ["Task", "Method"], ["FinalSuccess", "BestSuccess", "CostToTarget"]);
        ObjectSeries<string> row = stats.Rows.GetAt(0);
        Assert.Equal(0.5, row.GetAs<double>("FinalSuccess_mean"), 12);
        Assert.Equal(0.360555, row.GetAs<double>("FinalSuccess_std"), 5);
        Assert.Equal(0.895669, row.GetAs<double>("FinalSuccess_ci95"), 6);
        Assert.Equal(3, row.GetAs<int>("FinalSuccess_n"));

        // Best: 0.5, 0.4, 0.9 -> mean 0.6. Cost to 0.4: 150, 120, 110 -> mean 126.667, std 20.8167.
        Assert.Equal(0.6, row.GetAs<double>("BestSuccess_mean"), 12);
        Assert.Equal(126.666667, row.GetAs<double>("CostToTarget_mean"), 5);
        Assert.Equal(20.816660, row.GetAs<double>("CostToTarget_std"), 5);
    }

    [Fact]
    public void ComparisonTableHasThePapersColumns()
    {
        using HandMadeRuns runs = ThreeSeeds();
        runs.Add("empty-6x6", "other", 0, [(100, 100, 0.0), (300, 300, 0.3)]);
        var table = ComparisonTable.Build(ResultSet.Load(runs.Root), targetSuccess: 0.8);
        Assert.Equal(["aim", "other"], table.Rows.Select(r => r.Method));
        ComparisonRow aim = table.Rows[0];
        Assert.Equal("✓", aim.Gating);
        Assert.Equal("–", table.Rows[1].Gating);
        Assert.Equal(135, aim.ExpertData.Mean, 9);
        Assert.Equal("135 (0.45)", aim.ExpertDataText);
        Assert.Equal("0.50 ± 0.36", aim.FinalSuccess.Format());
        Assert.Equal(1, aim.CostToTarget.Count);
        Assert.Equal("110 (1/3)", aim.CostToTargetText);
        Assert.Contains("Expert data (rate)", table.ToText());
        Assert.Contains("<b>0.50 &#177; 0.36</b>", table.ToHtml());

        string csv = Path.Combine(runs.Root, "comparison.csv");
        table.WriteCsv(csv);
        string[] lines = File.ReadAllLines(csv);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("task,method,variant,robot_gated,seeds,expert_data_mean", lines[0]);
        Assert.StartsWith("empty-6x6,aim,,✓,3,135,", lines[1]);
    }

    [Fact]
    public void AblationPivotAveragesPerOptionValue()
    {
        using var runs = new HandMadeRuns();
        runs.Add("empty-6x6", "aim", 0, [(100, 100, 0.2)], delta: "0.05");
        runs.Add("empty-6x6", "aim", 1, [(100, 100, 0.4)], delta: "0.05");
        runs.Add("empty-6x6", "aim", 0, [(100, 100, 0.7)], delta: "0.2");
        ResultSet results = ResultSet.Load(runs.Root);
        Assert.Equal(["aim (delta=0.05)", "aim (delta=0.2)"], results.Series);
        Frame<string, string> pivot = SeedAggregation.Pivot(results.ToRunFrame(0.8), "delta", "Method", "FinalSuccess");
        Assert.Equal(0.3, pivot.GetColumn<double>("aim")["0.05"], 12);
        Assert.Equal(0.7, pivot.GetColumn<double>("aim")["0.2"], 12);
    }

    [Fact]
    public void CurvesAlignOnACommonGridWithStepHoldOrLinear()
    {
        double[] xs = [0, 10, 20];
        double[] ys = [0.0, 1.0, 0.5];
        var hold = new CurveOptions();
        Assert.Equal(0.0, Curves.ValueAt(xs, ys, 5, hold));
        Assert.Equal(1.0, Curves.ValueAt(xs, ys, 15, hold));
        Assert.Equal(0.5, Curves.ValueAt(xs, ys, 20, hold));
        Assert.True(double.IsNaN(Curves.ValueAt(xs, ys, 25, hold)));
        Assert.Equal(0.5, Curves.ValueAt(xs, ys, 25, hold with { HoldLast = true }));
        Assert.Equal(0.75, Curves.ValueAt(xs, ys, 15, hold with { Interpolation = CurveInterpolation.Linear }), 12);

        CurveBand band = Curves.Align("m", [(xs, ys), ([0.0, 10.0], [0.0, 0.0])], new CurveOptions { Points = 3 });
        Assert.Equal([0.0, 10.0, 20.0], band.X);
        Assert.Equal([2, 2, 1], band.Count);
        Assert.Equal(0.5, band.Mean[1], 12);
        Assert.Equal(Math.Sqrt(0.5), band.Std[1], 12);
        Assert.Equal(0.5, band.Mean[2], 12);
    }
}
