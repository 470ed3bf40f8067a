#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/06-thrifty-dagger.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/06-thrifty-dagger.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/06-thrifty-dagger/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/06-thrifty-dagger.cs -- --step
// pauses after each cell (Enter continues); --cell N runs to cell N; --break stops before each cell under a
// debugger (.vscode/launch.json).

// The C# kernel's default namespaces (the SDK's implicit usings differ), then the notebook's usings.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.IO;
using Aim.Experiments.Charts;
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Interactive;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Training;
using Plotly.NET.CSharp;
using static Aim.Interactive.CellOutput;

// The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
// #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library).
Aim.Interactive.Lessons.Lesson.Start("06-thrifty-dagger", [6, 8, 10, 12, 14, 16, 17, 18, 20], args);
Aim.Interactive.Notebook.Initialize();

// # 06 · Thrifty-DAgger: novelty, risk and their thresholds

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 4: using directives only (at the top of the twin)

// ## 1. A Thrifty-DAgger run, one phase at a time

// Cell 6
Aim.Interactive.Lessons.Lesson.Cell(6, "1. A Thrifty-DAgger run, one phase at a time");
var task = Notebook.Fast("multiroom-6", "multiroom-n2-s4");
var options = new TrainerOptions
{
    Seed = 1, TotalEnvSteps = Notebook.Fast(2000, 400), WarmUpSteps = Notebook.Fast(200, 100),
    EvalEvery = Notebook.Fast(200, 100), EvalEpisodes = Notebook.Fast(50, 10),
};
string runDir = Path.Combine(Path.GetTempPath(), "aim-notebooks", "06-thrifty", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
var trainer = Experiment.Grid(task, "thrifty", options, runDirectory: runDir);
var thrifty = (ThriftyMethod)trainer.Method;
Show(thrifty.Options);

// ## 2. Warm-up, and the thresholds it sets

// Cell 8
Aim.Interactive.Lessons.Lesson.Cell(8, "2. Warm-up, and the thresholds it sets");
trainer.WarmUp();
Show(new { thrifty.Gate.NoveltyThreshold, thrifty.Gate.RiskThreshold, thrifty.Gate.HandBackRiskThreshold, thrifty.Gate.DiscrepancyThreshold });

// ## 3. Novelty on the expert's own states

// Cell 10
Aim.Interactive.Lessons.Lesson.Cell(10, "3. Novelty on the expert's own states");
double[] novelty = thrifty.Ensemble.Novelties(trainer.Context.Human);
Show(Chart.Histogram<double, double, string>(X: novelty, NBinsX: 40, Name: "warm-up states")
    .WithTitle($"Ensemble novelty on the warm-up states (β_H = {thrifty.Gate.NoveltyThreshold:0.0000})")
    .WithAxisTitles(x: "novelty (mean variance of the members' action probabilities)", y: "states"));

// ## 4. The gate at work for one episode

// Cell 12
Aim.Interactive.Lessons.Lesson.Cell(12, "4. The gate at work for one episode");
int steps = trainer.CollectEpisode();
Show(new { steps, trainer.ExpertCost, trainer.SwitchesToHuman, trainer.SwitchesToRobot, RealisedRate = trainer.RealisedSwitchRate, Target = thrifty.Options.Alpha });

// ## 5. Train to the end of the budget

// Cell 14
Aim.Interactive.Lessons.Lesson.Cell(14, "5. Train to the end of the budget");
var live = LiveDisplay.Show("training");
trainer.AddObserver(new EvaluationProgress(point => live.Update(point.ToString())));
trainer.Train();
live.Complete(trainer.History[^1].ToString());
trainer.Dispose();

// ## 6. The thresholds over training

// Cell 16
Aim.Interactive.Lessons.Lesson.Cell(16, "6. The thresholds over training");
var results = ResultSet.Load(runDir);
Show(ReportCharts.Metric(results, MetricNames.EnvSteps, ThriftyMethod.NoveltyThresholdMetric, "Novelty threshold β_H over training", "environment steps", "β_H"));

// Cell 17
Aim.Interactive.Lessons.Lesson.Cell(17, "6. The thresholds over training");
Show(ReportCharts.SwitchRate(results));

// Cell 18
Aim.Interactive.Lessons.Lesson.Cell(18, "6. The thresholds over training");
Show(ReportCharts.SuccessVsExpertCost(results));

// ## Summary
// ## Exercises

// Cell 20
Aim.Interactive.Lessons.Lesson.Cell(20, "Exercises");
// Checker for exercise 3: the initial β_H is the (1 − α)-quantile of the warm-up novelty.
Show(Aim.Learning.Stats.Quantiles.Quantile(novelty, 1 - thrifty.Options.Alpha));

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
