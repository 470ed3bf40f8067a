#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/09-reproducing-the-released-grid-experiment.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/09-reproducing-the-released-grid-experiment.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/09-reproducing-the-released-grid-experiment/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/09-reproducing-the-released-grid-experiment.cs -- --step
// pauses after each cell (Enter continues); --cell N runs to cell N; --break stops before each cell under a
// debugger (.vscode/launch.json).

// The C# kernel's default namespaces (the SDK's implicit usings differ), then the notebook's usings.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Interactive;
using static Aim.Interactive.CellOutput;

// The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
// #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library).
Aim.Interactive.Lessons.Lesson.Start("09-reproducing-the-released-grid-experiment", [4, 6, 8, 10, 12, 14], args);
Aim.Interactive.Notebook.Initialize();

// # 09 · Reproducing the released grid experiment

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 4
Aim.Interactive.Lessons.Lesson.Cell(4, "09 · Reproducing the released grid experiment");
// Nothing here trains: both sides are measured results, so fast mode (AIM_FAST=1) draws the same.
Show($"fast mode {Notebook.IsFast}");

// ## 1. The released code's runs

// Cell 6
Aim.Interactive.Lessons.Lesson.Cell(6, "1. The released code's runs");
var reference = ReferenceRuns.Load("released-aim-minigrid");
Show(reference.Seeds);

// Cell 8
Aim.Interactive.Lessons.Lesson.Cell(8, "1. The released code's runs");
Show(reference.Curve(0));

// ## 2. Our port's runs

// Cell 10
Aim.Interactive.Lessons.Lesson.Cell(10, "2. Our port's runs");
var ours = PublishedResults.Load("aim-code-minigrid");
Show(ComparisonTable.Build(ours, targetSuccess: 0.5));

// ## 3. Side by side: success against expert steps

// Cell 12
Aim.Interactive.Lessons.Lesson.Cell(12, "3. Side by side: success against expert steps");
Show(ReportCharts.SuccessVsExpertCostBesideReference(ours, reference));

// ## 4. Per seed

// Cell 14
Aim.Interactive.Lessons.Lesson.Cell(14, "4. Per seed");
Show(ReferenceComparison.PerSeed(ours, reference));

// ## Summary
// ## Exercises

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
