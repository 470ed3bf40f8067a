using Aim.Learning.Torch;
using Aim.Learning.Training;
using Microsoft.Data.Analysis;

namespace Aim.Experiments.Results;

/// <summary>One run directory, loaded: who ran, with which settings, and its evaluations as a data frame.</summary>
public sealed class RunRecord
{
    internal RunRecord(string directory, string task, string method, int seed, IReadOnlyDictionary<string, string> settings, DataFrame metrics, bool isFinished, IReadOnlyCollection<string>? variantKeys = null)
    {
        Directory = directory;
        Task = task;
        Method = method;
        Seed = seed;
        Settings = settings;
        Metrics = metrics;
        IsFinished = isFinished;
        Variant = string.Join(", ", settings
            .Where(p => variantKeys is null || variantKeys.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>
    /// The numeric environment the run computed in (from summary.json, else options.json); null for runs that did not
    /// record it.
    /// </summary>
    public NumericEnvironment? NumericEnvironment { get; init; }

    /// <summary>
    /// The numeric path the run computed on (<see cref="NumericEnvironment.Path"/>); null for runs that did not record
    /// it. Runs on one path reproduce each other bit for bit.
    /// </summary>
    public string? NumericPath => NumericEnvironment?.Path;

    /// <summary>The run directory (full path).</summary>
    public string Directory { get; }

    /// <summary>Task name.</summary>
    public string Task { get; }

    /// <summary>Method name.</summary>
    public string Method { get; }

    /// <summary>Seed.</summary>
    public int Seed { get; }

    /// <summary>
    /// Settings that differ from the defaults, snake_case keys: the method overrides and every harness option whose
    /// value is not <see cref="TrainerOptions"/>' default (the seed excluded).
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>
    /// The settings that tell this run's series apart as one sorted "key=value, …" string (empty for defaults): in a
    /// <see cref="ResultSet"/>, only keys whose value differs between its runs (settings every run shares are in
    /// <see cref="ResultSet.CommonSettings"/>). Runs that differ only by seed share it.
    /// </summary>
    public string Variant { get; }

    /// <summary>The series this run belongs to in charts and tables: the method, then the variant when there is one.</summary>
    public string Series => Variant.Length == 0 ? Method : $"{Method} ({Variant})";

    /// <summary>metrics.csv: one row per evaluation, every column as doubles (empty cells are nulls).</summary>
    public DataFrame Metrics { get; }

    /// <summary>True when the run wrote summary.json (it ran to the end).</summary>
    public bool IsFinished { get; }

    /// <summary>This run with <see cref="Variant"/> made of <paramref name="variantKeys"/> only.</summary>
    internal RunRecord WithVariantKeys(IReadOnlyCollection<string> variantKeys) =>
        new(Directory, Task, Method, Seed, Settings, Metrics, IsFinished, variantKeys) { NumericEnvironment = NumericEnvironment };

    /// <summary>Number of evaluations.</summary>
    public int Evaluations => (int)Metrics.Rows.Count;

    /// <summary>True when metrics.csv has column <paramref name="metric"/> with at least one value.</summary>
    public bool Has(string metric) => Metrics.Columns.IndexOf(metric) >= 0 && Metrics[metric].NullCount < Metrics[metric].Length;

    /// <summary>A column as doubles, nulls as NaN (all NaN when the column is absent).</summary>
    public double[] Column(string metric)
    {
        if (Metrics.Columns.IndexOf(metric) < 0)
        {
            return Enumerable.Repeat(double.NaN, Evaluations).ToArray();
        }

        DataFrameColumn column = Metrics[metric];
        var values = new double[column.Length];
        for (long i = 0; i < column.Length; i++)
        {
            values[i] = column[i] is null ? double.NaN : Convert.ToDouble(column[i], System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The value of <paramref name="metric"/> at the last evaluation (NaN when absent).</summary>
    public double Final(string metric)
    {
        double[] values = Column(metric);
        return values.Length == 0 ? double.NaN : values[^1];
    }

    /// <summary>The best test success over the run.</summary>
    public double BestSuccess => Column(MetricNames.EvalSuccess).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Expert cost at the first evaluation whose test success reached <paramref name="target"/> (NaN if none did).</summary>
    public double ExpertCostToReach(double target)
    {
        double[] success = Column(MetricNames.EvalSuccess);
        double[] cost = Column(MetricNames.ExpertCost);
        for (int i = 0; i < success.Length; i++)
        {
            if (success[i] >= target)
            {
                return cost[i];
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// The area under test success against expert takeover cost from 0 to <paramref name="maxExpertCost"/>, divided by
    /// it: the mean success over that stretch of the expert's attention. Success is 0 before the first evaluation and
    /// holds each evaluation's value until the next (and after the last, when the run ended with less cost).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExpertCost"/> is not positive.</exception>
    public double SuccessArea(double maxExpertCost)
    {
        if (!(maxExpertCost > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxExpertCost), maxExpertCost, "The expert-cost horizon must be positive.");
        }

        double[] success = Column(MetricNames.EvalSuccess);
        double[] cost = Column(MetricNames.ExpertCost);
        double area = 0;
        double held = 0;
        double from = 0;
        for (int i = 0; i < success.Length && from < maxExpertCost; i++)
        {
            if (!double.IsFinite(success[i]) || !double.IsFinite(cost[i]))
            {
                continue;
            }

            double to = Math.Min(cost[i], maxExpertCost);
            area += held * Math.Max(0, to - from);
            from = Math.Max(from, to);
            held = success[i];
        }

        area += held * Math.Max(0, maxExpertCost - from);
        return area / maxExpertCost;
    }

    /// <summary>
    /// Who gates, read from the logged counts: "✓" robot-gated (the expert watched only its takeovers:
    /// wall steps = expert cost &lt; env steps), "–" expert data only (expert cost = env steps, and offline BC, which has
    /// no gate even when the robot drives after its demonstrations), "✗" human-gated.
    /// </summary>
    public string Gating
    {
        get
        {
            if (Method == "bc")
            {
                return "–";
            }

            double env = Final(MetricNames.EnvSteps);
            double expert = Final(MetricNames.ExpertCost);
            double wall = Final(MetricNames.WallSteps);
            if (!double.IsFinite(env) || !double.IsFinite(expert))
            {
                return "?";
            }

            if (expert >= env)
            {
                return "–";
            }

            return wall < env ? "✓" : "✗";
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Task} {Series} s{Seed} ({Evaluations} evaluations{(IsFinished ? string.Empty : ", unfinished")})";
}
