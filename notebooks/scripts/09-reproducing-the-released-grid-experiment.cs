#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/09-reproducing-the-released-grid-experiment.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/09-reproducing-the-released-grid-experiment.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/09-reproducing-the-released-grid-experiment/): charts as
// HTML pages, frames as PNG images.

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

// What #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library), and where
// Show(…) writes in a twin.
Aim.Interactive.Notebook.Initialize();
Aim.Interactive.CellOutput.Script = Aim.Interactive.ScriptOutput.For("09-reproducing-the-released-grid-experiment", args);

// # 09 · Reproducing the released grid experiment

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 4
// Nothing here trains: both sides are measured results, so fast mode (AIM_FAST=1) draws the same.
Show($"fast mode {Notebook.IsFast}");

// ## 1. The released code's runs

// Cell 6
var reference = ReferenceRuns.Load("released-aim-minigrid");
Show(reference.Seeds);

// Cell 8
Show(reference.Curve(0));

// ## 2. Our port's runs

// Cell 10
var ours = PublishedResults.Load("aim-code-minigrid");
Show(ComparisonTable.Build(ours, targetSuccess: 0.5));

// ## 3. Side by side: success against expert steps

// Cell 12
Show(ReportCharts.SuccessVsExpertCostBesideReference(ours, reference));

// ## 4. Per seed

// Cell 14
Show(ReferenceComparison.PerSeed(ours, reference));

// ## Summary
// ## Exercises
