#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/04-threshold-ablations.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/04-threshold-ablations.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/04-threshold-ablations/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/04-threshold-ablations.cs -- --step
// pauses after each cell (Enter continues); --cell N runs to cell N; --break stops before each cell under a
// debugger (.vscode/launch.json).

// The C# kernel's default namespaces (the SDK's implicit usings differ), then the notebook's usings.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Aim.Experiments.Charts;
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Interactive;
using Aim.Interactive.Charts;
using Aim.Interactive.Inspection;
using Aim.Learning.Training;
using Deedle;
using Plotly.NET.CSharp;
using static Aim.Interactive.CellOutput;

// The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
// #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library).
Aim.Interactive.Lessons.Lesson.Start("04-threshold-ablations", [4, 6, 8, 10, 12, 14, 15, 17, 19, 21, 23, 25, 27], args);
Aim.Interactive.Notebook.Initialize();

// # 04 · Threshold ablations

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 4
Aim.Interactive.Lessons.Lesson.Cell(4, "04 · Threshold ablations");
Show($"fast mode {Notebook.IsFast}");

// ## Hyper-parameters

// Cell 6
Aim.Interactive.Lessons.Lesson.Cell(6, "Hyper-parameters");
const string Task = "lavacrossing-s9n1";
int[] seeds = Notebook.Fast(full: new[] { 0, 1, 2, 3, 4 }, fast: new[] { 0, 1 });
var trainer = new TrainerOptions
{
    TotalEnvSteps = Notebook.Fast(full: 2_000, fast: 250), WarmUpSteps = Notebook.Fast(full: 200, fast: 100),
    EvalEvery = Notebook.Fast(full: 200, fast: 0), EvalEpisodes = Notebook.Fast(full: 50, fast: 10), LogSteps = false,
};
var baseline = Notebook.Fast<Dictionary<string, string>>(
    full: new() { ["policy.initial_steps"] = "1000", ["policy.steps_per_update"] = "100", ["q_initial_steps"] = "200" },
    fast: new() { ["policy.initial_steps"] = "150", ["policy.steps_per_update"] = "25", ["q_initial_steps"] = "25", ["policy.batch_size"] = "64", ["q_batch_size"] = "64" });
RunSpec Setting(string? key = null, string? value = null)
{
    var overrides = new Dictionary<string, string>(baseline);
    if (key is not null) overrides[key] = value!;
    return new RunSpec(Task, "aim", trainer, overrides);
}

// ## The baseline

// Cell 8
Aim.Interactive.Lessons.Lesson.Cell(8, "The baseline");
var reference = Ablations.Run("baseline", "defaults", Setting(), seeds);
Show(Ablations.Summary(reference));

// ## δ: the target switch rate

// Cell 10
Aim.Interactive.Lessons.Lesson.Cell(10, "δ: the target switch rate");
string[] deltas = Notebook.Fast(full: new[] { "0.05", "0.1", "0.4" }, fast: new[] { "0.05", "0.4" });
var deltaRuns = reference.Select(r => r with { Ablation = "δ", Value = "0.2" }).ToList();
using (var progress = Progress.Start("δ runs", total: deltas.Length * seeds.Length))
{
    foreach (string d in deltas) deltaRuns.AddRange(Ablations.Run("δ", d, Setting("delta", d), seeds, _ => progress.Increment()));
}
Show(Ablations.Summary(deltaRuns.OrderBy(r => double.Parse(r.Value))));

// Cell 12
Aim.Interactive.Lessons.Lesson.Cell(12, "δ: the target switch rate");
Show(Chart.Combine(new[]
{
    Chart.Point<double, double, string>(x: deltaRuns.Select(r => double.Parse(r.Value)).ToArray(), y: deltaRuns.Select(r => r.RealisedSwitchRate).ToArray(), Name: "runs"),
    Chart.Line<double, double, string>(x: new[] { 0.0, 0.45 }, y: new[] { 0.0, 0.45 }, Name: "realised = δ", LineDash: Plotly.NET.StyleParam.DrawingStyle.Dash),
}).WithTitle("realised switch rate vs δ").WithAxisTitles(x: "δ (target switch rate)", y: "realised switch rate"));

// ### δ at full budget

// Cell 14
Aim.Interactive.Lessons.Lesson.Cell(14, "δ at full budget");
var fullDelta = PublishedResults.Load("delta");
Show(ComparisonTable.Build(fullDelta, targetSuccess: 0.8));

// Cell 15
Aim.Interactive.Lessons.Lesson.Cell(15, "δ at full budget");
Show(ReportCharts.SuccessVsExpertCost(fullDelta));
Show(ReportCharts.SwitchRate(fullDelta));

// ## Warm-up length

// Cell 17
Aim.Interactive.Lessons.Lesson.Cell(17, "Warm-up length");
int[] warmUps = Notebook.Fast(full: new[] { 100, 400 }, fast: new[] { 50 });
var warmUpRuns = reference.Select(r => r with { Ablation = "warm-up", Value = trainer.WarmUpSteps.ToString() }).ToList();
foreach (int w in warmUps) warmUpRuns.AddRange(Ablations.Run("warm-up", w.ToString(), Setting() with { Trainer = trainer with { WarmUpSteps = w } }, seeds));
Show(Ablations.Summary(warmUpRuns.OrderBy(r => int.Parse(r.Value))));

// ## The TD term and reward labels

// Cell 19
Aim.Interactive.Lessons.Lesson.Cell(19, "The TD term and reward labels");
var lossRuns = reference.Select(r => r with { Ablation = "Q^I loss", Value = "J_AIM + 0.1 J_TD" }).ToList();
lossRuns.AddRange(Ablations.Run("Q^I loss", "J_AIM only (td_weight 0)", Setting("td_weight", "0"), seeds));
lossRuns.AddRange(Ablations.Run("Q^I loss", "reward labels", Setting("labels", "RewardLabels"), seeds));
Show(Ablations.Summary(lossRuns));

// ### The +1 label at full budget

// Cell 21
Aim.Interactive.Lessons.Lesson.Cell(21, "The +1 label at full budget");
var fullLabels = PublishedResults.Load("aim-labels").ForTask("lavacrossing-s9n1");
Show(ComparisonTable.Build(fullLabels, targetSuccess: 0.5));
Show(ReportCharts.SuccessVsExpertCost(fullLabels));

// ## ε fixed vs adaptive (driving)

// Cell 23
Aim.Interactive.Lessons.Lesson.Cell(23, "ε fixed vs adaptive (driving)");
var drivingTrainer = new TrainerOptions { TotalEnvSteps = Notebook.Fast(full: 3_000, fast: 400), WarmUpSteps = 200, EvalEvery = 0, EvalEpisodes = Notebook.Fast(full: 5, fast: 1), LogSteps = false };
var drivingOverrides = Notebook.Fast<Dictionary<string, string>>(full: new(), fast: new() { ["policy.initial_steps"] = "200", ["policy.steps_per_update"] = "10", ["q_initial_steps"] = "50" });
int[] drivingSeeds = Notebook.Fast(full: seeds, fast: new[] { 0 });
var epsilonRuns = new[] { "Fixed", "Adaptive" }.SelectMany(e => Ablations.Run("ε", e,
    new RunSpec("driving-toy", "aim", drivingTrainer, new Dictionary<string, string>(drivingOverrides) { ["epsilon"] = e }), drivingSeeds)).ToList();
Show(Ablations.Summary(epsilonRuns));

// ## Everything on one chart

// Cell 25
Aim.Interactive.Lessons.Lesson.Cell(25, "Everything on one chart");
var gridRuns = deltaRuns.Concat(warmUpRuns).Concat(lossRuns).ToList();
Show(AblationCharts.Tradeoff(gridRuns, title: $"{Task}: ablations ({seeds.Length} seeds)"));

// ## Summary
// ## Exercises

// Cell 27
Aim.Interactive.Lessons.Lesson.Cell(27, "Exercises");
string? myCheapestDelta = null; // exercise 1: your answer

string cheapest = deltaRuns.GroupBy(r => r.Value).OrderBy(g => g.Average(r => r.ExpertCost)).First().Key;
Show(myCheapestDelta is null ? "Exercise 1: set myCheapestDelta and run this cell again."
    : myCheapestDelta == cheapest ? $"Exercise 1: correct, δ = {cheapest}."
    : "Exercise 1: not quite. Compare the ExpertCost column of the δ table (the number before ±).");

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
