using System.Globalization;
using System.Text;
using Aim.Core.IO;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using Microsoft.Data.Analysis;

namespace Aim.Experiments.Results;

/// <summary>
/// Full-budget results kept in the repository (<c>data/results/{name}/</c>), small enough to commit: the comparison
/// table, one row per run, and the learning curves (a few metrics per evaluation), beside a README.md giving the exact
/// command and config that produced them. Notebooks load them to show the real trends next to their small live runs.
/// </summary>
public static class PublishedResults
{
    /// <summary>The folder, relative to the repository root, that holds published result sets.</summary>
    public const string Folder = "data/results";

    /// <summary>The curve metrics kept per evaluation (those a run logged; the rest of metrics.csv stays with the runs).</summary>
    public static IReadOnlyList<string> CurveMetrics { get; } =
    [
        MetricNames.EnvSteps, MetricNames.ExpertCost, MetricNames.WallSteps, MetricNames.Episodes,
        MetricNames.EvalSuccess, MetricNames.EvalReturn, MetricNames.EvalRouteCompletion, MetricNames.EvalCost,
        MetricNames.InterventionRate, MetricNames.RealisedSwitchRate, MetricNames.TargetSwitchRate,
        MetricNames.RequestRateSafetyCritical, MetricNames.RequestRateOther, MetricNames.ScoreSafetyCritical, MetricNames.ScoreOther, MetricNames.MissRate,
        "gate/beta", "gate/epsilon", "gate/q_robot_mean",
    ];

    private static readonly string[] s_keys = ["task", "method", "variant", "seed", "run"];

    /// <summary>
    /// Writes <paramref name="results"/> into <paramref name="folder"/>: <c>comparison.csv</c>, <c>runs.csv</c>,
    /// <c>curves.csv</c> and <c>README.md</c> (the command, the notes and the config). Files are written whole and
    /// renamed into place.
    /// </summary>
    /// <param name="results">The finished runs.</param>
    /// <param name="folder">The published folder (created if missing).</param>
    /// <param name="targetSuccess">Target success of the cost-to-target columns.</param>
    /// <param name="command">The exact command that produced the runs.</param>
    /// <param name="config">The sweep config as JSON (null: none).</param>
    /// <param name="notes">What a reader must know (missing seeds, deviations), or null.</param>
    public static void Write(ResultSet results, string folder, double targetSuccess, string command, string? config = null, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (results.Runs.Count == 0)
        {
            throw new ArgumentException("No finished runs to publish.", nameof(results));
        }

        Directory.CreateDirectory(folder);
        AtomicFile.WriteByPath(Path.Combine(folder, "comparison.csv"), path => ComparisonTable.Build(results, targetSuccess).WriteCsv(path));
        AtomicFile.WriteByPath(Path.Combine(folder, "runs.csv"), path => SeedAggregation.SaveCsv(results.ToRunFrame(targetSuccess), path));
        WriteCurves(results, Path.Combine(folder, "curves.csv"));
        AtomicFile.WriteByPath(Path.Combine(folder, "README.md"), path => File.WriteAllText(path, Readme(results, folder, targetSuccess, command, config, notes)));
    }

    /// <summary>
    /// Loads a published result set as a <see cref="ResultSet"/> (one record per run, its curves as metrics), so the
    /// report's charts and tables draw it like runs on disk.
    /// </summary>
    /// <param name="nameOrFolder">A name under <see cref="Folder"/> (found from the working directory upwards) or a folder.</param>
    /// <exception cref="ArgumentException">No such published set (the message lists those there are).</exception>
    public static ResultSet Load(string nameOrFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrFolder);
        string folder = Resolve(nameOrFolder);
        string path = Path.Combine(folder, "curves.csv");
        // Keys as text and every metric as double (the type guess would read metrics as float and lose digits).
        string[] names = DataFrame.LoadCsv(path, numRows: 1, cultureInfo: CultureInfo.InvariantCulture).Columns.Select(c => c.Name).ToArray();
        Type[] types = names.Select(n => n == "seed" ? typeof(int) : s_keys.Contains(n) ? typeof(string) : typeof(double)).ToArray();
        DataFrame curves = DataFrame.LoadCsv(path, dataTypes: types, cultureInfo: CultureInfo.InvariantCulture);
        string[] metrics = curves.Columns.Select(c => c.Name).Where(n => !s_keys.Contains(n)).ToArray();
        var rows = Enumerable.Range(0, (int)curves.Rows.Count).GroupBy(i => Text(curves, "run", i)).ToArray();
        var runs = new List<RunRecord>();
        foreach (var run in rows)
        {
            int first = run.First();
            var columns = metrics.Select(m => new DoubleDataFrameColumn(m, run.Select(i => Number(curves, m, i)))).ToArray();
            runs.Add(new RunRecord(
                run.Key,
                Text(curves, "task", first),
                Text(curves, "method", first),
                (int)Number(curves, "seed", first)!.Value,
                Settings(Text(curves, "variant", first)),
                new DataFrame(columns),
                isFinished: true));
        }

        return new ResultSet(runs);
    }

    /// <summary>The names of the published sets found from the working directory upwards (empty when there is no <see cref="Folder"/>).</summary>
    public static IReadOnlyList<string> Names() =>
        Root() is string root ? Directory.GetDirectories(root).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray() : [];

    /// <summary>curves.csv: the keys of each run, then its <see cref="CurveMetrics"/> at every evaluation (shortest round-trip numbers).</summary>
    private static void WriteCurves(ResultSet results, string path)
    {
        string[] metrics = CurveMetrics.Where(results.Has).ToArray();
        IEnumerable<object?[]> Rows(RunRecord run)
        {
            double[]?[] columns = metrics.Select(m => run.Has(m) ? run.Column(m) : null).ToArray();
            for (int i = 0; i < run.Evaluations; i++)
            {
                object?[] keys = [run.Task, run.Method, run.Variant, run.Seed, Path.GetFileName(run.Directory)];
                yield return keys.Concat(columns.Select(c => (object?)(c is null ? double.NaN : c[i]))).ToArray();
            }
        }

        CsvTable.Write(path, s_keys.Concat(metrics).ToArray(), results.Runs.SelectMany(Rows));
    }

    private static string Readme(ResultSet results, string folder, double target, string command, string? config, string? notes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))}");
        text.AppendLine();
        text.AppendLine("Full-budget results, written by the command below (run from the repository root; the config names anything else it needs):");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine(command);
        text.AppendLine("```");
        text.AppendLine();
        int seriesCount = results.Series.Count;
        text.AppendLine(CultureInfo.InvariantCulture, $"{results.Runs.Count} finished runs on {string.Join(", ", results.Tasks)}, {seriesCount} series: {string.Join("; ", results.Series)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Cost-to-target columns use test success {target.ToString(CultureInfo.InvariantCulture)}.");
        text.AppendLine("Files: `comparison.csv` (the paper-shaped table), `runs.csv` (one row per run), `curves.csv` (every evaluation of");
        text.AppendLine("every run: a few metrics; load it with `PublishedResults.Load(name)`).");
        if (!string.IsNullOrWhiteSpace(notes))
        {
            text.AppendLine();
            text.AppendLine(notes.Trim());
        }

        text.AppendLine();
        text.AppendLine(NumericEnvironmentSection(results));

        if (config is not null)
        {
            text.AppendLine();
            text.AppendLine("The sweep config:");
            text.AppendLine();
            text.AppendLine("```json");
            text.AppendLine(config.Trim());
            text.AppendLine("```");
        }

        return text.ToString();
    }

    /// <summary>
    /// Where the runs were computed (docs/reproducibility.md): the same seeds reproduce these numbers bit for bit on the
    /// same numeric path, and statistically elsewhere.
    /// </summary>
    private static string NumericEnvironmentSection(ResultSet results)
    {
        var text = new StringBuilder("Numeric environment (docs/reproducibility.md): ");
        NumericEnvironment[] recorded = results.Runs.Select(r => r.NumericEnvironment).OfType<NumericEnvironment>().ToArray();
        if (recorded.Length == 0)
        {
            return text.Append("not recorded by these runs.").ToString();
        }

        foreach (var path in recorded.GroupBy(e => e.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            NumericEnvironment first = path.First();
            string cpus = string.Join(", ", path.Select(e => e.CpuModel).Distinct().Order(StringComparer.Ordinal));
            text.Append(CultureInfo.InvariantCulture, $"{path.Count()} run(s) on `{path.Key}` ({cpus}; libtorch {first.LibTorchVersion}, ")
                .Append(CultureInfo.InvariantCulture, $"TorchSharp {first.TorchSharpVersion}, MKL {first.MklVersion}). ");
        }

        int unrecorded = results.Runs.Count - recorded.Length;
        if (unrecorded > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{unrecorded} run(s) did not record theirs. ");
        }

        return text.Append("The same seeds give these numbers bit for bit on the same numeric path, and agree statistically elsewhere.").ToString();
    }

    private static string Resolve(string nameOrFolder)
    {
        if (File.Exists(Path.Combine(nameOrFolder, "curves.csv")))
        {
            return nameOrFolder;
        }

        if (Root() is string root && File.Exists(Path.Combine(root, nameOrFolder, "curves.csv")))
        {
            return Path.Combine(root, nameOrFolder);
        }

        throw new ArgumentException(
            $"No published results '{nameOrFolder}' (a folder with curves.csv, or a name under {Folder}/). Published: {string.Join(", ", Names().DefaultIfEmpty("none found"))}.",
            nameof(nameOrFolder));
    }

    private static string? Root() => RepositoryFolder.FindUpwards(Folder);

    /// <summary>The settings a variant string names ("key=value, key=value"); empty for defaults.</summary>
    private static IReadOnlyDictionary<string, string> Settings(string variant) =>
        variant.Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);

    private static string Text(DataFrame frame, string column, long row) => frame[column][row]?.ToString() ?? string.Empty;

    private static double? Number(DataFrame frame, string column, long row) => frame[column][row] switch
    {
        null => null,
        string text when text.Length == 0 => null,
        string text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        object value => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
