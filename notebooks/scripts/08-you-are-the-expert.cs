#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/08-you-are-the-expert.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/08-you-are-the-expert.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/08-you-are-the-expert/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/08-you-are-the-expert.cs -- --step
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
using Aim.Interactive.Play;
using static Aim.Interactive.CellOutput;

// The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
// #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library).
Aim.Interactive.Lessons.Lesson.Start("08-you-are-the-expert", [6, 8, 10, 11, 13, 15], args);
Aim.Interactive.Notebook.Initialize();

// # 08 · You are the expert: a person in the loop

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 4: using directives only (at the top of the twin)

// ## 1. Start a session

// Cell 6
Aim.Interactive.Lessons.Lesson.Cell(6, "1. Start a session");
string root = Path.Combine(Path.GetTempPath(), "aim-notebooks", "08-you-are-the-expert", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
var settings = Notebook.Fast(
    new Dictionary<string, string>(),
    new Dictionary<string, string> { ["total_env_steps"] = "150", ["warm_up_steps"] = "40", ["eval_every"] = "55", ["eval_episodes"] = "5" });
var play = PlayLink.Start("lavacrossing-s9n1", "aim", seed: 0, outputRoot: root, settings: settings,
    stepDelay: Notebook.Fast<TimeSpan?>(null, TimeSpan.Zero), plannerStandsIn: Notebook.IsFast);
Show(play);

// ## 2. Play

// Cell 8
Aim.Interactive.Lessons.Lesson.Cell(8, "2. Play");
// Unattended (AIM_FAST=1): the planner presses the keys; wait until it has played the budget. Interactively this
// cell only reports.
if (Notebook.IsFast)
{
    play.WaitUntilEnded();
}

Show(play.HasEnded
    ? "The session has ended."
    : "The session is running: play in the page, then run the next cell (it stops the session and keeps what was played).");

// ## 3. Your run beside the simulated expert's

// Cell 10
Aim.Interactive.Lessons.Lesson.Cell(10, "3. Your run beside the simulated expert's");
RunRecord mine = play.Finish();
RunResult simulated = ExperimentRunner.Run(play.Spec, root);
ResultSet both = ResultSet.Load(root);
Show(ComparisonTable.Build(both, targetSuccess: 0.5));

// Cell 11
Aim.Interactive.Lessons.Lesson.Cell(11, "3. Your run beside the simulated expert's");
Show(ReportCharts.SuccessVsExpertCost(both));

// ## 4. Your session as a dataset

// Cell 13
Aim.Interactive.Lessons.Lesson.Cell(13, "4. Your session as a dataset");
string dataset = Path.Combine(mine.Directory, "dataset");
var data = Aim.Learning.Datasets.MinariDataset.Load(dataset);
Show(new { Episodes = data.Episodes.Count, Steps = data.TotalSteps, YourLabels = Aim.Learning.Datasets.Demonstrations.LabelledSteps(data).Count });

// Cell 15
Aim.Interactive.Lessons.Lesson.Cell(15, "4. Your session as a dataset");
var fromYou = new RunSpec("lavacrossing-s9n1", "bc",
    new Aim.Learning.Training.TrainerOptions { Seed = 1, Demonstrations = dataset, WarmUpSteps = 0, TotalEnvSteps = 1, EvalEvery = 0, EvalEpisodes = 20, LogSteps = false });
RunResult clone = ExperimentRunner.Run(fromYou, Path.Combine(root, "bc-from-your-session"));
Show(new { Labels = Aim.Learning.Datasets.Demonstrations.LabelledSteps(data).Count, clone.Final.Success });

// ## Summary

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
