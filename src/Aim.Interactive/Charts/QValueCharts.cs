using System.Globalization;
using Aim.Experiments.Charts;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Aim.Interactive.Charts;

/// <summary>
/// Figures of AIM's proxy intervention value Q^I: the distribution of recent Q^I(s, a_r) with the threshold β, Q^I
/// over a grid layout with the agent's path and the cells where it asked for help, and a slider that steps through
/// several such figures (directions, or snapshots over training).
/// </summary>
public static class QValueCharts
{
    private const string HelpColour = "#ff2020";

    /// <summary>
    /// A histogram of <paramref name="values"/> (recent Q^I(s, a_r) on robot steps) with a vertical line at
    /// <paramref name="beta"/>; the legend gives the fraction of values above it.
    /// </summary>
    /// <param name="values">The sample β was (or will be) computed from.</param>
    /// <param name="beta">The threshold to mark.</param>
    /// <param name="valueName">The x-axis title.</param>
    /// <param name="title">Optional chart title.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static GenericChart BetaHistogram(IReadOnlyCollection<double> values, double beta, string valueName = "Q^I(s, a_r)", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The histogram needs at least one value.", nameof(values));
        }

        double above = values.Count(v => v > beta) / (double)values.Count;
        GenericChart histogram = CSharpChart.Histogram<double, double, string>(
            X: values.ToArray(),
            Name: $"{valueName} ({values.Count} robot steps)",
            MarkerColor: Color.fromString("#4c78a8"));
        GenericChart line = CSharpChart.Line<double, double, string>(
            x: [beta, beta],
            y: [0, 1],
            Name: string.Create(CultureInfo.InvariantCulture, $"β = {beta:0.###} ({above:P0} above)"),
            LineColor: Color.fromString(HelpColour),
            LineWidth: 3);

        // The β line spans the plot's height whatever the counts are: it lives on a second, hidden y axis.
        foreach (Trace trace in GenericChart.getTraces(line))
        {
            trace.SetProperty("yaxis", "y2");
        }

        var hidden = new LinearAxis();
        hidden.SetProperty("overlaying", "y");
        hidden.SetProperty("range", new[] { 0.0, 1.0 });
        hidden.SetProperty("visible", false);
        GenericChart chart = CSharpChart.Combine([histogram, line]);
        chart = Plotly.NET.Chart.withYAxis(hidden, FSharpOption<StyleParam.SubPlotId>.Some(StyleParam.SubPlotId.NewYAxis(2))).Invoke(chart);
        chart = chart.WithAxisTitles(x: valueName, y: "robot steps");
        return title is null ? chart : chart.WithTitle(title);
    }

    /// <summary>
    /// A grid layout with per-cell values drawn over it (<see cref="GridCharts.Grid"/>), optionally the agent's path
    /// (a white line through the cells it visited) and red crosses where it asked for help
    /// (<see cref="GridOverlays.WithPath"/>).
    /// </summary>
    /// <param name="layout">[x, y, channel] MiniGrid codes of the layout.</param>
    /// <param name="values">Per-cell values [x, y] (NaN: none), e.g. <c>GridQMap.RobotQ(direction)</c>.</param>
    /// <param name="valueName">The colour bar's title.</param>
    /// <param name="path">Cells visited, in order, or null.</param>
    /// <param name="help">Cells where help was requested, or null.</param>
    /// <param name="agent">The agent's cell and direction to draw, or null.</param>
    /// <param name="range">Fixed colour range (so that several figures compare), or null for automatic.</param>
    /// <param name="title">Optional chart title.</param>
    public static GenericChart GridQ(
        int[,,] layout,
        double[,] values,
        string valueName = "Q^I(s, π(s))",
        IReadOnlyList<(int X, int Y)>? path = null,
        IReadOnlyList<(int X, int Y)>? help = null,
        (int X, int Y, int Direction)? agent = null,
        (double Min, double Max)? range = null,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(values);
        GenericChart grid = GridCharts.Grid(layout, agent?.X ?? -1, agent?.Y ?? -1, agent?.Direction ?? 0, values, valueName, title);
        if (range is { } r)
        {
            foreach (Trace trace in GenericChart.getTraces(grid))
            {
                if (Equals(PropertyOf(trace, "name"), valueName))
                {
                    trace.SetProperty("zmin", r.Min);
                    trace.SetProperty("zmax", r.Max);
                }
            }
        }

        return grid.WithPath(path, help, markName: "asked for help");
    }

    /// <summary>
    /// One figure with a slider that shows one of <paramref name="frames"/> at a time (the frames' traces are combined
    /// and toggled). The frames should share axes and layout, as several <see cref="GridQ"/> figures of one grid do.
    /// </summary>
    /// <param name="frames">Labelled figures, in slider order.</param>
    /// <param name="prefix">Text before the current frame's label.</param>
    /// <param name="title">Optional chart title.</param>
    /// <exception cref="ArgumentException">No frames.</exception>
    public static GenericChart Slider(IReadOnlyList<(string Label, GenericChart Chart)> frames, string prefix = "", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new ArgumentException("The slider needs at least one frame.", nameof(frames));
        }

        int[] counts = frames.Select(f => GenericChart.getTraces(f.Chart).Length).ToArray();
        int total = counts.Sum();
        var steps = new List<SliderStep>();
        int offset = 0;
        for (int f = 0; f < frames.Count; f++)
        {
            var visible = new bool[total];
            Array.Fill(visible, true, offset, counts[f]);
            foreach (Trace trace in GenericChart.getTraces(frames[f].Chart))
            {
                trace.SetProperty("visible", f == 0);
            }

            var update = new DynamicObj.DynamicObj();
            update.SetProperty("visible", visible);
            var step = new SliderStep();
            step.SetProperty("method", "restyle");
            step.SetProperty("args", new object[] { update });
            step.SetProperty("label", frames[f].Label);
            steps.Add(step);
            offset += counts[f];
        }

        var current = new DynamicObj.DynamicObj();
        current.SetProperty("prefix", prefix);
        var slider = new Plotly.NET.LayoutObjects.Slider();
        slider.SetProperty("active", 0);
        slider.SetProperty("steps", steps.ToArray());
        slider.SetProperty("currentvalue", current);
        slider.SetProperty("pad", PadOf(top: 40));
        GenericChart chart = Plotly.NET.Chart.withSlider(slider, FSharpOption<bool>.None).Invoke(CSharpChart.Combine(frames.Select(f => f.Chart)));
        return title is null ? chart : chart.WithTitle(title);
    }

    private static object? PropertyOf(DynamicObj.DynamicObj obj, string name) =>
        obj.TryGetPropertyValue(name) is { } value ? value.Value : null;

    private static DynamicObj.DynamicObj PadOf(int top)
    {
        var pad = new DynamicObj.DynamicObj();
        pad.SetProperty("t", top);
        return pad;
    }
}
