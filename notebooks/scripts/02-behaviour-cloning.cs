#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/02-behaviour-cloning.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/02-behaviour-cloning.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/02-behaviour-cloning/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/02-behaviour-cloning.cs -- --step
// pauses after each cell (Enter continues); --cell N runs to cell N; --break stops before each cell under a
// debugger (.vscode/launch.json).

// The C# kernel's default namespaces (the SDK's implicit usings differ), then the notebook's usings.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Aim.Envs.Grid;
using Aim.Experiments.Catalog;
using Aim.Experiments.Charts;
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
Aim.Interactive.Lessons.Lesson.Start("02-behaviour-cloning", [4, 6, 8, 10, 12, 14, 16, 18, 20], args);
Aim.Interactive.Notebook.Initialize();

// # 02 · Behaviour cloning, and why it is not enough

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 4
Aim.Interactive.Lessons.Lesson.Cell(4, "02 · Behaviour cloning, and why it is not enough");
Show($"fast mode {Notebook.IsFast}");

// ## Hyper-parameters

// Cell 6
Aim.Interactive.Lessons.Lesson.Cell(6, "Hyper-parameters");
const string Task = "lavacrossing-s9n1";
int[] demoCounts = Notebook.Fast(full: new[] { 1, 3, 10, 30, 100 }, fast: new[] { 1, 5, 20 });
int fitSteps = Notebook.Fast(full: 1_000, fast: 200);          // gradient steps of cross-entropy, batch 128
int testEpisodes = Notebook.Fast(full: 100, fast: 20);
int seed = 0;

// ## Record demonstrations

// Cell 8
Aim.Interactive.Lessons.Lesson.Cell(8, "Record demonstrations");
var demos = BehaviourCloning.Demonstrations(Task, episodes: demoCounts[^1]);
Show($"{demoCounts[^1]} episodes, {demos.Count} labelled steps, {demos.Count / (double)demoCounts[^1]:F1} steps per episode");

// ## Fit and evaluate, for a growing number of demonstrations

// Cell 10
Aim.Interactive.Lessons.Lesson.Cell(10, "Fit and evaluate, for a growing number of demonstrations");
var rows = new List<(int Demos, int Steps, double TrainSuccess, double TestSuccess, double TestLava)>();
using (var progress = Progress.Start("BC fits", total: demoCounts.Length))
{
    foreach (int n in demoCounts)
    {
        var data = BehaviourCloning.Demonstrations(Task, episodes: n);
        using var policy = BehaviourCloning.Fit(data, Task, steps: fitSteps, seed: seed);
        var train = BehaviourCloning.Evaluate(policy, Task, episodes: Math.Min(n, 50), seedStart: 0);
        var test = BehaviourCloning.Evaluate(policy, Task, episodes: testEpisodes, seedStart: 1000);
        rows.Add((n, data.Count, train.SuccessRate, test.SuccessRate, test.MeanCost));
        progress.Increment($"N = {n}: train {train.SuccessRate:P0}, test {test.SuccessRate:P0}");
    }
}
Show(Frame.FromRecords(rows.Select(r => new { r.Demos, r.Steps, r.TrainSuccess, r.TestSuccess, LavaRate = r.TestLava })));

// Cell 12
Aim.Interactive.Lessons.Lesson.Cell(12, "Fit and evaluate, for a growing number of demonstrations");
Show(Chart.Combine(new[]
{
    Chart.Line<int, double, string>(x: rows.Select(r => r.Demos).ToArray(), y: rows.Select(r => r.TrainSuccess).ToArray(), Name: "training layouts", ShowMarkers: true),
    Chart.Line<int, double, string>(x: rows.Select(r => r.Demos).ToArray(), y: rows.Select(r => r.TestSuccess).ToArray(), Name: "new layouts", ShowMarkers: true),
    Chart.Line<int, double, string>(x: rows.Select(r => r.Demos).ToArray(), y: rows.Select(r => r.TestLava).ToArray(), Name: "new layouts: ended in lava", ShowMarkers: true),
}).WithTitle($"behaviour cloning on {Task}").WithAxisTitles(x: "demonstrations (episodes)", y: "rate"));

// ## Where the cloned policy drifts

// Cell 14
Aim.Interactive.Lessons.Lesson.Cell(14, "Where the cloned policy drifts");
var few = BehaviourCloning.Fit(BehaviourCloning.Demonstrations(Task, episodes: demoCounts[1]), Task, steps: fitSteps, seed: seed);
var (layout, rollout, end) = BehaviourCloning.Rollout(few, Task, seed: 1001);
string outcome = rollout[^1].Success ? "reached the goal" : rollout[^1].Lava ? "walked into lava" : "ran out of time";
Show(GridCharts.Grid(layout, rollout[0].X, rollout[0].Y, rollout[0].Direction, title: $"{demoCounts[1]} demos, layout 1001: {outcome}")
    .WithPath(rollout.Select(s => (s.X, s.Y)).Append(end).ToList(), rollout.Where(s => s.Deviates).Select(s => (s.X, s.Y)).ToList(), pathName: "cloned policy", markName: "differs from the expert"));

// Cell 16
Aim.Interactive.Lessons.Lesson.Cell(16, "Where the cloned policy drifts");
Show(Frame.FromRecords(rollout.Take(12).Select((s, i) => new { Step = i + 1, Cell = $"({s.X}, {s.Y})", Policy = ((GridAction)s.Action).ToString(), Expert = ((GridAction)s.ExpertAction).ToString(), s.Deviates })));

// ## Letting the expert correct the learner: HG-DAgger

// Cell 18
Aim.Interactive.Lessons.Lesson.Cell(18, "Letting the expert correct the learner: HG-DAgger");
var hgTrainer = new TrainerOptions { TotalEnvSteps = Notebook.Fast(full: 2_000, fast: 400), WarmUpSteps = 100, EvalEvery = 0, EvalEpisodes = testEpisodes, LogSteps = false };
RunResult? hg = MethodCatalog.Names.Contains("hg-dagger")
    ? ExperimentRunner.Run(new RunSpec(Task, "hg-dagger", hgTrainer), runsRoot: null, progress: _ => { })
    : null;
Show(hg is null
    ? $"HG-DAgger is not registered in this build (methods: {string.Join(", ", MethodCatalog.Names)}); this cell runs it once the baselines are merged. Notebook 03 shows AIM, a robot-gated alternative."
    : $"HG-DAgger: test success {hg.Final.Success:P0} after {hg.Final.EnvSteps:0} steps; expert labels {hg.Final.ExpertCost:0}, expert attention {hg.Final[MetricNames.WallSteps]:0} steps");

// ## Summary
// ## Exercises

// Cell 20
Aim.Interactive.Lessons.Lesson.Cell(20, "Exercises");
int? myDeviations = null; // exercise 1: your answer

int deviations = rollout.Count(s => s.Deviates);
Show(myDeviations is null ? "Exercise 1: set myDeviations and run this cell again."
    : myDeviations == deviations ? $"Exercise 1: correct, {deviations} of {rollout.Count} steps."
    : "Exercise 1: not quite. Count the steps of `rollout` whose Deviates is true.");

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
