using System.Globalization;
using Aim.Experiments.Results;
using Aim.Learning.Training;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Aim.Experiments.Reports;

/// <summary>The chart that puts our runs beside another implementation's measured runs (<see cref="ReferenceRuns"/>).</summary>
public static partial class ReportCharts
{
    /// <summary>The name every trace of the reference carries, so that no reader takes its points for ours.</summary>
    public const string ReferenceLabel = "released code";

    // The reference in black and grey: the palette's colours belong to our series.
    private const string ReferenceColour = "#222222";
    private const string ReferenceBestColour = "#6d6d6d";

    /// <summary>
    /// Test success against expert-controlled steps: per series of <paramref name="results"/> the mean line and band
    /// over seeds and each seed as a thin line; beside them, labelled <see cref="ReferenceLabel"/>, every recorded
    /// evaluation curve of <paramref name="reference"/> (black, dotted) and each reference seed's last (squares) and
    /// best (stars) evaluation. Hover a point for its seed and value.
    /// </summary>
    /// <param name="results">Our runs of one task (expert cost and test success per evaluation).</param>
    /// <param name="reference">The other implementation's runs on the same task.</param>
    /// <param name="options">How our curves are aligned and what their bands show (default: <see cref="CurveOptions"/>'s).</param>
    /// <param name="palette">Our series' colours (default: in <paramref name="results"/>' order).</param>
    public static GenericChart SuccessVsExpertCostBesideReference(ResultSet results, ReferenceRuns reference, CurveOptions? options = null, SeriesPalette? palette = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(reference);
        palette ??= new SeriesPalette(results.Series);
        var charts = new List<GenericChart>();
        foreach (CurveBand band in Curves.Align(results, MetricNames.ExpertCost, MetricNames.EvalSuccess, options).Select(ClipToUnit))
        {
            charts.AddRange(SeedLines(results.Runs.Where(r => r.Series == band.Series).ToArray(), palette));
            charts.AddRange(BandTraces(band, palette, $"{band.Series} (ours, mean of {band.Count.DefaultIfEmpty(0).Max()} seeds)"));
        }

        charts.AddRange(ReferenceTraces(reference));
        return Finish(charts, $"Test success vs expert steps: ours beside the {ReferenceLabel}", "expert-controlled steps", "test success rate");
    }

    /// <summary>Each run of one series as a thin translucent line; one legend entry hides or shows them all.</summary>
    private static IEnumerable<GenericChart> SeedLines(IReadOnlyList<RunRecord> runs, SeriesPalette palette)
    {
        for (int i = 0; i < runs.Count; i++)
        {
            RunRecord run = runs[i];
            var (x, y) = Finite(run.Column(MetricNames.ExpertCost), run.Column(MetricNames.EvalSuccess));
            if (x.Length == 0)
            {
                continue;
            }

            GenericChart line = CSharpChart.Line<double, double, string>(
                x: x,
                y: y,
                Name: $"{run.Series} (ours), each seed",
                ShowLegend: i == 0,
                LineColor: Color.fromString(palette.Translucent(run.Series, 0.45)),
                LineWidth: 1,
                MultiText: x.Select(_ => $"seed {run.Seed}").ToArray());
            yield return Plotly.NET.CSharp.GenericChartExtensions.WithTraceInfo(line, LegendGroup: run.Series + " seeds");
        }
    }

    /// <summary>The reference's curves and its seeds' last and best evaluations, each named after <see cref="ReferenceLabel"/>.</summary>
    private static IEnumerable<GenericChart> ReferenceTraces(ReferenceRuns reference)
    {
        foreach (var curve in reference.Evaluations.GroupBy(e => e.Seed))
        {
            yield return CSharpChart.Line<int, double, string>(
                x: curve.Select(e => e.ExpertSteps),
                y: curve.Select(e => e.Success),
                Name: $"{ReferenceLabel}, seed {curve.Key} (every evaluation)",
                ShowMarkers: true,
                LineColor: Color.fromString(ReferenceColour),
                MarkerColor: Color.fromString(ReferenceColour),
                LineWidth: 2,
                LineDash: StyleParam.DrawingStyle.Dot,
                MultiText: curve.Select(e => string.Create(CultureInfo.InvariantCulture, $"seed {e.Seed}, {e.EnvSteps} env steps")).ToArray());
        }

        string seeds = string.Join(", ", reference.Seeds.Select(s => s.Seed));
        yield return ReferencePoints(
            reference.Seeds.Select(s => (s.Seed, s.LastExpertSteps, s.LastSuccess)).ToArray(), $"{ReferenceLabel}, last evaluation (seeds {seeds})", "square", ReferenceColour);
        yield return ReferencePoints(
            reference.Seeds.Select(s => (s.Seed, s.BestExpertSteps, s.BestSuccess)).ToArray(), $"{ReferenceLabel}, best evaluation (seeds {seeds})", "star", ReferenceBestColour);
    }

    private static GenericChart ReferencePoints(IReadOnlyList<(int Seed, int ExpertSteps, double Success)> points, string name, string symbol, string colour)
    {
        // Plotly.NET's marker builders take every option positionally from C#; a dynamic marker object is simpler.
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("color", colour);
        marker.SetProperty("symbol", symbol);
        marker.SetProperty("size", 12);
        return CSharpChart.Point<int, double, string>(
            x: points.Select(p => p.ExpertSteps),
            y: points.Select(p => p.Success),
            Name: name,
            MultiText: points.Select(p => $"s{p.Seed}").ToArray(),
            TextPosition: StyleParam.TextPosition.MiddleRight,
            Marker: marker);
    }
}
