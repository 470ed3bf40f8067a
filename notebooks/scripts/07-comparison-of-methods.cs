#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/07-comparison-of-methods.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/07-comparison-of-methods.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/07-comparison-of-methods/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/07-comparison-of-methods.cs -- --step
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
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Interactive;
using Aim.Learning.Training;
using static Aim.Interactive.CellOutput;

// The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
// #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library).
Aim.Interactive.Lessons.Lesson.Start("07-comparison-of-methods", [6, 8, 10, 12, 13, 15, 17, 19, 21, 23, 25], args);
Aim.Interactive.Notebook.Initialize();

// # 07 · Comparison of methods: AIM against its baselines

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 4: using directives only (at the top of the twin)

// ## 1. The experiment

// Cell 6
Aim.Interactive.Lessons.Lesson.Cell(6, "1. The experiment");
var task = Notebook.Fast("multiroom-6", "multiroom-n2-s4");
var methods = new[] { "aim", "thrifty", "hg-dagger" };
int seeds = Notebook.Fast(3, 1);
var trainer = new TrainerOptions
{
    TotalEnvSteps = Notebook.Fast(2000, 300), WarmUpSteps = Notebook.Fast(200, 100),
    EvalEvery = Notebook.Fast(200, 100), EvalEpisodes = Notebook.Fast(50, 10), LogSteps = false,
};
Show(trainer);

// ## 2. Run every method × seed

// Cell 8
Aim.Interactive.Lessons.Lesson.Cell(8, "2. Run every method × seed");
string root = Path.Combine(Path.GetTempPath(), "aim-notebooks", "07-comparison", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
var live = LiveDisplay.Show("starting");
ResultSet results = MethodComparison.Run(task, methods, seeds, trainer, root, status => live.Update(status));
live.Complete($"{results.Runs.Count} runs written to {root}");

// ## 3. The table in the paper's shape

// Cell 10
Aim.Interactive.Lessons.Lesson.Cell(10, "3. The table in the paper's shape");
var table = ComparisonTable.Build(results, targetSuccess: 0.5);
Show(table);

// ## 4. Learning curves against the expert's cost

// Cell 12
Aim.Interactive.Lessons.Lesson.Cell(12, "4. Learning curves against the expert's cost");
Show(ReportCharts.SuccessVsExpertCost(results));

// Cell 13
Aim.Interactive.Lessons.Lesson.Cell(13, "4. Learning curves against the expert's cost");
Show(ReportCharts.SuccessVsEnvSteps(results));

// ### The same comparison at full budget

// Cell 15
Aim.Interactive.Lessons.Lesson.Cell(15, "The same comparison at full budget");
var fullGrid = PublishedResults.Load("grid-comparison");
Show(ComparisonTable.Build(fullGrid, targetSuccess: 0.5));
Show(ReportCharts.SuccessVsExpertCost(fullGrid.ForTask("lavacrossing-s9n1")));
Show(ReportCharts.SuccessVsExpertCost(fullGrid.ForTask("multiroom-6")));

// Cell 17
Aim.Interactive.Lessons.Lesson.Cell(17, "The same comparison at full budget");
var fullDriving = PublishedResults.Load("driving-table");
Show(ComparisonTable.Build(fullDriving, targetSuccess: 0.5));
Show(ReportCharts.SuccessVsExpertCost(fullDriving));

// ## 5. How often each gate asked, against its target

// Cell 19
Aim.Interactive.Lessons.Lesson.Cell(19, "5. How often each gate asked, against its target");
Show(ReportCharts.SwitchRate(results));

// ## 6. Where the gates ask: lava ahead against elsewhere

// Cell 21
Aim.Interactive.Lessons.Lesson.Cell(21, "6. Where the gates ask: lava ahead against elsewhere");
var lavaTrainer = trainer with { TotalEnvSteps = Notebook.Fast(2000, 400) };
var lavaLive = LiveDisplay.Show("starting");
ResultSet lava = MethodComparison.Run("lavacrossing-s9n1", new[] { "aim", "thrifty" }, seeds, lavaTrainer, Path.Combine(root, "lava"), status => lavaLive.Update(status));
lavaLive.Complete($"{lava.Runs.Count} runs on lavacrossing-s9n1");
Show(ReportCharts.SafetyCriticalRequests(lava));

// ## 7. Per-run data with Deedle

// Cell 23
Aim.Interactive.Lessons.Lesson.Cell(23, "7. Per-run data with Deedle");
var runs = results.ToRunFrame(targetSuccess: 0.5);
Show(SeedAggregation.Aggregate(runs, new[] { "Method" }, new[] { "FinalSuccess", "BestSuccess", "ExpertData", "Seconds" }));

// ## Summary
// ## Exercises

// Cell 25
Aim.Interactive.Lessons.Lesson.Cell(25, "Exercises");
// Checker for exercise 1: mean expert cost to reach 0.5 per method (NaN when no seed reached it).
Show(results.Summaries(0.5).GroupBy(s => s.Method)
    .Select(g => new { Method = g.Key, CostToHalf = g.Where(s => !double.IsNaN(s.CostToTarget)).Select(s => s.CostToTarget).DefaultIfEmpty(double.NaN).Average() }));

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
