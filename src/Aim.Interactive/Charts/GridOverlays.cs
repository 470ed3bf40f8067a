using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Aim.Interactive.Charts;

/// <summary>Marks drawn over a grid figure from <see cref="GridCharts.Grid"/>: a path through cells and crosses on cells.</summary>
public static class GridOverlays
{
    private const string PathColour = "#ffffff";
    private const string MarkColour = "#ff2020";

    /// <summary>
    /// Adds a white line through <paramref name="path"/> (cells in visiting order) and red crosses on
    /// <paramref name="marks"/> to a grid figure, with a legend above the grid.
    /// </summary>
    /// <param name="grid">A figure from <see cref="GridCharts.Grid"/>.</param>
    /// <param name="path">Cells in visiting order, or null.</param>
    /// <param name="marks">Cells to cross, or null.</param>
    /// <param name="pathName">The path's legend entry.</param>
    /// <param name="markName">The crosses' legend entry.</param>
    public static GenericChart WithPath(
        this GenericChart grid,
        IReadOnlyList<(int X, int Y)>? path,
        IReadOnlyList<(int X, int Y)>? marks = null,
        string pathName = "path",
        string markName = "marked")
    {
        ArgumentNullException.ThrowIfNull(grid);
        var charts = new List<GenericChart> { grid };
        if (path is { Count: > 0 })
        {
            charts.Add(CSharpChart.Line<int, int, string>(
                x: path.Select(p => p.X).ToArray(),
                y: path.Select(p => p.Y).ToArray(),
                Name: pathName,
                ShowMarkers: true,
                LineColor: Color.fromString(PathColour),
                LineWidth: 2,
                MarkerColor: Color.fromString(PathColour)));
        }

        if (marks is { Count: > 0 })
        {
            var outline = new DynamicObj.DynamicObj();
            outline.SetProperty("color", "#000000");
            outline.SetProperty("width", 1);
            var marker = new Plotly.NET.TraceObjects.Marker();
            marker.SetProperty("color", MarkColour);
            marker.SetProperty("symbol", "x");
            marker.SetProperty("size", 16);
            marker.SetProperty("line", outline);
            charts.Add(CSharpChart.Point<int, int, string>(
                x: marks.Select(p => p.X).ToArray(),
                y: marks.Select(p => p.Y).ToArray(),
                Name: markName,
                Marker: marker));
        }

        if (charts.Count == 1)
        {
            return grid;
        }

        // Combining loses the grid's fixed size (square cells): put its layout back, with the legend above the grid.
        var legend = new Legend();
        legend.SetProperty("orientation", "h");
        legend.SetProperty("x", 0);
        legend.SetProperty("y", 1.0);
        legend.SetProperty("yanchor", "bottom");
        GenericChart combined = Plotly.NET.Chart.withLayout(GenericChart.getLayout(grid)).Invoke(CSharpChart.Combine(charts));
        return Plotly.NET.Chart.withLegend(legend, FSharpOption<int>.None).Invoke(combined);
    }
}
