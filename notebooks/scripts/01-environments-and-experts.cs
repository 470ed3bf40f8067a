#:project ../../src/Aim.Interactive/Aim.Interactive.csproj
#:property ImplicitUsings=disable

// Generated from notebooks/01-environments-and-experts.ipynb by tools/NotebookTwins: do not edit. Change the notebook, then run
//   dotnet run --project tools/NotebookTwins
// The notebook's C# cells in order, as a file-based app: dotnet run notebooks/scripts/01-environments-and-experts.cs [output-folder]
// (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
// with Show(…) is printed here, or written to the output folder (default artifacts/scripts/01-environments-and-experts/): charts as
// HTML pages, frames as PNG images.
// As a lesson, cell by cell: dotnet run notebooks/scripts/01-environments-and-experts.cs -- --step
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
using Aim.Core.Random;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Expert;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;
using Aim.Experiments.Catalog;
using Aim.Experiments.Charts;
using Aim.Interactive;
using Aim.Interactive.Charts;
using Aim.Interactive.Inspection;
using static Aim.Interactive.CellOutput;

// The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
// #r "nuget: Aim.Interactive" does in a notebook (its kernel extension initialises the library).
Aim.Interactive.Lessons.Lesson.Start("01-environments-and-experts", [5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33], args);
Aim.Interactive.Notebook.Initialize();

// # 01 · Environments and experts

// Cell 2 (notebook only): register the repository's local package feed (artifacts/packages), found by walking up from the working directory.

// Cell 3
// #r "nuget: Aim.Interactive, 0.1.0-dev": a #: directive at the top of the twin

// Cell 5
Aim.Interactive.Lessons.Lesson.Cell(5, "01 · Environments and experts");
Show($"fast mode {Notebook.IsFast}; {TaskCatalog.Names.Count} tasks");

// ## 1. The tasks

// Cell 7
Aim.Interactive.Lessons.Lesson.Cell(7, "1. The tasks");
Show(TaskCatalog.Names);

// ## 2. Draw a grid task

// Cell 9
Aim.Interactive.Lessons.Lesson.Cell(9, "2. Draw a grid task");
var env = GridTasks.Create("multiroom-6");
env.Reset(seed: 1);
Show(env.Render());

// Cell 11
Aim.Interactive.Lessons.Lesson.Cell(11, "2. Draw a grid task");
Show(GridCharts.Grid(MiniGridInterop.Encode(env), env.AgentX, env.AgentY, env.AgentDirection, title: "multiroom-6, layout 1"));

// ## 3. Watch the expert

// Cell 13
Aim.Interactive.Lessons.Lesson.Cell(13, "3. Watch the expert");
var expert = new ShortestPathExpert(env);
var path = new List<(int X, int Y)> { (env.AgentX, env.AgentY) };
StepResult<byte[]> step;
do
{
    step = env.Step(expert.Act());
    path.Add((env.AgentX, env.AgentY));
}
while (!step.Done);
Show($"{path.Count - 1} actions, success {step.Info.IsSuccess}, return {step.Reward:F3}");

// Cell 15
Aim.Interactive.Lessons.Lesson.Cell(15, "3. Watch the expert");
env.Reset(seed: 1);
Show(GridCharts.Grid(MiniGridInterop.Encode(env), env.AgentX, env.AgentY, env.AgentDirection, title: "the expert's path").WithPath(path, pathName: "expert"));

// ## 4. What the agent sees

// Cell 17
Aim.Interactive.Lessons.Lesson.Cell(17, "4. What the agent sees");
Show(env.ObservationSpace);

// Cell 19
Aim.Interactive.Lessons.Lesson.Cell(19, "4. What the agent sees");
byte[] image = env.GetImage();
var view = new int[GridEnv.ViewSize, GridEnv.ViewSize, 3];
for (int i = 0; i < image.Length; i++) view[i / 21, i / 3 % 7, i % 3] = image[i];
Show(GridCharts.Grid(view, agentX: 3, agentY: 6, agentDir: 3, title: "the agent's 7×7 view"));

// ## 5. Lava: safety-critical states

// Cell 21
Aim.Interactive.Lessons.Lesson.Cell(21, "5. Lava: safety-critical states");
var lava = GridTasks.Create("lavacrossing-s9n2");
lava.Reset(seed: 3);
var danger = new double[lava.Width, lava.Height];
for (int x = 0; x < lava.Width; x++)
    for (int y = 0; y < lava.Height; y++)
        danger[x, y] = !GridQMap.IsStandable(lava.CellAt(x, y)) ? double.NaN
            : Enumerable.Range(0, 4).Count(d => lava.CellAt(x + GridDirection.Dx(d), y + GridDirection.Dy(d)).Type == GridObjectType.Lava);
Show(GridCharts.Grid(MiniGridInterop.Encode(lava), lava.AgentX, lava.AgentY, lava.AgentDirection, danger, "lava neighbours", "lavacrossing-s9n2, layout 3"));

// Cell 23
Aim.Interactive.Lessons.Lesson.Cell(23, "5. Lava: safety-critical states");
var (fx, fy, fd) = (from x in Enumerable.Range(1, lava.Width - 2) from y in Enumerable.Range(1, lava.Height - 2) from d in Enumerable.Range(0, 4)
                    where GridQMap.IsStandable(lava.CellAt(x, y)) && lava.CellAt(x + GridDirection.Dx(d), y + GridDirection.Dy(d)).Type == GridObjectType.Lava
                    select (x, y, d)).First();
var probe = MiniGridInterop.CreateEnv(MiniGridInterop.Encode(lava), fx, fy, fd, lava.MaxSteps);
probe.Reset();
var fall = probe.Step((int)GridAction.Forward);
Show($"from ({fx}, {fy}) facing {fd}: terminated {fall.Terminated}, reward {fall.Reward}, cost {fall.Info.Cost}");

// ## 6. The driving task

// Cell 25
Aim.Interactive.Lessons.Lesson.Cell(25, "6. The driving task");
var drive = new DrivingEnv(DrivingEnvOptions.Toy);
drive.Reset(seed: 0);
Show(drive.RenderMap(500));

// Cell 27
Aim.Interactive.Lessons.Lesson.Cell(27, "6. The driving task");
Show(drive.Render());

// Cell 29
Aim.Interactive.Lessons.Lesson.Cell(29, "6. The driving task");
var driver = new DrivingExpert(drive, new Rng(0));
var route = new List<(double X, double Y, double Value)>();
var observation = drive.Reset(seed: 0).Observation;
StepResult<float[]> move;
do
{
    move = drive.Step(driver.Act(observation));
    observation = move.Observation;
    route.Add((drive.Ego.X, drive.Ego.Y, drive.Ego.Speed * 3.6));
}
while (!move.Done);
Show($"{route.Count} steps, arrived {move.Info.IsSuccess}, route completion {move.Info.RouteCompletion:P0}");

// Cell 31
Aim.Interactive.Lessons.Lesson.Cell(31, "6. The driving task");
var sketch = drive.Sketch();
Show(DrivingCharts.RoutePlot(sketch.RoadEdges, sketch.LaneLines, route, "speed (km/h)", hazards: sketch.Hazards)
    .WithTitle("driving-toy: the expert's route"));

// ## Summary
// ## Exercises

// Cell 33
Aim.Interactive.Lessons.Lesson.Cell(33, "Exercises");
int? myLavaCount = null; // exercise 1: your answer here

var exercise = GridTasks.Create("lavacrossing-s9n3");
exercise.Reset(seed: 0);
int lavaCells = exercise.Cells.ToArray().Count(c => c.Type == GridObjectType.Lava);
Show(myLavaCount is null ? "Exercise 1: set myLavaCount and run this cell again."
    : myLavaCount == lavaCells ? "Exercise 1: correct." : $"Exercise 1: not quite, {myLavaCount} is not the number of lava cells.");

// End of the notebook
Aim.Interactive.Lessons.Lesson.End();
