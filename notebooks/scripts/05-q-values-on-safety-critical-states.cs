#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/05-q-values-on-safety-critical-states.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/05-q-values-on-safety-critical-states.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/05-q-values-on-safety-critical-states/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/05-q-values-on-safety-critical-states.cs -- --step
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
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Interactive;
using Aim.Interactive.Charts;
using Aim.Interactive.Inspection;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Deedle;
using static Aim.Interactive.CellOutput;

// The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
// #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library).
Aim.Interactive.Lessons.Lesson.Start("05-q-values-on-safety-critical-states", [4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 23, 25, 26, 28, 29, 30, 32, 34], args);
Aim.Interactive.Notebook.Initialize();

// # 05 · Q-values on safety-critical states

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 4
Aim.Interactive.Lessons.Lesson.Cell(4, "05 · Q-values on safety-critical states");
Show($"fast mode {Notebook.IsFast}");

// ## Hyper-parameters

// Cell 6
Aim.Interactive.Lessons.Lesson.Cell(6, "Hyper-parameters");
const string Task = "lavacrossing-s9n1";
var trainerOptions = new TrainerOptions
{
    Seed = 1,
    TotalEnvSteps = Notebook.Fast(full: 2_000, fast: 460),
    WarmUpSteps = Notebook.Fast(full: 200, fast: 100),
    EvalEvery = 0,                                        // evaluate only when asked
    EvalEpisodes = Notebook.Fast(full: 50, fast: 10),
};
var aimOverrides = new Dictionary<string, string>
{
    ["policy.initial_steps"] = Notebook.Fast(full: "1000", fast: "300"),
    ["policy.steps_per_update"] = Notebook.Fast(full: "100", fast: "50"),
    ["q_initial_steps"] = Notebook.Fast(full: "200", fast: "50"),
};
int phases = Notebook.Fast(full: 6, fast: 3);
int stepsPerPhase = (trainerOptions.TotalEnvSteps - trainerOptions.WarmUpSteps) / phases;

// ## Q<sup>I</sup> after the warm-up

// Cell 8
Aim.Interactive.Lessons.Lesson.Cell(8, "QI after the warm-up");
var session = InspectionSession.Create(Task, "aim", trainerOptions, aimOverrides);
session.Trainer.WarmUp();
var reference = GridTasks.Create(Task);
reference.Reset(seed: 1000);
Show(reference.Render());

// Cell 10
Aim.Interactive.Lessons.Lesson.Cell(10, "QI after the warm-up");
var map = GridQMap.Compute(reference, session.Aim!);
string[] directions = ["east", "south", "west", "north"];
var layout = MiniGridInterop.Encode(reference);
Show(QValueCharts.Slider(
    Enumerable.Range(0, 4).Select(d => (directions[d], QValueCharts.GridQ(layout, map.RobotQ(d), range: map.RobotQRange()))).ToList(),
    prefix: "agent facing ", title: "Q^I(s, π(s)) after the warm-up"));

// Cell 12
Aim.Interactive.Lessons.Lesson.Cell(12, "QI after the warm-up");
Show(QValueCharts.GridQ(layout, map.RobotQMaxOverDirections(), "max over directions", title: "Q^I(s, π(s)), worst direction, after the warm-up"));

// ## Training in phases, with snapshots

// Cell 14
Aim.Interactive.Lessons.Lesson.Cell(14, "Training in phases, with snapshots");
var snapshots = new List<(string Label, Plotly.NET.GenericChart Chart)>();
using (var progress = Progress.Start("phases", total: phases))
{
    for (int k = 1; k <= phases; k++)
    {
        session.Trainer.CollectSteps(stepsPerPhase);
        var point = session.Trainer.Evaluate();
        snapshots.Add(($"{session.Trainer.EnvSteps} steps", session.EpisodeChart(session.LastFinishedEpisode())));
        progress.Report(k, $"expert cost {point.ExpertCost:0}, test success {point.Success:P0}");
    }
}
Show($"{snapshots.Count} snapshots");

// Cell 16
Aim.Interactive.Lessons.Lesson.Cell(16, "Training in phases, with snapshots");
Show(QValueCharts.Slider(snapshots, prefix: "after ", title: "Q^I, the path and the requests for help over training"));

// Cell 18
Aim.Interactive.Lessons.Lesson.Cell(18, "Training in phases, with snapshots");
var trained = GridQMap.Compute(reference, session.Aim!);
Show(QValueCharts.GridQ(layout, trained.RobotQMaxOverDirections(), "max over directions", title: "Q^I(s, π(s)), worst direction, after training"));

// ## Does the robot ask for help next to lava?

// Cell 20
Aim.Interactive.Lessons.Lesson.Cell(20, "Does the robot ask for help next to lava?");
string Situation(GateStep s)
{
    int[,,] l = session.Layout(s.Episode)!; int x = (int)s.Pose.X, y = (int)s.Pose.Y, d = (int)s.Pose.Heading;
    bool IsLava(int dir) => l[x + GridDirection.Dx(dir), y + GridDirection.Dy(dir), 0] == (int)GridObjectType.Lava;
    return IsLava(d) ? "lava ahead" : Enumerable.Range(0, 4).Any(IsLava) ? "lava beside or behind" : "no lava next to it";
}
var robotSteps = session.Steps.Where(s => s.Previous == Controller.Robot).ToArray();
Show(Frame.FromRecords(robotSteps.GroupBy(Situation).Select(g => new { Situation = g.Key, RobotDecisions = g.Count(), AskedForHelp = g.Count(s => s.AskedForHelp), Rate = Math.Round(g.Count(s => s.AskedForHelp) / (double)g.Count(), 3) })));

// Cell 22
Aim.Interactive.Lessons.Lesson.Cell(22, "Does the robot ask for help next to lava?");
var logged = session.Trainer.Evaluate();
Show(new
{
    RequestRateLavaAhead = logged[MetricNames.RequestRateSafetyCritical],
    RequestRateElsewhere = logged[MetricNames.RequestRateOther],
    QLavaAhead = logged[MetricNames.ScoreSafetyCritical],
    QElsewhere = logged[MetricNames.ScoreOther],
    PositiveLabelFraction = logged[AimMethod.QPositiveFractionMetric],
});

// Cell 23
Aim.Interactive.Lessons.Lesson.Cell(23, "Does the robot ask for help next to lava?");
session.Dispose();

// ### The signature at full budget

// Cell 25
Aim.Interactive.Lessons.Lesson.Cell(25, "The signature at full budget");
var labels = PublishedResults.Load("aim-labels").ForTask("lavacrossing-s9n1");
Show(ReportCharts.SafetyCriticalRequests(labels));
Show(ReportCharts.SafetyCriticalQ(labels));

// Cell 26
Aim.Interactive.Lessons.Lesson.Cell(26, "The signature at full budget");
Show(ReportCharts.SafetyCriticalRequests(PublishedResults.Load("grid-comparison")));

// ## The driving task: Q<sup>I</sup> along the route

// Cell 28
Aim.Interactive.Lessons.Lesson.Cell(28, "The driving task: QI along the route");
var driving = InspectionSession.Create("driving-toy", "aim", new TrainerOptions
{
    Seed = 0, TotalEnvSteps = Notebook.Fast(full: 3_000, fast: 1_200), WarmUpSteps = 200, EvalEvery = 0, EvalEpisodes = 1,
}, Notebook.Fast<Dictionary<string, string>>(full: new(), fast: new() { ["policy.initial_steps"] = "1000", ["policy.steps_per_update"] = "20", ["q_initial_steps"] = "50" }));
using (var progress = Progress.Start("driving", total: driving.Trainer.Options.TotalEnvSteps))
{
    var report = new EvaluationProgress(p => progress.Report((int)p.EnvSteps, $"expert cost {p.ExpertCost:0}, route completion {p[MetricNames.EvalRouteCompletion]:P0}"));
    driving.Trainer.AddObserver(report);
    driving.Trainer.Train();
    driving.Trainer.RemoveObserver(report);
}
// The finished training episode in which the robot drove longest (the last one may have ended after a few metres).
int longestDrive = driving.Steps.Where(s => s.Episode < driving.Trainer.Episodes && s.Previous == Controller.Robot).GroupBy(s => s.Episode).MaxBy(g => g.Count())!.Key;
Show($"{driving.Trainer.Episodes} training episodes, expert cost {driving.Trainer.ExpertCost}; drawing episode {longestDrive}");

// Cell 29
Aim.Interactive.Lessons.Lesson.Cell(29, "The driving task: QI along the route");
Show(driving.EpisodeChart(longestDrive).WithTitle($"driving-toy, training episode {longestDrive}: Q^I(s, a_r) and requests for help"));

// Cell 30
Aim.Interactive.Lessons.Lesson.Cell(30, "The driving task: QI along the route");
driving.Dispose();

// Cell 32
Aim.Interactive.Lessons.Lesson.Cell(32, "The driving task: QI along the route");
Show(ReportCharts.SafetyCriticalRequests(PublishedResults.Load("driving-table")));

// ## Summary
// ## Exercises

// Cell 34
Aim.Interactive.Lessons.Lesson.Cell(34, "Exercises");
double? myLavaAheadRate = null; // exercise 1: your answer

var ahead = robotSteps.Where(s => Situation(s) == "lava ahead").ToArray();
double truth = ahead.Length == 0 ? double.NaN : ahead.Count(s => s.AskedForHelp) / (double)ahead.Length;
Show(myLavaAheadRate is null ? "Exercise 1: set myLavaAheadRate and run this cell again."
    : Math.Abs(myLavaAheadRate.Value - truth) < 1e-9 ? $"Exercise 1: correct, {truth:F3}."
    : "Exercise 1: not quite. Keep the steps whose Situation is \"lava ahead\", then divide the number that asked for help by their count.");

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
