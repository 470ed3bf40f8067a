using System.Globalization;
using System.Text;
using Aim.Learning.Training;

namespace Aim.Experiments.Results;

/// <summary>
/// The table that says whether AIM's signal is there, one row per task and series: final and best success with 95 %
/// t-intervals over seeds, the expert cost to reach two success targets, the area under success against expert cost,
/// and where the gate asked (safety-critical states against elsewhere) with the fraction of +1 labels Q^I trained on.
/// </summary>
public static class SignalTable
{
    /// <summary>The +1 label fraction AIM logs (<c>train/q_positive_fraction</c>).</summary>
    public const string PositiveFractionMetric = "train/q_positive_fraction";

    /// <summary>A Markdown table of <paramref name="results"/>.</summary>
    /// <param name="results">Finished runs of one or more tasks.</param>
    /// <param name="targets">The success targets whose expert cost is reported (for example 0.5 and 0.7).</param>
    /// <param name="areaHorizon">Expert-cost horizon of the area under success (<see cref="RunRecord.SuccessArea"/>).</param>
    public static string ToMarkdown(ResultSet results, IReadOnlyList<double> targets, double areaHorizon)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(targets);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("| Task | Series | Seeds | Expert data | Success (final) | Success (best) | ");
        foreach (double target in targets)
        {
            text.Append(inv, $"Expert cost to ≥ {target:0.##} | ");
        }

        text.AppendLine(inv, $"Area to {areaHorizon:0} expert steps | Requests: safety-critical / elsewhere | Q^I +1 labels |");
        // Expert data: mean ± std over seeds; success and area: mean ± 95 % t-interval; costs: mean over the seeds that got there.
        text.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", 9 + targets.Count)));
        foreach (var group in results.Runs.GroupBy(r => (r.Task, r.Series)))
        {
            RunRecord[] runs = group.ToArray();
            text.Append(inv, $"| {group.Key.Task} | {group.Key.Series} | {runs.Length} | {SeedStat.Of(runs.Select(r => r.Final(MetricNames.ExpertCost))).Format("0")} | ");
            text.Append(inv, $"{Interval(runs.Select(r => r.Final(MetricNames.EvalSuccess)))} | {Interval(runs.Select(r => r.BestSuccess))} | ");
            foreach (double target in targets)
            {
                double[] reached = runs.Select(r => r.ExpertCostToReach(target)).Where(double.IsFinite).ToArray();
                text.Append(reached.Length == 0 ? "never (0/" + runs.Length + ")" : string.Create(inv, $"{reached.Average():0} ({reached.Length}/{runs.Length})")).Append(" | ");
            }

            text.Append(Interval(runs.Select(r => r.SuccessArea(areaHorizon)))).Append(" | ");
            double critical = Mean(runs.Select(r => r.Final(MetricNames.RequestRateSafetyCritical)));
            double other = Mean(runs.Select(r => r.Final(MetricNames.RequestRateOther)));
            text.Append(double.IsNaN(critical) && double.IsNaN(other) ? "–" : $"{Rate(critical)} / {Rate(other)}").Append(" | ");
            double positive = Mean(runs.Select(r => r.Final(PositiveFractionMetric)));
            text.AppendLine(double.IsNaN(positive) ? "– |" : string.Create(inv, $"{positive:0.000} |"));
        }

        return text.ToString();
    }

    private static string Interval(IEnumerable<double> values)
    {
        SeedStat stat = SeedStat.Of(values);
        return stat.Count switch
        {
            0 => "–",
            1 => stat.Mean.ToString("0.00", CultureInfo.InvariantCulture),
            _ => string.Create(CultureInfo.InvariantCulture, $"{stat.Mean:0.00} ± {stat.Ci95:0.00}"),
        };
    }

    private static string Rate(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static double Mean(IEnumerable<double> values)
    {
        double[] finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Average();
    }
}
