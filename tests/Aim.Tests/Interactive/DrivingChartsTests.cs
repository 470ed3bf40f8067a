using Aim.Envs.Driving;
using Aim.Experiments.Charts;
using Aim.Interactive.Charts;

namespace Aim.Tests.Interactive;

public class DrivingChartsTests
{
    [Fact]
    public void TopDownDrawsEveryShapeWithEqualAxes()
    {
        var env = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Single(1000) });
        env.Reset(0);
        DrivingSketch s = env.Sketch();
        var chart = DrivingCharts.TopDown(s.RoadEdges, s.LaneLines, s.Hazards, s.Vehicles, s.Ego);
        string json = OfflinePlotly.ToFigureJson(chart);
        Assert.Equal(s.Hazards.Count + s.Vehicles.Count + 1, CountOccurrences(json, "\"fill\":\"toself\""));
        Assert.Equal(s.LaneLines.Count, CountOccurrences(json, "\"dash\":\"dash\""));
        Assert.Contains("\"scaleanchor\":\"x\"", json);
        Assert.Contains("y (m)", json);
        Assert.Contains("x (m)", json);
    }

    [Fact]
    public void RoutePlotColoursPointsAndMarksHelpRequests()
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy);
        env.Reset(0);
        DrivingSketch s = env.Sketch();
        var points = Enumerable.Range(0, 20).Select(i =>
        {
            (double x, double y) = env.Map!.ToWorld(10 * i, 5);
            return (x, y, (double)i / 20);
        }).ToArray();
        var chart = DrivingCharts.RoutePlot(s.RoadEdges, s.LaneLines, points, "uncertainty", [(points[3].x, points[3].y)], s.Hazards);
        string json = OfflinePlotly.ToFigureJson(chart);
        Assert.Contains("\"colorscale\":\"Viridis\"", json);
        Assert.Contains("uncertainty", json);
        Assert.Contains("help requested", json);
        Assert.Throws<ArgumentException>(() => DrivingCharts.RoutePlot(s.RoadEdges, s.LaneLines, points, " "));
        string html = OfflinePlotly.SaveHtml(chart, Path.Combine(Path.GetTempPath(), "aim-driving-route.html"));
        Assert.True(new FileInfo(html).Length > 100_000);
    }

    private static int CountOccurrences(string text, string pattern)
    {
        int count = 0;
        for (int i = text.IndexOf(pattern, StringComparison.Ordinal); i >= 0; i = text.IndexOf(pattern, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
