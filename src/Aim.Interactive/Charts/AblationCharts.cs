using Aim.Experiments.Charts;
using Aim.Interactive.Inspection;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Aim.Interactive.Charts;

/// <summary>Figures of ablation studies (<see cref="Ablations"/>): settings compared by their mean over seeds.</summary>
public static class AblationCharts
{
    /// <summary>
    /// The trade-off of each setting: mean expert cost (x) against mean final test success (y) over seeds, with
    /// standard-deviation error bars, one colour per ablation with its settings joined in order; hover over a point for
    /// its setting.
    /// </summary>
    /// <exception cref="ArgumentException">No runs.</exception>
    public static GenericChart Tradeoff(IEnumerable<AblationRun> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        AblationRun[] all = runs.ToArray();
        if (all.Length == 0)
        {
            throw new ArgumentException("No runs to draw.", nameof(runs));
        }

        var traces = new List<GenericChart>();
        foreach (IGrouping<string, AblationRun> ablation in all.GroupBy(r => r.Ablation))
        {
            // Numeric settings are joined in increasing order, others in order of appearance.
            bool numeric = ablation.All(r => double.TryParse(r.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
            IEnumerable<IGrouping<string, AblationRun>> groups = ablation.GroupBy(r => r.Value);
            if (numeric)
            {
                groups = groups.OrderBy(g => double.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture));
            }

            var settings = groups.Select(g => new
            {
                Value = g.Key,
                Cost = g.Average(r => r.ExpertCost),
                CostStd = Std(g.Select(r => r.ExpertCost)),
                Success = g.Average(r => r.FinalSuccess),
                SuccessStd = Std(g.Select(r => r.FinalSuccess)),
            }).ToArray();
            GenericChart trace = CSharpChart.Point<double, double, string>(
                x: settings.Select(s => s.Cost).ToArray(),
                y: settings.Select(s => s.Success).ToArray(),
                Name: ablation.Key,
                MultiText: settings.Select(s => $"{ablation.Key} = {s.Value}").ToArray());
            foreach (Trace t in GenericChart.getTraces(trace))
            {
                t.SetProperty("mode", "lines+markers");
                t.SetProperty("hoverinfo", "text+x+y");
                t.SetProperty("error_x", ErrorBars(settings.Select(s => s.CostStd)));
                t.SetProperty("error_y", ErrorBars(settings.Select(s => s.SuccessStd)));
            }

            traces.Add(trace);
        }

        GenericChart chart = CSharpChart.Combine(traces).WithAxisTitles(x: "expert cost at the end (mean over seeds)", y: "final test success (mean over seeds)");
        return title is null ? chart : chart.WithTitle(title);
    }

    private static DynamicObj.DynamicObj ErrorBars(IEnumerable<double> std)
    {
        var bars = new DynamicObj.DynamicObj();
        bars.SetProperty("type", "data");
        bars.SetProperty("array", std.Select(v => double.IsFinite(v) ? v : 0).ToArray());
        bars.SetProperty("visible", true);
        return bars;
    }

    private static double Std(IEnumerable<double> values)
    {
        double[] v = values.ToArray();
        if (v.Length < 2)
        {
            return double.NaN;
        }

        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }
}
