#:project ../src/Aim.Experiments/Aim.Experiments.csproj

// The paper-shaped table of the driving task from finished runs (docs/driving.md): per series, mean ± std over seeds
// and the 95 % t-interval of final and best success, route completion, return and cost of the last evaluation, the
// data used, and the safety-critical signature (request rates in safety-critical states and elsewhere, the miss ratio
// over training, the paper's Fig. 5a).
//   dotnet run scripts/driving-table.cs folder [folder …]      (sweep or compare output folders, or run directories)
using System.Globalization;
using Aim.Experiments.Results;
using Aim.Learning.Training;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run scripts/driving-table.cs folder [folder …]");
    return 2;
}

ResultSet results = ResultSet.Load(args, finishedOnly: true);
Console.WriteLine($"{results.Runs.Count} finished runs");
Console.WriteLine("| series | seeds | robot-gated | expert data (rate) | total data | success, final | 95 % CI | success, best | route completion, final | return, final | cost / episode, final | requests: safety-critical / other | miss ratio over training |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var series in results.Runs.GroupBy(r => r.Series))
{
    RunRecord[] runs = [.. series];
    SeedStat Final(string metric) => SeedStat.Of(runs.Select(r => r.Final(metric)));
    SeedStat success = Final(MetricNames.EvalSuccess);
    SeedStat best = SeedStat.Of(runs.Select(r => r.BestSuccess));
    double expert = runs.Average(r => r.Final(MetricNames.ExpertCost));
    double total = runs.Average(r => r.Final(MetricNames.EnvSteps));
    double critical = runs.Average(r => r.Final(MetricNames.RequestRateSafetyCritical));
    double other = runs.Average(r => r.Final(MetricNames.RequestRateOther));
    double misses = runs.Sum(r => r.Final(MetricNames.Misses));
    double criticalSteps = runs.Sum(r => r.Final(MetricNames.SafetyCriticalSteps));
    string gated = runs[0].Gating;
    Console.WriteLine(FormattableString.Invariant(
        $"| {series.Key} | {runs.Length} | {gated} | {expert / 1000:0.0}K ({expert / total:0.00}) | {total / 1000:0.0}K | {success.Format()} | [{success.Mean - success.Ci95:0.00}, {success.Mean + success.Ci95:0.00}] | {best.Format()} | {Final(MetricNames.EvalRouteCompletion).Format()} | {Final(MetricNames.EvalReturn).Format("0")} | {Final(MetricNames.EvalCost).Format("0.0")} | {Rate(critical)} / {Rate(other)} | {Rate(criticalSteps == 0 ? double.NaN : misses / criticalSteps)} |"));
}

return 0;

static string Rate(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "–";
