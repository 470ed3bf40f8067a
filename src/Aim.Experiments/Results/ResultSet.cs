using Aim.Experiments.Catalog;
using Aim.Learning.Training;
using Deedle;
using Microsoft.Data.Analysis;

namespace Aim.Experiments.Results;

/// <summary>
/// A set of loaded runs (<see cref="RunRecord"/>), sorted by task, method, variant and seed, with their metrics as a
/// <see cref="DataFrame"/> and their per-run summaries as a Deedle frame for aggregation.
/// </summary>
public sealed class ResultSet
{
    /// <summary>
    /// Wraps runs (sorted by task, method in catalog order, variant, seed); each run's variant keeps only the settings
    /// that differ between the runs.
    /// </summary>
    public ResultSet(IEnumerable<RunRecord> runs)
        : this(runs, [])
    {
    }

    /// <summary>Wraps runs as <see cref="ResultSet(IEnumerable{RunRecord})"/> and records the directories left out.</summary>
    public ResultSet(IEnumerable<RunRecord> runs, IReadOnlyList<SkippedRun> skipped)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(skipped);
        Skipped = skipped;
        RunRecord[] all = runs.ToArray();
        string[] keys = all.SelectMany(r => r.Settings.Keys).Distinct().ToArray();
        var varying = keys.Where(k => all.Select(r => r.Settings.TryGetValue(k, out string? v) ? v : null).Distinct().Count() > 1).ToHashSet(StringComparer.Ordinal);
        CommonSettings = keys.Except(varying).Order(StringComparer.Ordinal).ToDictionary(k => k, k => all[0].Settings[k]);
        Runs = all
            .Select(r => r.WithVariantKeys(varying))
            .OrderBy(r => r.Task, StringComparer.Ordinal)
            .ThenBy(r => MethodRank(r.Method))
            .ThenBy(r => r.Method, StringComparer.Ordinal)
            .ThenBy(r => r.Variant, StringComparer.Ordinal)
            .ThenBy(r => r.Seed)
            .ThenBy(r => r.Directory, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Settings every run shares (so they are left out of the variants).</summary>
    public IReadOnlyDictionary<string, string> CommonSettings { get; }

    /// <summary>The runs.</summary>
    public IReadOnlyList<RunRecord> Runs { get; }

    /// <summary>Run directories the loader left out (unfinished, damaged, or a repeat of another run), with the reason.</summary>
    public IReadOnlyList<SkippedRun> Skipped { get; }

    /// <summary>Distinct tasks, sorted.</summary>
    public IReadOnlyList<string> Tasks => Runs.Select(r => r.Task).Distinct().ToArray();

    /// <summary>Distinct series (method plus variant) in run order.</summary>
    public IReadOnlyList<string> Series => Runs.Select(r => r.Series).Distinct().ToArray();

    /// <summary>Distinct setting keys over all runs, sorted.</summary>
    public IReadOnlyList<string> SettingKeys => Runs.SelectMany(r => r.Settings.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Loads every finished run directory (one holding options.json, metrics.csv and summary.json) under
    /// <paramref name="roots"/>, searching sub-folders; unfinished, damaged and repeated runs are left out and listed
    /// in <see cref="Skipped"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A root does not exist.</exception>
    public static ResultSet Load(params string[] roots) => Load(roots, finishedOnly: true);

    /// <summary>
    /// Loads every run directory under <paramref name="roots"/>; with <paramref name="finishedOnly"/> only those with
    /// summary.json (a run killed before its end has none). A directory whose options.json or metrics.csv is damaged,
    /// or that repeats the task, method, settings and seed of another (the last by path, the newest for time-stamped
    /// folders, is kept), is left out and listed in <see cref="Skipped"/> instead of failing the whole load.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A root does not exist.</exception>
    public static ResultSet Load(IEnumerable<string> roots, bool finishedOnly)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var runs = new List<RunRecord>();
        var skipped = new List<SkippedRun>();
        foreach (string root in roots)
        {
            foreach (string directory in RunLoader.FindRunDirectories(root))
            {
                if (finishedOnly && !File.Exists(Path.Combine(directory, "summary.json")))
                {
                    skipped.Add(new SkippedRun(directory, "unfinished: no summary.json (still running, killed or failed)"));
                    continue;
                }

                try
                {
                    runs.Add(RunLoader.Load(directory));
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    skipped.Add(new SkippedRun(directory, e.Message));
                }
            }
        }

        var kept = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
        foreach (RunRecord run in runs.OrderBy(r => r.Directory, StringComparer.Ordinal))
        {
            string identity = $"{run.Task}\n{run.Method}\n{run.Seed}\n{string.Join("\n", run.Settings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";
            if (kept.TryGetValue(identity, out RunRecord? earlier))
            {
                skipped.Add(new SkippedRun(earlier.Directory, $"the same task, method, settings and seed as the newer {run.Directory}"));
            }

            kept[identity] = run;
        }

        return new ResultSet(kept.Values, skipped.OrderBy(s => s.Directory, StringComparer.Ordinal).ToArray());
    }

    /// <summary>The numeric paths the runs recorded (<see cref="RunRecord.NumericPath"/>), each once, in order.</summary>
    public IReadOnlyList<string> NumericPaths =>
        Runs.Select(r => r.NumericPath).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// A warning when the runs came from more than one numeric environment (their seeds then agree statistically, not
    /// bit for bit, with the same seeds run elsewhere); null when they share one (or none is recorded).
    /// </summary>
    public string? NumericPathWarning
    {
        get
        {
            IReadOnlyList<string> paths = NumericPaths;
            if (paths.Count < 2)
            {
                return null;
            }

            var counts = paths.Select(p => $"{Runs.Count(r => r.NumericPath == p)} run(s) on '{p}'");
            return $"the runs come from {paths.Count} numeric environments ({string.Join("; ", counts)}): "
                + "runs reproduce bit for bit only on the same numeric path, so compare these statistically (docs/reproducibility.md).";
        }
    }

    /// <summary>The runs that satisfy <paramref name="predicate"/>.</summary>
    public ResultSet Where(Func<RunRecord, bool> predicate) => new(Runs.Where(predicate));

    /// <summary>The runs of one task.</summary>
    public ResultSet ForTask(string task) => Where(r => r.Task == task);

    /// <summary>True when any run logged <paramref name="metric"/>.</summary>
    public bool Has(string metric) => Runs.Any(r => r.Has(metric));

    /// <summary>
    /// Every evaluation of every run in one long table: columns task, method, variant, series, seed, run (directory
    /// name), then every metric column any run has (nulls where a run lacks it).
    /// </summary>
    public DataFrame ToDataFrame()
    {
        string[] metrics = Runs.SelectMany(r => r.Metrics.Columns.Select(c => c.Name)).Distinct().ToArray();
        var task = new StringDataFrameColumn("task");
        var method = new StringDataFrameColumn("method");
        var variant = new StringDataFrameColumn("variant");
        var series = new StringDataFrameColumn("series");
        var seed = new Int32DataFrameColumn("seed");
        var run = new StringDataFrameColumn("run");
        var values = metrics.Select(m => new DoubleDataFrameColumn(m)).ToArray();
        foreach (RunRecord r in Runs)
        {
            double[][] columns = metrics.Select(m => r.Metrics.Columns.IndexOf(m) >= 0 ? r.Column(m) : null!).ToArray();
            for (int i = 0; i < r.Evaluations; i++)
            {
                task.Append(r.Task);
                method.Append(r.Method);
                variant.Append(r.Variant);
                series.Append(r.Series);
                seed.Append(r.Seed);
                run.Append(Path.GetFileName(r.Directory));
                for (int m = 0; m < metrics.Length; m++)
                {
                    double v = columns[m] is null ? double.NaN : columns[m][i];
                    values[m].Append(double.IsNaN(v) ? null : v);
                }
            }
        }

        return new DataFrame(new DataFrameColumn[] { task, method, variant, series, seed, run }.Concat(values));
    }

    /// <summary>One <see cref="RunSummary"/> per run; <paramref name="targetSuccess"/> sets <see cref="RunSummary.CostToTarget"/>.</summary>
    public IReadOnlyList<RunSummary> Summaries(double targetSuccess) => Runs.Select(r => new RunSummary(
        r.Task,
        r.Method,
        r.Variant,
        r.Series,
        r.Seed,
        r.Gating,
        r.Evaluations,
        r.Final(MetricNames.EnvSteps),
        r.Final(MetricNames.ExpertCost),
        r.Final(MetricNames.ExpertCost) / r.Final(MetricNames.EnvSteps),
        r.Final(MetricNames.EvalSuccess),
        r.BestSuccess,
        r.Final(MetricNames.EvalReturn),
        r.Final(MetricNames.EvalRouteCompletion),
        r.ExpertCostToReach(targetSuccess),
        r.Final(MetricNames.TimeSeconds))).ToArray();

    /// <summary>
    /// The per-run summaries as a Deedle frame (columns named as <see cref="RunSummary"/>'s properties), plus one
    /// string column per setting key (missing where a run does not set it), for grouping and pivots.
    /// </summary>
    public Frame<int, string> ToRunFrame(double targetSuccess)
    {
        Frame<int, string> frame = Frame.FromRecords(Summaries(targetSuccess));
        int[] rows = Enumerable.Range(0, Runs.Count).ToArray();
        foreach (string key in SettingKeys)
        {
            string?[] values = Runs.Select(r => r.Settings.TryGetValue(key, out string? v) ? v : null).ToArray();
            frame.AddColumn(key, new Series<int, string?>(rows, values));
        }

        return frame;
    }

    private static int MethodRank(string method)
    {
        int i = MethodCatalog.Names.ToList().IndexOf(method);
        return i < 0 ? int.MaxValue : i;
    }
}
