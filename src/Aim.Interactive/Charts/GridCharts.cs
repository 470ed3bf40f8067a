using Aim.Experiments.Charts;
using Microsoft.FSharp.Core;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Aim.Interactive.Charts;

/// <summary>
/// Plotly figures of grid worlds from MiniGrid's full-grid encoding (<c>MiniGridInterop.Encode</c> in Aim.Envs gives it):
/// cells as a categorical heatmap, coloured markers for doors, keys, balls and boxes, the agent as a red triangle pointing
/// in its direction, and an optional per-cell value overlay (for example the maximum Q-value per cell).
/// </summary>
public static class GridCharts
{
    // Categories of the base heatmap, in colourscale order.
    private static readonly (string Name, string Color)[] s_categories =
    [
        ("unseen", "#000000"), ("empty", "#1e1e1e"), ("wall", "#646464"), ("floor", "#30305a"), ("door", "#1e1e1e"),
        ("key", "#1e1e1e"), ("ball", "#1e1e1e"), ("box", "#1e1e1e"), ("goal", "#00c800"), ("lava", "#ff8000"),
    ];

    private static readonly string[] s_colorNames = ["red", "green", "blue", "purple", "yellow", "grey"];
    private static readonly string[] s_colorHex = ["#ff0000", "#00ff00", "#3c78ff", "#7027c3", "#ffff00", "#a0a0a0"];
    private static readonly string[] s_doorStates = ["open", "closed", "locked"];

    /// <summary>
    /// A figure of the grid.
    /// </summary>
    /// <param name="encoding">[x, y, channel] MiniGrid codes (type 1..9, colour 0..5, door state 0..2), width × height × 3.</param>
    /// <param name="agentX">The agent's column, or −1 to draw no agent.</param>
    /// <param name="agentY">The agent's row.</param>
    /// <param name="agentDir">The agent's direction 0..3 (east, south, west, north).</param>
    /// <param name="values">Optional per-cell values indexed [x, y], same size as the grid; NaN means no value. Drawn as a
    /// semi-transparent heatmap with a colour bar over the cells that have one.</param>
    /// <param name="valueName">The overlay's name in the colour bar and hover text.</param>
    /// <param name="title">Optional chart title.</param>
    /// <param name="cellPixels">Pixels per cell of the figure (its size is fixed so cells stay square).</param>
    /// <exception cref="ArgumentException">The encoding is not width × height × 3, or <paramref name="values"/> has another size.</exception>
    public static GenericChart Grid(
        int[,,] encoding,
        int agentX = -1,
        int agentY = -1,
        int agentDir = 0,
        double[,]? values = null,
        string valueName = "value",
        string? title = null,
        int cellPixels = 36)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        int width = encoding.GetLength(0);
        int height = encoding.GetLength(1);
        if (encoding.GetLength(2) != 3)
        {
            throw new ArgumentException($"The encoding has {encoding.GetLength(2)} channels: expected 3 (type, colour, state).", nameof(encoding));
        }

        if (values is not null && (values.GetLength(0) != width || values.GetLength(1) != height))
        {
            throw new ArgumentException($"values is {values.GetLength(0)}×{values.GetLength(1)}: expected {width}×{height} ([x, y]).", nameof(values));
        }

        var charts = new List<GenericChart> { BaseLayer(encoding, width, height) };
        charts.AddRange(ObjectMarkers(encoding, width, height));
        if (values is not null)
        {
            charts.Add(ValueLayer(values, width, height, valueName));
        }

        if (agentX >= 0)
        {
            string symbol = agentDir switch
            {
                0 => "triangle-right",
                1 => "triangle-down",
                2 => "triangle-left",
                _ => "triangle-up",
            };
            charts.Add(Markers([agentX], [agentY], ["agent"], "agent", "#ff0000", symbol, 0.7 * cellPixels));
        }

        GenericChart chart = CSharpChart.Combine(charts);
        chart = Plotly.NET.Chart.withSize(FSharpOption<int>.Some((width * cellPixels) + 160), FSharpOption<int>.Some((height * cellPixels) + 120)).Invoke(chart);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, ShowGrid: false, ZeroLine: false);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, ShowGrid: false, ZeroLine: false);
        return title is null ? chart : chart.WithTitle(title);
    }

    private static GenericChart BaseLayer(int[,,] encoding, int width, int height)
    {
        var z = new double[height][];
        for (int y = 0; y < height; y++)
        {
            z[y] = new double[width];
            for (int x = 0; x < width; x++)
            {
                int type = Math.Clamp(encoding[x, y, 0], 0, s_categories.Length - 1);
                z[y][x] = type;
            }
        }

        int last = s_categories.Length - 1;
        var scale = new List<Tuple<double, Color>>();
        for (int i = 0; i <= last; i++)
        {
            // Two stops per category make the scale piecewise constant.
            Color c = Color.fromString(s_categories[i].Color);
            scale.Add(Tuple.Create(Math.Max(0, (i - 0.5) / last), c));
            scale.Add(Tuple.Create(Math.Min(1, (i + 0.5) / last), c));
        }

        GenericChart chart = CSharpChart.Heatmap<double, int, int, string>(
            zData: z,
            X: Enumerable.Range(0, width).ToArray(),
            Y: Enumerable.Range(0, height).ToArray(),
            Name: "cells",
            ShowLegend: false,
            ColorScale: StyleParam.Colorscale.NewCustom(scale),
            ShowScale: false,
            XGap: 1,
            YGap: 1,
            ReverseYAxis: true);

        // Pin the colour range to the category codes: plotly.js otherwise stretches the scale over the codes present,
        // and a layout without unseen cells or lava would draw every category in its neighbour's colour.
        foreach (Trace trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty("zmin", 0);
            trace.SetProperty("zmax", last);
        }

        return chart;
    }

    private static IEnumerable<GenericChart> ObjectMarkers(int[,,] encoding, int width, int height)
    {
        (int Type, string Symbol)[] kinds = [(4, "square"), (5, "star"), (6, "circle"), (7, "square-open")];
        foreach ((int type, string symbol) in kinds)
        {
            for (int color = 0; color < s_colorHex.Length; color++)
            {
                var xs = new List<int>();
                var ys = new List<int>();
                var labels = new List<string>();
                for (int y = 0; y < height; y++)
                {
                    for (int x = 0; x < width; x++)
                    {
                        if (encoding[x, y, 0] == type && encoding[x, y, 1] == color)
                        {
                            xs.Add(x);
                            ys.Add(y);
                            labels.Add(Describe(type, color, encoding[x, y, 2]));
                        }
                    }
                }

                if (xs.Count > 0)
                {
                    yield return Markers(xs.ToArray(), ys.ToArray(), labels.ToArray(), s_categories[type].Name, s_colorHex[color], symbol, 16);
                }
            }
        }
    }

    private static GenericChart ValueLayer(double[,] values, int width, int height, string valueName)
    {
        // Heatmap values must be IConvertible, which rules out double?: cells without a value become null strings (JSON
        // null, a gap in plotly.js) and the others invariant numeric strings, which plotly.js reads as numbers.
        var z = new string[height][];
        for (int y = 0; y < height; y++)
        {
            z[y] = new string[width];
            for (int x = 0; x < width; x++)
            {
                double v = values[x, y];
                z[y][x] = double.IsFinite(v) ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null!;
            }
        }

        return CSharpChart.Heatmap<string, int, int, string>(
            zData: z,
            X: Enumerable.Range(0, width).ToArray(),
            Y: Enumerable.Range(0, height).ToArray(),
            Name: valueName,
            ShowLegend: false,
            Opacity: 0.75,
            ColorScale: StyleParam.Colorscale.Viridis,
            ShowScale: true,
            XGap: 1,
            YGap: 1,
            ReverseYAxis: true);
    }

    private static GenericChart Markers(int[] xs, int[] ys, string[] labels, string name, string color, string symbol, double size)
    {
        // Plotly.NET's marker builders take every option positionally from C#; a dynamic marker object is simpler.
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("color", color);
        marker.SetProperty("symbol", symbol);
        marker.SetProperty("size", size);
        return CSharpChart.Point<int, int, string>(
            x: xs,
            y: ys,
            Name: name,
            ShowLegend: false,
            MultiText: labels,
            Marker: marker);
    }

    private static string Describe(int type, int color, int state)
    {
        string kind = type >= 0 && type < s_categories.Length ? s_categories[type].Name : $"type {type}";
        string colorName = color >= 0 && color < s_colorNames.Length ? s_colorNames[color] : $"colour {color}";
        return type switch
        {
            4 => $"{colorName} door, {(state >= 0 && state < s_doorStates.Length ? s_doorStates[state] : $"state {state}")}",
            5 or 6 or 7 => $"{colorName} {kind}",
            _ => kind,
        };
    }
}
