#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/00-setup.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/00-setup.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/00-setup/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/00-setup.cs -- --step
// pauses after each cell (Enter continues); --cell N runs to cell N; --break stops before each cell under a
// debugger (.vscode/launch.json).

// The C# kernel's default namespaces (the SDK's implicit usings differ), then the notebook's usings.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Aim.Core.Envs;
using Aim.Experiments.Charts;
using Aim.Interactive;
using Deedle;
using Microsoft.Data.Analysis;
using Plotly.NET.CSharp;
using TorchSharp;
using static Aim.Interactive.CellOutput;

// The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
// #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library).
Aim.Interactive.Lessons.Lesson.Start("00-setup", [6, 8, 10, 12, 14, 15, 16, 18], args);
Aim.Interactive.Notebook.Initialize();

// # 00 · Setup: check the notebook toolchain

// ## 1. Load the library

// Cell 3 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 4
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 6
Aim.Interactive.Lessons.Lesson.Cell(6, "1. Load the library");
Show($"TorchSharp {typeof(torch).Assembly.GetName().Version}, torch threads {torch.get_num_threads()}, fast mode {Notebook.IsFast}");

// ## 2. Train a tiny network

// Cell 8
Aim.Interactive.Lessons.Lesson.Cell(8, "2. Train a tiny network");
torch.manual_seed(0);
var x = torch.linspace(-3, 3, 256).unsqueeze(1);
var y = torch.sin(x);
var model = torch.nn.Sequential(torch.nn.Linear(1, 32), torch.nn.Tanh(), torch.nn.Linear(32, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.02);
int steps = Notebook.Fast(full: 1000, fast: 200);
Show($"{steps} steps, {model.parameters().Sum(p => p.numel())} parameters");

// Cell 10
Aim.Interactive.Lessons.Lesson.Cell(10, "2. Train a tiny network");
var losses = new List<double>();
using (var progress = Progress.Start("train", total: steps))
{
    for (int step = 1; step <= steps; step++)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = torch.nn.functional.mse_loss(model.call(x), y);
        loss.backward();
        optimizer.step();
        losses.Add(loss.item<float>());
        progress.Report(step, $"loss {losses[^1]:G3}");
    }
}
Show($"MSE {losses[0]:G3} -> {losses[^1]:G3}");

// Cell 12
Aim.Interactive.Lessons.Lesson.Cell(12, "2. Train a tiny network");
Show(Chart.Line<int, double, string>(x: Enumerable.Range(1, losses.Count).ToArray(), y: losses.ToArray(), Name: "MSE")
    .WithTitle("Training loss")
    .WithAxisTitles(x: "gradient step", y: "MSE loss"));

// ## 3. Tables

// Cell 14
Aim.Interactive.Lessons.Lesson.Cell(14, "3. Tables");
double[] xs, targets, predictions;
using (torch.no_grad())
{
    xs = x.squeeze(1).data<float>().Select(v => (double)v).ToArray();
    targets = y.squeeze(1).data<float>().Select(v => (double)v).ToArray();
    predictions = model.call(x).squeeze(1).data<float>().Select(v => (double)v).ToArray();
}
var df = new DataFrame(new DoubleDataFrameColumn("x", xs), new DoubleDataFrameColumn("sin(x)", targets), new DoubleDataFrameColumn("network", predictions));
Show(df.Head(5));

// Cell 15
Aim.Interactive.Lessons.Lesson.Cell(15, "3. Tables");
var errors = Frame.FromRecords(xs.Select((v, i) => new { Region = v < -1 ? "left" : v > 1 ? "right" : "middle", AbsError = Math.Abs(predictions[i] - targets[i]) }));
Show(errors.AggregateRowsBy<double, double>(new[] { "Region" }, new[] { "AbsError" }, s => Stats.mean(s)));

// Cell 16
Aim.Interactive.Lessons.Lesson.Cell(16, "3. Tables");
Show(Chart.Combine(new[]
    {
        Chart.Line<double, double, string>(x: xs, y: targets, Name: "sin(x)"),
        Chart.Line<double, double, string>(x: xs, y: predictions, Name: "network"),
    })
    .WithTitle("What the network learned")
    .WithAxisTitles(x: "x", y: "y"));

// ## 4. Frames

// Cell 18
Aim.Interactive.Lessons.Lesson.Cell(18, "4. Frames");
var frame = new RgbFrame(7, 7);
frame.FillRect(0, 0, 7, 7, 40, 40, 40);
frame.FillRect(5, 5, 6, 6, 0, 200, 0);
frame.Set(1, 1, 230, 30, 30);
Show(frame);

// ## Summary
// ## Exercises

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
