using Aim.Experiments.Reports;
using Aim.Experiments.Results;

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
