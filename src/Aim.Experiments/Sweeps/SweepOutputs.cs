using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Deedle;

namespace Aim.Experiments.Sweeps;

/// <summary>The tables and the report a sweep (or compare) folder ends with.</summary>
/// <param name="Comparison">comparison.csv: the comparison table (one row per task × method × variant).</param>
/// <param name="Runs">runs.csv: one row per run (final and best values).</param>
/// <param name="Metrics">metrics.csv: every evaluation of every run, in one long table.</param>
/// <param name="Ablations">ablation__{key}.csv per grid key: mean final success per key value (rows) and method (columns).</param>
/// <param name="Report">report.html.</param>
/// <param name="Table">The comparison table itself (for printing).</param>
public sealed record SweepOutputs(string Comparison, string Runs, string Metrics, IReadOnlyList<string> Ablations, string Report, ComparisonTable Table)
{
    /// <summary>
    /// Loads every finished run under <c>{directory}/runs</c> and writes the tables and the report into
    /// <paramref name="directory"/>.
    /// </summary>
    public static SweepOutputs Write(string directory, SweepPlan plan, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string full = Path.GetFullPath(directory);
        double target = plan.Config.TargetSuccess ?? 0.8;
        ResultSet results = ResultSet.Load([Path.Combine(full, SweepManifest.RunsFolder)], finishedOnly: true);
        var table = ComparisonTable.Build(results, target);
        string comparison = Path.Combine(full, "comparison.csv");
        table.WriteCsv(comparison);

        string runs = Path.Combine(full, "runs.csv");
        Frame<int, string> runFrame = results.ToRunFrame(target);
        SeedAggregation.SaveCsv(runFrame, runs);

        string metrics = Path.Combine(full, "metrics.csv");
        Microsoft.Data.Analysis.DataFrame.SaveCsv(results.ToDataFrame(), metrics, cultureInfo: System.Globalization.CultureInfo.InvariantCulture);

        var ablations = new List<string>();
        foreach (string key in plan.Config.Grid.Keys.Select(Running.OptionsBinder.Normalize).Where(k => runFrame.ColumnKeys.Contains(k)))
        {
            string path = Path.Combine(full, $"ablation__{key}.csv");
            SeedAggregation.SaveCsv(SeedAggregation.Aggregate(SeedAggregation.WithValue(runFrame, key), ["Task", "Method", key], ["FinalSuccess", "BestSuccess", "CostToTarget", "ExpertData"]), path);
            ablations.Add(path);
        }

        string report = ExperimentReport.Write(results, Path.Combine(full, "report.html"), new ReportOptions
        {
            Title = title ?? $"Sweep {plan.Config.Name}",
            TargetSuccess = target,
        });
        return new SweepOutputs(comparison, runs, metrics, ablations, report, table);
    }
}
