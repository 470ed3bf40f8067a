using Aim.Core.IO;
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
/// <param name="Skipped">Run directories left out of the tables (unfinished or damaged), with the reason.</param>
/// <param name="NumericWarning">Set when the tables' runs came from more than one numeric environment (<see cref="ResultSet.NumericPathWarning"/>).</param>
public sealed record SweepOutputs(string Comparison, string Runs, string Metrics, IReadOnlyList<string> Ablations, string Report, ComparisonTable Table, IReadOnlyList<SkippedRun> Skipped, string? NumericWarning = null)
{
    /// <summary>
    /// Loads every finished run under <c>{directory}/runs</c> and writes the tables and the report into
    /// <paramref name="directory"/>. Damaged or unfinished runs are left out and listed in <see cref="Skipped"/>. Every
    /// file is written under a temporary name first and the names are switched only once all are complete, so a
    /// failure leaves the previous tables (or none), never a mix or a half-written one.
    /// </summary>
    /// <param name="directory">The sweep folder.</param>
    /// <param name="plan">The sweep's plan (its config's <c>publish</c> folder, when set, gets the small tables too).</param>
    /// <param name="title">The report's title (default names the sweep).</param>
    /// <param name="command">The command that ran the sweep, recorded beside published tables (default: <c>aim sweep</c> with the config's name).</param>
    /// <param name="notes">What published tables must say (missing runs), or null.</param>
    /// <exception cref="IOException">The config's <see cref="SweepConfig.Reference"/> folder or one of its files is missing (the message names it).</exception>
    /// <exception cref="InvalidDataException">A file of that reference has a bad row (the message names the file and line).</exception>
    public static SweepOutputs Write(string directory, SweepPlan plan, string? title = null, string? command = null, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string full = Path.GetFullPath(directory);
        double target = plan.Config.TargetSuccess ?? 0.8;

        // Before any table is staged: a reference that cannot be read leaves the previous tables as they were.
        ReferenceRuns? reference = plan.Config.Reference is string folder ? ReferenceRuns.Load(folder) : null;
        ResultSet results = ResultSet.Load([Path.Combine(full, SweepManifest.RunsFolder)], finishedOnly: true);
        var table = ComparisonTable.Build(results, target);
        Frame<int, string> runFrame = results.ToRunFrame(target);
        var staged = new List<(string Temporary, string Final)>();
        string Stage(string name)
        {
            string final = Path.Combine(full, name);
            string temporary = AtomicFile.TemporaryName(final);
            staged.Add((temporary, final));
            return temporary;
        }

        try
        {
            table.WriteCsv(Stage("comparison.csv"));
            SeedAggregation.SaveCsv(runFrame, Stage("runs.csv"));
            Microsoft.Data.Analysis.DataFrame.SaveCsv(results.ToDataFrame(), Stage("metrics.csv"), cultureInfo: System.Globalization.CultureInfo.InvariantCulture);
            var ablations = new List<string>();
            foreach (string key in plan.Config.Grid.Keys.Select(Catalog.OptionsBinder.Normalize).Where(k => runFrame.ColumnKeys.Contains(k)))
            {
                string name = $"ablation__{key}.csv";
                SeedAggregation.SaveCsv(SeedAggregation.Aggregate(SeedAggregation.WithValue(runFrame, key), ["Task", "Method", key], ["FinalSuccess", "BestSuccess", "CostToTarget", "ExpertData"]), Stage(name));
                ablations.Add(Path.Combine(full, name));
            }

            ExperimentReport.Write(results, Stage("report.html"), new ReportOptions
            {
                Title = title ?? $"Sweep {plan.Config.Name}",
                TargetSuccess = target,
                Reference = reference,
            });
            foreach ((string temporary, string final) in staged)
            {
                File.Move(temporary, final, overwrite: true);
            }

            if (plan.Config.Publish is string publish)
            {
                PublishedResults.Write(results, publish, target, command ?? $"aim sweep --config sweeps/{plan.Config.Name}.json", plan.Config.ToJson(), notes);
            }

            return new SweepOutputs(
                Path.Combine(full, "comparison.csv"), Path.Combine(full, "runs.csv"), Path.Combine(full, "metrics.csv"), ablations, Path.Combine(full, "report.html"), table, results.Skipped, results.NumericPathWarning);
        }
        finally
        {
            foreach ((string temporary, _) in staged)
            {
                AtomicFile.DeleteQuietly(temporary);
            }
        }
    }
}
