using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Experiments.Sweeps;

namespace Aim.Tests.Experiments;

public class ReportTests
{
    [Fact]
    public void ReportHoldsTheTableAndEveryChartOffline()
    {
        using var runs = new HandMadeRuns();
        runs.Add("empty-6x6", "aim", 0, [(100, 100, 0.0), (200, 140, 0.6)], beta: 0.1);
        runs.Add("empty-6x6", "aim", 1, [(100, 100, 0.2), (200, 130, 0.8)], beta: 0.2);
        runs.Add("empty-6x6", "other", 0, [(100, 100, 0.0), (200, 190, 0.4)]);
        string path = ExperimentReport.Write(ResultSet.Load(runs.Root), Path.Combine(runs.Root, "report.html"), new ReportOptions { Title = "test report" });
        string html = File.ReadAllText(path);

        Assert.Contains("<table class=\"comparison\">", html);
        Assert.Contains("\"name\":\"aim\"", html);
        Assert.Contains("\"name\":\"other\"", html);
        Assert.Contains("\"name\":\"aim realised\"", html);
        Assert.Contains("\"name\":\"aim target\"", html);
        foreach (string title in new[] { "Test success vs expert takeover cost", "Test success vs environment steps", "Intervention rate over training", "Realised vs target switch rate", "Switch threshold β over training" })
        {
            Assert.Contains(title, html);
        }

        Assert.DoesNotContain("Hand-back threshold", html);
        Assert.DoesNotContain("<script src=", html);
        Assert.DoesNotContain("requirejs.config", html);
        Assert.Equal(1, CountOf(html, "(function(define, exports, module)"));
        Assert.Equal(5, CountOf(html, "<div class=\"chart\">"));
    }

    [Fact]
    public void SeriesEvaluatedOnceIsDrawnAsAPoint()
    {
        using var runs = new HandMadeRuns();
        runs.Add("multiroom-6", "aim", 0, [(200, 200, 0.1), (400, 260, 0.5)]);
        runs.Add("multiroom-6", "bc", 0, [(2000, 2000, 0.9)]);
        string json = Aim.Experiments.Charts.OfflinePlotly.ToFigureJson(ReportCharts.SuccessVsExpertCost(ResultSet.Load(runs.Root)));
        Assert.Equal(1, CountOf(json, "\"mode\":\"lines+markers\""));
    }

    [Fact]
    public void ReportWithAReferenceDrawsItBesideOurRuns()
    {
        using var runs = new HandMadeRuns();
        runs.Add("multiroom-6", "aim", 0, [(400, 400, 0.0), (900, 600, 0.5), (2000, 700, 0.8)]);
        runs.Add("multiroom-6", "aim", 1, [(400, 400, 0.0), (1200, 640, 0.3)]);
        ResultSet results = ResultSet.Load(runs.Root);

        string plain = ExperimentReport.ToHtml(results);
        string html = ExperimentReport.ToHtml(results, new ReportOptions { Reference = ReferenceRuns.Load(ReferenceRunsTests.CheckedIn) });

        Assert.DoesNotContain(ReportCharts.ReferenceLabel, plain);
        Assert.Equal(CountOf(plain, "<div class=\"chart\">") + 1, CountOf(html, "<div class=\"chart\">"));
        Assert.Contains("Test success vs expert steps: ours beside the released code", html);
        Assert.Contains("<code>released-aim-minigrid</code>", html);
        string[] traces =
        [
            "released code, seed 0 (every evaluation)", "released code, last evaluation (seeds 0, 1, 2)", "released code, best evaluation (seeds 0, 1, 2)",
            "aim (ours, mean of 2 seeds)", "aim (ours), each seed",
        ];
        Assert.All(traces, name => Assert.Contains($"\"name\":\"{name}\"", html));
    }

    [Fact]
    public void ReferenceChartPlacesTheReleasedCodesPointsWhereTheFileHasThem()
    {
        using var runs = new HandMadeRuns();
        runs.Add("multiroom-6", "aim", 0, [(400, 400, 0.0), (900, 600, 0.5)]);
        string json = Aim.Experiments.Charts.OfflinePlotly.ToFigureJson(
            ReportCharts.SuccessVsExpertCostBesideReference(ResultSet.Load(runs.Root), ReferenceRuns.Load(ReferenceRunsTests.CheckedIn)));

        Assert.Contains("\"x\":[740,780,720],\"y\":[0.5,0.8,0.3]", json);
        Assert.Contains("\"x\":[640,780,600],\"y\":[0.66,0.8,0.46]", json);
        Assert.Contains("\"x\":[200,220,240,260,280,300,320,340,360,380,400,420,460,480,500,520,540,560,600,640,660,680,700,740]", json);
    }

    [Fact]
    public void SweepReportDrawsTheConfigsReferenceAndRefusesAMissingOne()
    {
        string sweep = Path.Combine(Path.GetTempPath(), $"aim-sweep-reference-{Guid.NewGuid():N}");
        using var runs = new HandMadeRuns(Path.Combine(sweep, "runs"));
        runs.Add("multiroom-6", "aim", 0, [(400, 400, 0.0), (900, 600, 0.5)]);
        string Config(string reference) => $$"""{ "name": "x", "tasks": ["multiroom-6"], "methods": ["aim"], "seeds": 1, "reference": "{{reference}}" }""";
        try
        {
            SweepOutputs outputs = SweepOutputs.Write(sweep, SweepPlan.From(SweepConfig.Parse(Config(ReferenceRunsTests.CheckedIn))));
            Assert.Contains("ours beside the released code", File.ReadAllText(outputs.Report));

            File.Delete(outputs.Report);
            string missing = Path.Combine(sweep, "no-such-reference");
            var e = Assert.Throws<DirectoryNotFoundException>(() => SweepOutputs.Write(sweep, SweepPlan.From(SweepConfig.Parse(Config(missing)))));
            Assert.Contains(missing, e.Message);
            Assert.False(File.Exists(outputs.Report));
        }
        finally
        {
            Directory.Delete(sweep, recursive: true);
        }
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
