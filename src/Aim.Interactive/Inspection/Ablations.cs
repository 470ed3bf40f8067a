using Aim.Experiments.Running;
using Aim.Learning.Training;
using Deedle;

namespace Aim.Interactive.Inspection;

/// <summary>One seed of one setting of an ablation study.</summary>
/// <param name="Ablation">What is varied (e.g. "δ").</param>
/// <param name="Value">The setting (e.g. "0.1").</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Result">The finished run.</param>
public sealed record AblationRun(string Ablation, string Value, int Seed, RunResult Result)
{
    /// <summary>Test success at the last evaluation.</summary>
    public double FinalSuccess => Result.Final.Success;

    /// <summary>The best test success of the run.</summary>
    public double BestSuccess => Result.BestSuccess;

    /// <summary>Expert cost at the end of the run (warm-up included).</summary>
    public double ExpertCost => Result.Final.ExpertCost;

    /// <summary>Switches to the expert per robot decision over the run.</summary>
    public double RealisedSwitchRate => Result.Final[MetricNames.RealisedSwitchRate];
}

/// <summary>
/// Small ablation studies for notebooks: run one setting over several seeds without writing run directories, and
/// summarise settings as mean ± standard deviation over seeds with Deedle.
/// </summary>
public static class Ablations
{
    /// <summary>The metrics <see cref="Summary"/> reports, by column name.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["FinalSuccess", "BestSuccess", "ExpertCost", "RealisedSwitchRate"];

    /// <summary>Runs <paramref name="spec"/> once per seed (the spec's own seed is replaced); nothing is written to disk.</summary>
    /// <param name="ablation">What is varied.</param>
    /// <param name="value">This setting.</param>
    /// <param name="spec">Task, method, harness options and overrides of the setting.</param>
    /// <param name="seeds">The seeds.</param>
    /// <param name="progress">Called after each finished run.</param>
    public static IReadOnlyList<AblationRun> Run(string ablation, string value, RunSpec spec, IReadOnlyList<int> seeds, Action<AblationRun>? progress = null)
    {
        var runs = new List<AblationRun>();
        InProcessRunner.Run(InProcessRunner.Seeds(spec, seeds), finished: result =>
        {
            var run = new AblationRun(ablation, value, result.Spec.Seed, result);
            runs.Add(run);
            progress?.Invoke(run);
        });
        return runs;
    }

    /// <summary>
    /// One row per (ablation, value) in order of first appearance: the number of seeds and, for each of
    /// <see cref="Metrics"/>, the mean and the sample standard deviation over seeds (NaN for a single seed), computed
    /// with Deedle's <c>AggregateRowsBy</c>.
    /// </summary>
    public static Frame<int, string> Summary(IEnumerable<AblationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        AblationRun[] all = runs.ToArray();
        if (all.Length == 0)
        {
            throw new ArgumentException("No runs to summarise.", nameof(runs));
        }

        Frame<int, string> frame = Frame.FromRecords(all.Select(r => new
        {
            Setting = $"{r.Ablation} = {r.Value}",
            r.FinalSuccess,
            r.BestSuccess,
            r.ExpertCost,
            r.RealisedSwitchRate,
        }));
        string[] keys = ["Setting"];
        Frame<int, string> mean = frame.AggregateRowsBy<string, double>(keys, Metrics, s => Stats.mean(s));
        Frame<int, string> std = frame.AggregateRowsBy<string, double>(keys, Metrics, s => s.KeyCount > 1 ? Stats.stdDev(s) : double.NaN);
        Frame<int, string> count = frame.AggregateRowsBy<string, double>(keys, ["FinalSuccess"], s => s.KeyCount);
        string[] settings = all.Select(r => $"{r.Ablation} = {r.Value}").Distinct().ToArray();
        return Frame.FromRecords(settings.Select(setting =>
        {
            AblationRun first = all.First(r => $"{r.Ablation} = {r.Value}" == setting);
            int row = Row(mean, setting);
            return new
            {
                first.Ablation,
                first.Value,
                Seeds = (int)count.GetColumn<double>("FinalSuccess").GetAt(Row(count, setting)),
                FinalSuccess = MeanStd(mean, std, row, Row(std, setting), "FinalSuccess", "0.00"),
                BestSuccess = MeanStd(mean, std, row, Row(std, setting), "BestSuccess", "0.00"),
                ExpertCost = MeanStd(mean, std, row, Row(std, setting), "ExpertCost", "0"),
                RealisedSwitchRate = MeanStd(mean, std, row, Row(std, setting), "RealisedSwitchRate", "0.000"),
            };
        }));
    }

    private static int Row(Frame<int, string> frame, string setting) =>
        frame.GetColumn<string>("Setting").Values.Select((s, i) => (s, i)).First(p => p.s == setting).i;

    private static string MeanStd(Frame<int, string> mean, Frame<int, string> std, int meanRow, int stdRow, string column, string format)
    {
        // Deedle stores NaN as a missing value: read it back as NaN.
        OptionalValue<double> m = mean.GetColumn<double>(column).TryGetAt(meanRow);
        OptionalValue<double> s = std.GetColumn<double>(column).TryGetAt(stdRow);
        return Format(m.HasValue ? m.Value : double.NaN, s.HasValue ? s.Value : double.NaN, format);
    }

    private static string Format(double m, double s, string format)
    {
        string f(double v) => v.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        return double.IsNaN(s) ? f(m) : $"{f(m)} ± {f(s)}";
    }
}
