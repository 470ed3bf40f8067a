#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/03-aim-step-by-step.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/03-aim-step-by-step.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/03-aim-step-by-step/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/03-aim-step-by-step.cs -- --step
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
using Aim.Experiments.Charts;
using Aim.Interactive;
using Aim.Interactive.Charts;
using Aim.Interactive.Inspection;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Stats;
using Aim.Learning.Training;
using Deedle;
using Plotly.NET.CSharp;
using static Aim.Interactive.CellOutput;

// The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
// #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library).
Aim.Interactive.Lessons.Lesson.Start("03-aim-step-by-step", [4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 31, 33], args);
Aim.Interactive.Notebook.Initialize();

// # 03 · AIM step by step

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 4
Aim.Interactive.Lessons.Lesson.Cell(4, "03 · AIM step by step");
Show($"fast mode {Notebook.IsFast}");

// ## Hyper-parameters

// Cell 6
Aim.Interactive.Lessons.Lesson.Cell(6, "Hyper-parameters");
const string Task = "lavacrossing-s9n1";
var trainerOptions = new TrainerOptions
{
    Seed = 0,
    TotalEnvSteps = Notebook.Fast(full: 2_000, fast: 500),  // environment steps, warm-up included
    WarmUpSteps = Notebook.Fast(full: 200, fast: 100),      // the expert drives these
    EvalEvery = 100,                                        // evaluate the policy every 100 steps
    EvalEpisodes = Notebook.Fast(full: 50, fast: 10),       // on held-out layouts 1000, 1001, …
};
var aimOverrides = new Dictionary<string, string>
{
    ["delta"] = "0.2",
    ["policy.initial_steps"] = Notebook.Fast(full: "1000", fast: "300"),
    ["policy.steps_per_update"] = Notebook.Fast(full: "100", fast: "50"),
    ["q_initial_steps"] = Notebook.Fast(full: "200", fast: "50"),
};

// Cell 8
Aim.Interactive.Lessons.Lesson.Cell(8, "Hyper-parameters");
var session = InspectionSession.Create(Task, "aim", trainerOptions, aimOverrides);
var aim = session.Aim!;
Show(aim.Options);

// ## Phase 1: warm-up

// Cell 10
Aim.Interactive.Lessons.Lesson.Cell(10, "Phase 1: warm-up");
session.Trainer.WarmUp();
Show(new { session.Trainer.EnvSteps, session.Trainer.ExpertCost, HumanBuffer = session.Trainer.Context.Human.Count, session.Trainer.Episodes });

// Cell 12
Aim.Interactive.Lessons.Lesson.Cell(12, "Phase 1: warm-up");
Show(session.Trainer.Evaluate());

// ## Phase 2: what Q<sup>I</sup> learned from the warm-up

// Cell 14
Aim.Interactive.Lessons.Lesson.Cell(14, "Phase 2: what QI learned from the warm-up");
var human = session.Trainer.Context.Human;
Show(Frame.FromRecords(Enumerable.Range(0, 8).Select(i => human.SlotOf(i * human.Count / 8)).Select(slot => new
{
    Expert = ((GridAction)(int)human.BehaviourAction(slot)[0]).ToString(),
    Robot = ((GridAction)aim.RobotAction(human.Observation(slot))).ToString(),
    QPerAction = string.Join("  ", aim.ActionValues(human.Observation(slot)).Select(q => q.ToString("+0.00;-0.00"))),
})));

// Cell 16
Aim.Interactive.Lessons.Lesson.Cell(16, "Phase 2: what QI learned from the warm-up");
Show(new { aim.Gate.Delta, Beta = aim.Gate.Beta, Epsilon = aim.Gate.Epsilon });

// ## Phase 3: robot-gated collection, one episode

// Cell 18
Aim.Interactive.Lessons.Lesson.Cell(18, "Phase 3: robot-gated collection, one episode");
while (!session.Steps.Any(s => s.AskedForHelp) && !session.Trainer.IsFinished) session.Trainer.CollectEpisode();
int firstAsk = Math.Max(0, session.Steps.ToList().FindIndex(s => s.AskedForHelp) - 3);
Show(Frame.FromRecords(session.Steps.Skip(firstAsk).Take(10).Select(s => new
{
    s.EnvStep, Cell = $"({s.Pose.X}, {s.Pose.Y})", Robot = ((GridAction)(int)s.RobotAction[0]).ToString(), Expert = ((GridAction)(int)s.ExpertAction[0]).ToString(),
    Before = s.Previous.ToString(), Score = Math.Round(s.Score, 3), Threshold = Math.Round(s.Threshold, 3), Now = s.Controller.ToString(), s.Reason,
})));

// ## Phase 4: β is a quantile

// Cell 20
Aim.Interactive.Lessons.Lesson.Cell(20, "Phase 4: β is a quantile");
int start = session.Steps.Count;
session.Trainer.CollectSteps(Notebook.Fast(full: 300, fast: 150));
var robotQ = session.Steps.Skip(start).Where(s => s.Previous == Controller.Robot).Select(s => s.Score).ToArray();
Show(QValueCharts.BetaHistogram(robotQ, aim.Gate.Beta, title: $"Q^I(s, a_r) on {robotQ.Length} robot steps, δ = {aim.Gate.Delta}"));

// Cell 22
Aim.Interactive.Lessons.Lesson.Cell(22, "Phase 4: β is a quantile");
Show(new { QuantileOfRecorded = Quantiles.Quantile(robotQ, 1 - aim.Gate.Delta), GateBeta = aim.Gate.Beta, AskedForHelp = session.Steps.Skip(start).Count(s => s.AskedForHelp) / (double)robotQ.Length });

// ## Phase 5: update and evaluate

// Cell 24
Aim.Interactive.Lessons.Lesson.Cell(24, "Phase 5: update and evaluate");
session.Trainer.Update();
var point = session.Trainer.Evaluate();
Show(point.Metrics.Where(m => m.Key.StartsWith("gate/") || m.Key.StartsWith("train/") || m.Key.StartsWith("eval/success") || m.Key == MetricNames.ExpertCost)
    .ToDictionary(m => m.Key, m => Math.Round(m.Value, 3)));

// ## Phase 6: the rest of the run, live

// Cell 26
Aim.Interactive.Lessons.Lesson.Cell(26, "Phase 6: the rest of the run, live");
using (var progress = Progress.Start("AIM", total: trainerOptions.TotalEnvSteps))
{
    var report = new EvaluationProgress(p => progress.Report((int)p.EnvSteps, $"expert cost {p.ExpertCost:0}, test success {p.Success:P0}"));
    session.Trainer.AddObserver(report);
    session.Trainer.Train();
    session.Trainer.RemoveObserver(report);
}
Show($"{session.Trainer.EnvSteps} steps, expert cost {session.Trainer.ExpertCost}, realised switch rate {session.Trainer.RealisedSwitchRate:F3} (δ = {aim.Gate.Delta})");

// ## The learning curve

// Cell 28
Aim.Interactive.Lessons.Lesson.Cell(28, "The learning curve");
var history = session.Trainer.History;
Show(Chart.Line<double, double, string>(x: history.Select(p => p.ExpertCost).ToArray(), y: history.Select(p => p.Success).ToArray(), Name: "AIM", ShowMarkers: true)
    .WithTitle($"{Task}: test success vs expert cost")
    .WithAxisTitles(x: "expert cost (expert-controlled steps)", y: "test success rate")
    .WithYAxisStyle<double, double, string>(MinMax: Tuple.Create(0.0, 1.0)));

// Cell 30
Aim.Interactive.Lessons.Lesson.Cell(30, "The learning curve");
var perEpisode = session.Steps.GroupBy(s => s.Episode).Select(g => (Episode: g.Key, Share: g.Count(s => s.Controller == Controller.Expert) / (double)g.Count())).ToArray();
Show(Chart.Line<int, double, string>(x: perEpisode.Select(e => e.Episode).ToArray(), y: perEpisode.Select(e => e.Share).ToArray(), Name: "expert share", ShowMarkers: true)
    .WithTitle("expert-controlled share of each training episode")
    .WithAxisTitles(x: "training episode", y: "share of the episode's steps"));

// Cell 31
Aim.Interactive.Lessons.Lesson.Cell(31, "The learning curve");
session.Dispose();

// ## Summary
// ## Exercises

// Cell 33
Aim.Interactive.Lessons.Lesson.Cell(33, "Exercises");
double? myRate = null; // exercise 1: your computed fraction

double rate = session.Trainer.RealisedSwitchRate;
Show(myRate is null ? "Exercise 1: set myRate and run this cell again."
    : Math.Abs(myRate.Value - rate) < 1e-9 ? $"Exercise 1: correct, {rate:F3}."
    : "Exercise 1: not quite. Count AskedForHelp among the steps with Previous == Controller.Robot, and divide by the number of such steps.");

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
