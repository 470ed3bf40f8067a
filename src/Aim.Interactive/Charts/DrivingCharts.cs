using Aim.Experiments.Charts;
using DynamicObj;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.TraceObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Aim.Interactive.Charts;

/// <summary>
/// Plotly figures of the driving task: a top-down map (road edges, lane lines, hazards, traffic, ego) and a route plot
/// coloured by a per-position value. Shapes are (x, y) arrays in world metres, as <c>DrivingEnv.Sketch()</c> returns
/// them, so this assembly needs no reference to the environments.
/// </summary>
public static class DrivingCharts
{
    private static readonly Color s_edge = Color.fromString("#555555");
    private static readonly Color s_centreLine = Color.fromString("#d4a017");
    private static readonly Color s_laneLine = Color.fromString("#b0b0b0");
    private static readonly Color s_hazard = Color.fromString("#ff8c00");
    private static readonly Color s_vehicle = Color.fromString("#3278f0");
    private static readonly Color s_ego = Color.fromString("#e12323");
    private static readonly Color s_help = Color.fromString("#d62728");

    /// <summary>A top-down map of a driving scene with equal axis scales.</summary>
    /// <param name="roadEdges">Polylines of the carriageway edges (the first is drawn as the yellow centre line).</param>
    /// <param name="laneLines">Polylines of the lane dividers (dashed).</param>
    /// <param name="hazards">Closed outlines of cones, triangles, barriers and broken-down vehicles.</param>
    /// <param name="vehicles">Closed outlines of traffic vehicles.</param>
    /// <param name="ego">Closed outline of the ego, or null.</param>
    public static GenericChart TopDown(
        IReadOnlyList<(double X, double Y)[]> roadEdges,
        IReadOnlyList<(double X, double Y)[]> laneLines,
        IReadOnlyList<(double X, double Y)[]> hazards,
        IReadOnlyList<(double X, double Y)[]> vehicles,
        (double X, double Y)[]? ego = null)
    {
        ArgumentNullException.ThrowIfNull(hazards);
        ArgumentNullException.ThrowIfNull(vehicles);
        var traces = new List<GenericChart>(Road(roadEdges, laneLines));
        traces.AddRange(Shapes(hazards, "hazards", s_hazard));
        traces.AddRange(Shapes(vehicles, "traffic", s_vehicle));
        if (ego is not null)
        {
            traces.AddRange(Shapes([ego], "ego", s_ego));
        }

        return EqualAxes(CSharpChart.Combine(traces));
    }

    /// <summary>
    /// The road with a route drawn as points coloured by a value (speed, uncertainty, switch score…), with optional
    /// markers where the agent requested help and optional hazard outlines.
    /// </summary>
    /// <param name="roadEdges">Polylines of the carriageway edges.</param>
    /// <param name="laneLines">Polylines of the lane dividers.</param>
    /// <param name="points">Positions along the route with their value.</param>
    /// <param name="valueName">Title of the colour bar.</param>
    /// <param name="helpRequested">Positions where help was requested, or null.</param>
    /// <param name="hazards">Hazard outlines to draw, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="valueName"/> is empty.</exception>
    public static GenericChart RoutePlot(
        IReadOnlyList<(double X, double Y)[]> roadEdges,
        IReadOnlyList<(double X, double Y)[]> laneLines,
        IReadOnlyList<(double X, double Y, double Value)> points,
        string valueName,
        IReadOnlyList<(double X, double Y)>? helpRequested = null,
        IReadOnlyList<(double X, double Y)[]>? hazards = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentException.ThrowIfNullOrWhiteSpace(valueName);
        var traces = new List<GenericChart>(Road(roadEdges, laneLines));
        if (hazards is not null)
        {
            traces.AddRange(Shapes(hazards, "hazards", s_hazard));
        }

        var marker = new Marker();
        marker.SetProperty("color", points.Select(p => p.Value).ToArray());
        marker.SetProperty("colorscale", "Viridis");
        marker.SetProperty("showscale", true);
        marker.SetProperty("size", 6);
        var title = new DynamicObj.DynamicObj();
        title.SetProperty("text", valueName);
        var colorBar = new DynamicObj.DynamicObj();
        colorBar.SetProperty("title", title);
        marker.SetProperty("colorbar", colorBar);
        traces.Add(CSharpChart.Point<double, double, string>(
            x: points.Select(p => p.X).ToArray(),
            y: points.Select(p => p.Y).ToArray(),
            Name: valueName,
            MultiText: points.Select(p => $"{valueName}: {p.Value:G4}").ToArray(),
            Marker: marker));

        if (helpRequested is { Count: > 0 })
        {
            traces.Add(CSharpChart.Point<double, double, string>(
                x: helpRequested.Select(p => p.X).ToArray(),
                y: helpRequested.Select(p => p.Y).ToArray(),
                Name: "help requested",
                MarkerColor: s_help,
                MarkerSymbol: StyleParam.MarkerSymbol.X));
        }

        // The colour bar takes the right margin: the legend goes above the plot.
        var legend = new Legend();
        legend.SetProperty("orientation", "h");
        legend.SetProperty("x", 0);
        legend.SetProperty("y", 1.02);
        legend.SetProperty("yanchor", "bottom");
        return Plotly.NET.Chart.withLegend(legend, FSharpOption<int>.None).Invoke(EqualAxes(CSharpChart.Combine(traces)));
    }

    private static IEnumerable<GenericChart> Road(IReadOnlyList<(double X, double Y)[]> roadEdges, IReadOnlyList<(double X, double Y)[]> laneLines)
    {
        ArgumentNullException.ThrowIfNull(roadEdges);
        ArgumentNullException.ThrowIfNull(laneLines);
        for (int i = 0; i < roadEdges.Count; i++)
        {
            yield return Polyline(roadEdges[i], i == 0 ? "centre line" : "road edge", i == 0 ? s_centreLine : s_edge, StyleParam.DrawingStyle.Solid, showLegend: i < 2);
        }

        for (int i = 0; i < laneLines.Count; i++)
        {
            yield return Polyline(laneLines[i], "lane line", s_laneLine, StyleParam.DrawingStyle.Dash, showLegend: i == 0);
        }
    }

    private static GenericChart Polyline((double X, double Y)[] points, string name, Color colour, StyleParam.DrawingStyle dash, bool showLegend) =>
        CSharpChart.Line<double, double, string>(
            x: points.Select(p => p.X).ToArray(),
            y: points.Select(p => p.Y).ToArray(),
            Name: name,
            ShowLegend: showLegend,
            LineColor: colour,
            LineWidth: 1.5,
            LineDash: dash);

    private static IEnumerable<GenericChart> Shapes(IReadOnlyList<(double X, double Y)[]> outlines, string name, Color colour)
    {
        for (int i = 0; i < outlines.Count; i++)
        {
            yield return CSharpChart.Scatter<double, double, string>(
                x: outlines[i].Select(p => p.X).ToArray(),
                y: outlines[i].Select(p => p.Y).ToArray(),
                mode: StyleParam.Mode.Lines,
                Name: name,
                ShowLegend: i == 0,
                LineColor: colour,
                Fill: StyleParam.Fill.ToSelf,
                FillColor: colour);
        }
    }

    private static GenericChart EqualAxes(GenericChart chart)
    {
        // One metre is as long on both axes, so curves keep their shape.
        var title = new DynamicObj.DynamicObj();
        title.SetProperty("text", "y (m)");
        var y = new LinearAxis();
        y.SetProperty("scaleanchor", "x");
        y.SetProperty("scaleratio", 1);
        y.SetProperty("title", title);
        return Plotly.NET.Chart.withYAxis(y, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart.WithAxisTitles(x: "x (m)"));
    }
}
