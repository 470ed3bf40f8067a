#:project ../../src/Aim.Interactive/Aim.Interactive.csproj

// The experiment of notebooks/04-threshold-ablations.ipynb as a file-based app: AIM's δ, warm-up length, TD term and
// reward labels on lavacrossing-s9n1 and ε fixed vs adaptive on driving-toy, each over several seeds; tables of
// mean ± std (Deedle) printed, charts written under artifacts/scripts/04-threshold-ablations/.
//   dotnet run notebooks/scripts/04-threshold-ablations.cs [output-folder]      (AIM_FAST=1 shrinks the budgets)
using Aim.Experiments.Charts;
using Aim.Experiments.Inspection;
using Aim.Experiments.Running;
using Aim.Interactive;
using Aim.Learning.Training;
using Deedle;
using Plotly.NET.CSharp;

var output = ScriptOutput.For("04-threshold-ablations", args);
const string Task = "lavacrossing-s9n1";
int[] seeds = Notebook.Fast(full: new[] { 0, 1, 2, 3, 4 }, fast: new[] { 0, 1 });
var trainer = new TrainerOptions
{
    TotalEnvSteps = Notebook.Fast(full: 2_000, fast: 250),
    WarmUpSteps = Notebook.Fast(full: 200, fast: 100),
    EvalEvery = Notebook.Fast(full: 200, fast: 0),
    EvalEpisodes = Notebook.Fast(full: 50, fast: 10),
    LogSteps = false,
};
var baseline = Notebook.Fast<Dictionary<string, string>>(
    full: new() { ["policy.initial_steps"] = "1000", ["policy.steps_per_update"] = "100", ["q_initial_steps"] = "200" },
    fast: new() { ["policy.initial_steps"] = "150", ["policy.steps_per_update"] = "25", ["q_initial_steps"] = "25", ["policy.batch_size"] = "64", ["q_batch_size"] = "64" });

RunSpec Setting(string? key = null, string? value = null)
{
    var overrides = new Dictionary<string, string>(baseline);
    if (key is not null)
    {
        overrides[key] = value!;
    }

    return new RunSpec(Task, "aim", trainer, overrides);
}

var reference = Ablations.Run("baseline", "defaults", Setting(), seeds);
Ablations.Summary(reference).Print();

// δ.
string[] deltas = Notebook.Fast(full: new[] { "0.05", "0.1", "0.4" }, fast: new[] { "0.05", "0.4" });
var deltaRuns = reference.Select(r => r with { Ablation = "δ", Value = "0.2" }).ToList();
using (var progress = Progress.Start("δ runs", total: deltas.Length * seeds.Length))
{
    foreach (string d in deltas)
    {
        deltaRuns.AddRange(Ablations.Run("δ", d, Setting("delta", d), seeds, _ => progress.Increment()));
    }
}

Ablations.Summary(deltaRuns.OrderBy(r => double.Parse(r.Value))).Print();
output.Save(Chart.Combine(new[]
{
    Chart.Point<double, double, string>(x: deltaRuns.Select(r => double.Parse(r.Value)).ToArray(), y: deltaRuns.Select(r => r.RealisedSwitchRate).ToArray(), Name: "runs"),
    Chart.Line<double, double, string>(x: new[] { 0.0, 0.45 }, y: new[] { 0.0, 0.45 }, Name: "realised = δ", LineDash: Plotly.NET.StyleParam.DrawingStyle.Dash),
}).WithTitle("realised switch rate vs δ").WithAxisTitles(x: "δ (target switch rate)", y: "realised switch rate"), "switch-rate-vs-delta");

// Warm-up length.
int[] warmUps = Notebook.Fast(full: new[] { 100, 400 }, fast: new[] { 50 });
var warmUpRuns = reference.Select(r => r with { Ablation = "warm-up", Value = trainer.WarmUpSteps.ToString() }).ToList();
foreach (int w in warmUps)
{
    warmUpRuns.AddRange(Ablations.Run("warm-up", w.ToString(), Setting() with { Trainer = trainer with { WarmUpSteps = w } }, seeds));
}

Ablations.Summary(warmUpRuns.OrderBy(r => int.Parse(r.Value))).Print();

// The TD term and reward labels.
var lossRuns = reference.Select(r => r with { Ablation = "Q^I loss", Value = "J_AIM + 0.1 J_TD" }).ToList();
lossRuns.AddRange(Ablations.Run("Q^I loss", "J_AIM only (td_weight 0)", Setting("td_weight", "0"), seeds));
lossRuns.AddRange(Ablations.Run("Q^I loss", "reward labels", Setting("labels", "RewardLabels"), seeds));
Ablations.Summary(lossRuns).Print();

// ε fixed vs adaptive on driving-toy.
var drivingTrainer = new TrainerOptions { TotalEnvSteps = Notebook.Fast(full: 3_000, fast: 400), WarmUpSteps = 200, EvalEvery = 0, EvalEpisodes = Notebook.Fast(full: 5, fast: 1), LogSteps = false };
var drivingOverrides = Notebook.Fast<Dictionary<string, string>>(full: new(), fast: new() { ["policy.initial_steps"] = "200", ["policy.steps_per_update"] = "10", ["q_initial_steps"] = "50" });
int[] drivingSeeds = Notebook.Fast(full: seeds, fast: new[] { 0 });
var epsilonRuns = new[] { "Fixed", "Adaptive" }.SelectMany(e => Ablations.Run(
    "ε", e, new RunSpec("driving-toy", "aim", drivingTrainer, new Dictionary<string, string>(drivingOverrides) { ["epsilon"] = e }), drivingSeeds)).ToList();
Ablations.Summary(epsilonRuns).Print();

// Everything on one chart.
var gridRuns = deltaRuns.Concat(warmUpRuns).Concat(lossRuns).ToList();
output.Save(AblationCharts.Tradeoff(gridRuns, title: $"{Task}: ablations ({seeds.Length} seeds)"), "tradeoff");
string cheapest = deltaRuns.GroupBy(r => r.Value).OrderBy(g => g.Average(r => r.ExpertCost)).First().Key;
Console.WriteLine($"exercise 1: the cheapest δ is {cheapest}");
