#:project ../src/Aim.Experiments/Aim.Experiments.csproj

// AIM against its baselines on one grid task: every method on the same harness, expert, takeover cost and budget,
// run one after another (seeds in order), then the comparison table in the paper's shape.
//   dotnet run scripts/baselines-table.cs [task] [seeds] [methods] [output-folder]
//   e.g. dotnet run scripts/baselines-table.cs multiroom-6 1,2,3 aim,thrifty,bc artifacts/baselines
// Each method name may carry overrides after a colon: "pvp:learner=BehaviourCloning".
// Writes runs.csv (one row per run) and table.md into the output folder as it goes.
using System.Globalization;
using System.Text;
using Aim.Experiments.Running;
using Aim.Learning.Logging;
using Aim.Learning.Torch;
using Aim.Learning.Training;

string task = args.Length > 0 ? args[0] : "multiroom-6";
int[] seeds = (args.Length > 1 ? args[1] : "1,2,3").Split(',').Select(int.Parse).ToArray();
string[] methods = (args.Length > 2 ? args[2] : "aim,thrifty,thrifty-nocritic,ensemble-dagger,hg-dagger,pvp,pvp:learner=BehaviourCloning,bc").Split(',');
string output = args.Length > 3 ? args[3] : Path.Combine("artifacts", "baselines", task);
const int Budget = 2_000;
const double Target = 0.5;
Directory.CreateDirectory(output);
TorchRuntime.Initialize(threads: 1);
var inv = CultureInfo.InvariantCulture;

var rows = new List<Row>();
using var csv = new CsvLog(
    Path.Combine(output, "runs.csv"),
    ["method", "seed", "robot_gated", "env_steps", "expert_cost", "wall_steps", "final_success", "best_success", "final_return", "cost_to_target", "wall_to_target", "seconds"]);
foreach (string entry in methods)
{
    string[] parts = entry.Split(':', 2);
    string method = parts[0];
    var overrides = parts.Length > 1
        ? parts[1].Split(';').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1])
        : new Dictionary<string, string>();
    foreach (int seed in seeds)
    {
        // Offline BC: the expert demonstrates the whole budget, then the policy is fitted once.
        var trainer = method == "bc"
            ? new TrainerOptions { Seed = seed, TotalEnvSteps = Budget, WarmUpSteps = Budget, EvalEvery = 200, LogSteps = false }
            : new TrainerOptions { Seed = seed, TotalEnvSteps = Budget, EvalEvery = 200, LogSteps = false };
        RunResult run;
        try
        {
            run = ExperimentRunner.Run(new RunSpec(task, method, trainer, overrides), runsRoot: null);
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            // A native TorchSharp failure ends that run only; it is reported and left out of the table.
            Console.WriteLine($"{entry,-36} seed {seed}: FAILED in libtorch: {e.Message.Split('\n')[0]}");
            csv.WriteRaw([entry, seed.ToString(inv), "failed", .. Enumerable.Repeat(string.Empty, 9)]);
            continue;
        }

        EvaluationPoint final = run.Final;
        bool robotGated = final[MetricNames.WallSteps] == final.ExpertCost && method is not ("hg-dagger" or "pvp");
        var row = new Row(entry, seed, robotGated, final.EnvSteps, final.ExpertCost, final[MetricNames.WallSteps], final.Success, run.BestSuccess, final[MetricNames.EvalReturn], run.ExpertCostToReach(Target), WallStepsToReach(run, Target), run.Seconds);
        rows.Add(row);
        csv.WriteRaw(row.Method, row.Seed.ToString(inv), row.RobotGated.ToString(), row.EnvSteps.ToString(inv), row.ExpertCost.ToString(inv), row.WallSteps.ToString(inv),
            row.Final.ToString(inv), row.Best.ToString(inv), row.Return.ToString(inv), row.CostToTarget.ToString(inv), row.WallToTarget.ToString(inv), row.Seconds.ToString("0.0", inv));
        Console.WriteLine($"{entry,-36} seed {seed}: expert {row.ExpertCost,5:0} / {row.EnvSteps:0} steps, success {row.Final:0.00} (best {row.Best:0.00}), cost to {Target} {row.CostToTarget,5:0}, {row.Seconds:0} s");
        File.WriteAllText(Path.Combine(output, "table.md"), Table(rows));
    }
}

Console.WriteLine();
Console.WriteLine(Table(rows));

string Table(List<Row> all)
{
    var sb = new StringBuilder();
    sb.AppendLine($"| Method | Robot-gated | Expert data (rate) | Total data | Wall steps | Success (final) | Success (best) | Return (final) | Expert cost to success ≥ {Target} | Wall steps to success ≥ {Target} |");
    sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var group in all.GroupBy(r => r.Method))
    {
        Row[] g = group.ToArray();
        double expert = g.Average(r => r.ExpertCost);
        double total = g.Average(r => r.EnvSteps);
        string gated = group.Key == "bc" ? "–" : g[0].RobotGated ? "✓" : "✗";
        string cost = Reached(g.Select(r => r.CostToTarget).ToArray());
        string wall = Reached(g.Select(r => r.WallToTarget).ToArray());
        sb.AppendLine(inv, $"| {group.Key} | {gated} | {expert / 1000:0.00}K ({expert / total:0.00}) | {total / 1000:0.0}K | {g.Average(r => r.WallSteps) / 1000:0.00}K | {MeanStd(g.Select(r => r.Final))} | {MeanStd(g.Select(r => r.Best))} | {MeanStd(g.Select(r => r.Return))} | {cost} | {wall} |");
    }

    return sb.ToString();
}

// Mean over the seeds that reached the target, and how many did.
string Reached(double[] values)
{
    double[] reached = values.Where(v => !double.IsNaN(v)).ToArray();
    return reached.Length == 0 ? $"never (0/{values.Length})" : string.Create(inv, $"{reached.Average():0} ({reached.Length}/{values.Length})");
}

static double WallStepsToReach(RunResult run, double target) =>
    run.History.FirstOrDefault(p => p.Success >= target)?[MetricNames.WallSteps] ?? double.NaN;

string MeanStd(IEnumerable<double> values)
{
    double[] v = values.ToArray();
    double mean = v.Average();
    double std = Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Sum() / v.Length);
    return string.Create(inv, $"{mean:0.00}±{std:0.00}");
}

internal sealed record Row(string Method, int Seed, bool RobotGated, double EnvSteps, double ExpertCost, double WallSteps, double Final, double Best, double Return, double CostToTarget, double WallToTarget, double Seconds);
