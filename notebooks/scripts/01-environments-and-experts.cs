#:project ../../src/Aim.Interactive/Aim.Interactive.csproj

// The experiment of notebooks/01-environments-and-experts.ipynb as a file-based app: draw the tasks, let the experts
// solve an episode, show the agent's view and the lava cells, and write every figure under
// artifacts/scripts/01-environments-and-experts/ (charts as offline HTML, frames as PNG).
//   dotnet run notebooks/scripts/01-environments-and-experts.cs [output-folder]
using Aim.Core.Envs;
using Aim.Core.Random;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Expert;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;
using Aim.Experiments.Charts;
using Aim.Experiments.Inspection;
using Aim.Experiments.Tasks;
using Aim.Interactive;

var output = ScriptOutput.For("01-environments-and-experts", args);
Console.WriteLine($"fast mode {Notebook.IsFast}; tasks: {string.Join(", ", TaskCatalog.Names)}");

// 2. A grid task as an image and as an interactive chart.
var env = GridTasks.Create("multiroom-6");
env.Reset(seed: 1);
output.Save(env.Render(), "multiroom-6");
output.Save(GridCharts.Grid(MiniGridInterop.Encode(env), env.AgentX, env.AgentY, env.AgentDirection, title: "multiroom-6, layout 1"), "multiroom-6-chart");

// 3. The expert solves the episode.
var expert = new ShortestPathExpert(env);
var path = new List<(int X, int Y)> { (env.AgentX, env.AgentY) };
StepResult<byte[]> step;
do
{
    step = env.Step(expert.Act());
    path.Add((env.AgentX, env.AgentY));
}
while (!step.Done);
Console.WriteLine($"expert: {path.Count - 1} actions, success {step.Info.IsSuccess}, return {step.Reward:F3}");
env.Reset(seed: 1);
output.Save(GridCharts.Grid(MiniGridInterop.Encode(env), env.AgentX, env.AgentY, env.AgentDirection, title: "the expert's path").WithPath(path, pathName: "expert"), "expert-path");

// 4. What the agent sees.
Console.WriteLine($"observation space: {env.ObservationSpace}");
byte[] image = env.GetImage();
var view = new int[GridEnv.ViewSize, GridEnv.ViewSize, 3];
for (int i = 0; i < image.Length; i++)
{
    view[i / 21, i / 3 % 7, i % 3] = image[i];
}

output.Save(GridCharts.Grid(view, agentX: 3, agentY: 6, agentDir: 3, title: "the agent's 7×7 view"), "agent-view");

// 5. Lava: how many lava neighbours each standable cell has, and what one wrong step costs.
var lava = GridTasks.Create("lavacrossing-s9n2");
lava.Reset(seed: 3);
var danger = new double[lava.Width, lava.Height];
for (int x = 0; x < lava.Width; x++)
{
    for (int y = 0; y < lava.Height; y++)
    {
        danger[x, y] = !GridQMap.IsStandable(lava.CellAt(x, y)) ? double.NaN
            : Enumerable.Range(0, 4).Count(d => lava.CellAt(x + GridDirection.Dx(d), y + GridDirection.Dy(d)).Type == GridObjectType.Lava);
    }
}

output.Save(GridCharts.Grid(MiniGridInterop.Encode(lava), lava.AgentX, lava.AgentY, lava.AgentDirection, danger, "lava neighbours", "lavacrossing-s9n2, layout 3"), "lava-neighbours");
var (fx, fy, fd) = (from x in Enumerable.Range(1, lava.Width - 2)
                    from y in Enumerable.Range(1, lava.Height - 2)
                    from d in Enumerable.Range(0, 4)
                    where GridQMap.IsStandable(lava.CellAt(x, y)) && lava.CellAt(x + GridDirection.Dx(d), y + GridDirection.Dy(d)).Type == GridObjectType.Lava
                    select (x, y, d)).First();
var probe = MiniGridInterop.CreateEnv(MiniGridInterop.Encode(lava), fx, fy, fd, lava.MaxSteps);
probe.Reset();
var fall = probe.Step((int)GridAction.Forward);
Console.WriteLine($"from ({fx}, {fy}) facing {fd}: terminated {fall.Terminated}, reward {fall.Reward}, cost {fall.Info.Cost}");

// 6. The driving task.
var drive = new DrivingEnv(DrivingEnvOptions.Toy);
drive.Reset(seed: 0);
output.Save(drive.RenderMap(500), "driving-toy-map");
output.Save(drive.Render(), "driving-toy-view");
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
Console.WriteLine($"driving expert: {route.Count} steps, arrived {move.Info.IsSuccess}, route completion {move.Info.RouteCompletion:P0}");
var sketch = drive.Sketch();
output.Save(DrivingCharts.RoutePlot(sketch.RoadEdges, sketch.LaneLines, route, "speed (km/h)", hazards: sketch.Hazards).WithTitle("driving-toy: the expert's route"), "driving-route");

// Exercise 1's answer.
var exercise = GridTasks.Create("lavacrossing-s9n3");
exercise.Reset(seed: 0);
Console.WriteLine($"exercise 1: lavacrossing-s9n3 layout 0 has {exercise.Cells.ToArray().Count(c => c.Type == GridObjectType.Lava)} lava cells");
