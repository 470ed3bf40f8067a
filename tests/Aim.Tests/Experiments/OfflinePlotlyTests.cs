using Aim.Experiments.Charts;
using Plotly.NET.CSharp;

namespace Aim.Tests.Experiments;

public class OfflinePlotlyTests
{
    [Fact]
    public void StandaloneHtmlEmbedsPlotlyAndTheData()
    {
        var chart = Chart.Line<double, double, string>(x: new[] { 1.0, 2.0, 3.0 }, y: new[] { 0.25, 0.5, 0.875 }, Name: "success")
            .WithTitle("test success")
            .WithAxisTitles(x: "expert steps", y: "success");
        string path = Path.Combine(Path.GetTempPath(), $"aim-chart-{Guid.NewGuid():N}.html");
        try
        {
            OfflinePlotly.SaveHtml(chart, path);
            string html = File.ReadAllText(path);
            // plotly.js itself mentions cdn.plot.ly (its topojson default); what must be absent is any script fetched from a CDN.
            Assert.DoesNotContain("src=\"https://cdn.plot.ly", html);
            Assert.DoesNotContain("<script src=", html);
            Assert.DoesNotContain("requirejs.config", html);
            Assert.Contains("Plotly.newPlot", html);
            Assert.True(html.Length > 3_000_000, "plotly.js must be inlined");

            string json = OfflinePlotly.ToFigureJson(chart);
            Assert.Contains("0.875", json);
            Assert.Contains("\"name\":\"success\"", json);
            Assert.Contains("expert steps", json);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
