using System.Globalization;
using Aim.Experiments.Charts;
using Aim.Experiments.Results;
using Aim.Learning.Training;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Aim.Experiments.Reports;

/// <summary>
/// The report's charts as Plotly.NET figures (also usable on their own in notebooks): a mean line per series with a
/// band over seeds, one colour per series, titles and axis titles on every chart. Pass one task's runs.
/// </summary>
public static partial class ReportCharts
{
    /// <summary>The β metric AIM logs.</summary>
    public const string BetaMetric = "gate/beta";

    /// <summary>The ε metric AIM logs.</summary>
    public const string EpsilonMetric = "gate/epsilon";

    /// <summary>Mean proxy Q^I over recent robot steps.</summary>
    public const string QRobotMetric = "gate/q_robot_mean";

    /// <summary>Test success against expert takeover cost (the headline curve).</summary>
    public static GenericChart SuccessVsExpertCost(ResultSet results, CurveOptions? options = null, SeriesPalette? palette = null) =>
        Metric(results, MetricNames.ExpertCost, MetricNames.EvalSuccess, "Test success vs expert takeover cost", "expert takeover cost (expert-controlled steps)", "test success rate", options, palette);

    /// <summary>Test success against environment steps.</summary>
    public static GenericChart SuccessVsEnvSteps(ResultSet results, CurveOptions? options = null, SeriesPalette? palette = null) =>
        Metric(results, MetricNames.EnvSteps, MetricNames.EvalSuccess, "Test success vs environment steps", "environment steps", "test success rate", options, palette);

    /// <summary>Fraction of steps controlled by the expert since the previous evaluation, over training.</summary>
    public static GenericChart InterventionRate(ResultSet results, CurveOptions? options = null, SeriesPalette? palette = null) =>
        Metric(results, MetricNames.EnvSteps, MetricNames.RecentInterventionRate, "Intervention rate over training", "environment steps", "expert-controlled fraction of recent steps", options, palette);

    /// <summary>Realised switch-to-expert rate per robot decision (bands) against each series' target (dashed).</summary>
    public static GenericChart SwitchRate(ResultSet results, CurveOptions? options = null, SeriesPalette? palette = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        palette ??= new SeriesPalette(results.Series);
        var charts = new List<GenericChart>();
        IReadOnlyList<CurveBand> realised = Curves.Align(results, MetricNames.EnvSteps, MetricNames.RealisedSwitchRate, options).Select(ClipToUnit).ToArray();
        charts.AddRange(realised.SelectMany(b => BandTraces(b, palette, b.Series + " realised")));
        foreach (CurveBand target in Curves.Align(results, MetricNames.EnvSteps, MetricNames.TargetSwitchRate, options))
        {
            var (x, y) = Finite(target.X, target.Mean);
            if (x.Length > 0)
            {
                charts.Add(CSharpChart.Line<double, double, string>(
                    x: x,
                    y: y,
                    Name: target.Series + " target",
                    LineColor: Color.fromString(palette[target.Series]),
                    LineDash: StyleParam.DrawingStyle.Dash));
            }
        }

        return Finish(charts, "Realised vs target switch rate", "environment steps", "switches to the expert per robot decision");
    }

    /// <summary>AIM's switch threshold β over training (empty chart when no run logged it).</summary>
    public static GenericChart Beta(ResultSet results, CurveOptions? options = null, SeriesPalette? palette = null) =>
        Metric(results, MetricNames.EnvSteps, BetaMetric, "Switch threshold β over training", "environment steps", "β (quantile of Q<sup>I</sup> on robot steps)", options, palette);

    /// <summary>The hand-back threshold ε over training.</summary>
    public static GenericChart Epsilon(ResultSet results, CurveOptions? options = null, SeriesPalette? palette = null) =>
        Metric(results, MetricNames.EnvSteps, EpsilonMetric, "Hand-back threshold ε over training", "environment steps", "ε (action discrepancy)", options, palette);

    /// <summary>Mean proxy Q^I of the robot's actions over training.</summary>
    public static GenericChart QRobot(ResultSet results, CurveOptions? options = null, SeriesPalette? palette = null) =>
        Metric(results, MetricNames.EnvSteps, QRobotMetric, "Mean Q<sup>I</sup> of robot actions over training", "environment steps", "mean Q<sup>I</sup>(s, a<sub>robot</sub>)", options, palette);

    /// <summary>
    /// AIM's signature: per series, the fraction of the robot's decisions that asked for help in safety-critical
    /// states (grid: lava directly ahead) beside the fraction elsewhere, over the whole run (mean over seeds; hover
    /// for the standard deviation and the number of runs).
    /// </summary>
    public static GenericChart SafetyCriticalRequests(ResultSet results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return FinalBars(
            results,
            (MetricNames.RequestRateSafetyCritical, "safety-critical states", "#b2182b"),
            (MetricNames.RequestRateOther, "elsewhere", "#9e9e9e"),
            "Help requests in safety-critical states vs elsewhere",
            "requests per robot decision");
    }

    /// <summary>
    /// AIM's Q^I(s, a_r) at the robot's decisions in safety-critical states beside elsewhere, over the whole run
    /// (AIM runs only: other gates score on other scales).
    /// </summary>
    public static GenericChart SafetyCriticalQ(ResultSet results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return FinalBars(
            results.Where(r => r.Method == "aim"),
            (MetricNames.ScoreSafetyCritical, "safety-critical states", "#b2182b"),
            (MetricNames.ScoreOther, "elsewhere", "#9e9e9e"),
            "Mean Q<sup>I</sup>(s, a<sub>robot</sub>) in safety-critical states vs elsewhere",
            "mean Q<sup>I</sup>(s, a<sub>robot</sub>)");
    }

    /// <summary>Grouped bars of the runs' final values of two metrics per series: mean over seeds, std and count on hover.</summary>
    private static GenericChart FinalBars(ResultSet results, (string Metric, string Name, string Color) first, (string Metric, string Name, string Color) second, string title, string yTitle)
    {
        var charts = new List<GenericChart>();
        foreach (var (metric, name, color) in new[] { first, second })
        {
            var stats = results.Series.Select(series =>
            {
                double[] values = results.Runs.Where(r => r.Series == series).Select(r => r.Final(metric)).Where(double.IsFinite).ToArray();
                double mean = values.Length == 0 ? double.NaN : values.Average();
                double std = values.Length < 2 ? double.NaN : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
                return (Series: series, Mean: mean, Std: std, Count: values.Length);
            }).Where(s => s.Count > 0).ToArray();
            if (stats.Length > 0)
            {
                charts.Add(CSharpChart.Column<double, string, string>(
                    values: stats.Select(s => s.Mean),
                    Keys: stats.Select(s => s.Series).ToArray(),
                    Name: name,
                    MarkerColor: Color.fromString(color),
                    MultiText: stats.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Mean:0.000} ± {s.Std:0.000} ({s.Count} run(s))")).ToArray(),
                    TextPosition: StyleParam.TextPosition.None));
            }
        }

        return Finish(charts, title, "series", yTitle);
    }

    /// <summary>Any metric against any x column: mean line and band per series.</summary>
    /// <remarks>Metrics that are rates (<c>eval/success</c>, <c>…_rate</c>) have their bands clipped to [0, 1].</remarks>
    public static GenericChart Metric(ResultSet results, string x, string y, string title, string xTitle, string yTitle, CurveOptions? options = null, SeriesPalette? palette = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        palette ??= new SeriesPalette(results.Series);
        IReadOnlyList<CurveBand> bands = Curves.Align(results, x, y, options);
        return Bands(IsRate(y) ? bands.Select(ClipToUnit).ToArray() : bands, title, xTitle, yTitle, palette);
    }

    private static bool IsRate(string metric) => metric == MetricNames.EvalSuccess || metric.EndsWith("_rate", StringComparison.Ordinal);

    private static CurveBand ClipToUnit(CurveBand band) => band with
    {
        Lower = band.Lower.Select(v => double.IsFinite(v) ? Math.Clamp(v, 0, 1) : v).ToArray(),
        Upper = band.Upper.Select(v => double.IsFinite(v) ? Math.Clamp(v, 0, 1) : v).ToArray(),
    };

    /// <summary>Draws aligned curves: per band a translucent fill between its edges and a mean line named after the series.</summary>
    public static GenericChart Bands(IReadOnlyList<CurveBand> bands, string title, string xTitle, string yTitle, SeriesPalette? palette = null)
    {
        ArgumentNullException.ThrowIfNull(bands);
        palette ??= new SeriesPalette(bands.Select(b => b.Series));
        return Finish(bands.SelectMany(b => BandTraces(b, palette, b.Series)).ToList(), title, xTitle, yTitle);
    }

    private static IEnumerable<GenericChart> BandTraces(CurveBand band, SeriesPalette palette, string name)
    {
        bool hasBand = band.Count.Any(c => c >= 2);
        if (hasBand)
        {
            var (x, upper) = Finite(band.X, band.Upper);
            var (_, lower) = Finite(band.X, band.Lower, band.Upper);
            yield return CSharpChart.Line<double, double, string>(
                x: x, y: upper, Name: name + " band", ShowLegend: false, LineColor: Color.fromString(palette.Translucent(band.Series, 0.0)), LineWidth: 0);
            yield return CSharpChart.Line<double, double, string>(
                x: x,
                y: lower,
                Name: name + " band",
                ShowLegend: false,
                LineColor: Color.fromString(palette.Translucent(band.Series, 0.0)),
                LineWidth: 0,
                Fill: StyleParam.Fill.ToNext_y,
                FillColor: Color.fromString(palette.Translucent(band.Series)));
        }

        var (mx, my) = Finite(band.X, band.Mean);

        // A series evaluated once (offline BC at its full budget) is a single point: a line alone would not show it.
        yield return CSharpChart.Line<double, double, string>(
            x: mx, y: my, Name: name, ShowMarkers: mx.Length == 1, LineColor: Color.fromString(palette[band.Series]), LineWidth: 2.5,
            MultiText: band.Count.Where((_, i) => double.IsFinite(band.Mean[i])).Select(c => $"{c} run(s)").ToArray());
    }

    // The points where values (and every extra array) are finite, as arrays.
    private static (double[] X, double[] Y) Finite(double[] x, double[] values, params double[][] extra)
    {
        int[] keep = Enumerable.Range(0, x.Length).Where(i => double.IsFinite(values[i]) && extra.All(e => double.IsFinite(e[i]))).ToArray();
        return (keep.Select(i => x[i]).ToArray(), keep.Select(i => values[i]).ToArray());
    }

    private static GenericChart Finish(List<GenericChart> charts, string title, string xTitle, string yTitle)
    {
        GenericChart chart = charts.Count == 0
            ? CSharpChart.Line<double, double, string>(x: Array.Empty<double>(), y: Array.Empty<double>(), Name: "no data")
            : CSharpChart.Combine(charts);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithSize(chart, Width: 1000, Height: 430);

        // plotly.js reverses the legend of charts with filled areas; keep the series order of the table.
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithLegendStyle(chart, TraceOrder: StyleParam.TraceOrder.Normal);
        return chart.WithTitle(title).WithAxisTitles(xTitle, yTitle);
    }
}
