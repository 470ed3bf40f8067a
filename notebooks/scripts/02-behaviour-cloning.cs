#:project ../../src/Aim.Interactive/Aim.Interactive.csproj

// The experiment of notebooks/02-behaviour-cloning.ipynb as a file-based app: behaviour cloning on lavacrossing-s9n1
// for a growing number of demonstrations (success on training and new layouts), a cloned policy's rollout beside the
// expert's decisions, and HG-DAgger when it is registered. Charts go to artifacts/scripts/02-behaviour-cloning/.
//   dotnet run notebooks/scripts/02-behaviour-cloning.cs [output-folder]      (AIM_FAST=1 shrinks the budgets)
using Aim.Envs.Grid;
using Aim.Experiments.Charts;
using Aim.Experiments.Inspection;
using Aim.Experiments.Methods;
using Aim.Experiments.Running;
using Aim.Interactive;
using Aim.Learning.Training;
using Deedle;
using Plotly.NET.CSharp;

var output = ScriptOutput.For("02-behaviour-cloning", args);
const string Task = "lavacrossing-s9n1";
int[] demoCounts = Notebook.Fast(full: new[] { 1, 3, 10, 30, 100 }, fast: new[] { 1, 5, 20 });
int fitSteps = Notebook.Fast(full: 1_000, fast: 200);
int testEpisodes = Notebook.Fast(full: 100, fast: 20);
int seed = 0;

var demos = BehaviourCloning.Demonstrations(Task, episodes: demoCounts[^1]);
Console.WriteLine($"{demoCounts[^1]} episodes, {demos.Count} labelled steps");

var rows = new List<(int Demos, int Steps, double TrainSuccess, double TestSuccess, double TestLava)>();
using (var progress = Progress.Start("BC fits", total: demoCounts.Length))
{
    foreach (int n in demoCounts)
    {
        var data = BehaviourCloning.Demonstrations(Task, episodes: n);
        using var policy = BehaviourCloning.Fit(data, Task, steps: fitSteps, seed: seed);
        var train = BehaviourCloning.Evaluate(policy, Task, episodes: Math.Min(n, 50), seedStart: 0);
        var test = BehaviourCloning.Evaluate(policy, Task, episodes: testEpisodes, seedStart: 1000);
        rows.Add((n, data.Count, train.SuccessRate, test.SuccessRate, test.MeanCost));
        progress.Increment($"N = {n}: train {train.SuccessRate:P0}, test {test.SuccessRate:P0}");
    }
}

Frame.FromRecords(rows.Select(r => new { r.Demos, r.Steps, r.TrainSuccess, r.TestSuccess, LavaRate = r.TestLava })).Print();
output.Save(Chart.Combine(new[]
{
    Chart.Line<int, double, string>(x: rows.Select(r => r.Demos).ToArray(), y: rows.Select(r => r.TrainSuccess).ToArray(), Name: "training layouts", ShowMarkers: true),
    Chart.Line<int, double, string>(x: rows.Select(r => r.Demos).ToArray(), y: rows.Select(r => r.TestSuccess).ToArray(), Name: "new layouts", ShowMarkers: true),
    Chart.Line<int, double, string>(x: rows.Select(r => r.Demos).ToArray(), y: rows.Select(r => r.TestLava).ToArray(), Name: "new layouts: ended in lava", ShowMarkers: true),
}).WithTitle($"behaviour cloning on {Task}").WithAxisTitles(x: "demonstrations (episodes)", y: "rate"), "success-vs-demonstrations");

using var few = BehaviourCloning.Fit(BehaviourCloning.Demonstrations(Task, episodes: demoCounts[1]), Task, steps: fitSteps, seed: seed);
var (layout, rollout, end) = BehaviourCloning.Rollout(few, Task, seed: 1001);
string outcome = rollout[^1].Success ? "reached the goal" : rollout[^1].Lava ? "walked into lava" : "ran out of time";
output.Save(GridCharts.Grid(layout, rollout[0].X, rollout[0].Y, rollout[0].Direction, title: $"{demoCounts[1]} demos, layout 1001: {outcome}")
    .WithPath(rollout.Select(s => (s.X, s.Y)).Append(end).ToList(), rollout.Where(s => s.Deviates).Select(s => (s.X, s.Y)).ToList(), pathName: "cloned policy", markName: "differs from the expert"), "rollout");
Frame.FromRecords(rollout.Take(12).Select((s, i) => new { Step = i + 1, Cell = $"({s.X}, {s.Y})", Policy = ((GridAction)s.Action).ToString(), Expert = ((GridAction)s.ExpertAction).ToString(), s.Deviates })).Print();
Console.WriteLine($"exercise 1: {rollout.Count(s => s.Deviates)} of {rollout.Count} steps differ from the expert");

var hgTrainer = new TrainerOptions { TotalEnvSteps = Notebook.Fast(full: 2_000, fast: 400), WarmUpSteps = 100, EvalEvery = 0, EvalEpisodes = testEpisodes, LogSteps = false };
if (MethodCatalog.Names.Contains("hg-dagger"))
{
    RunResult hg = ExperimentRunner.Run(new RunSpec(Task, "hg-dagger", hgTrainer), runsRoot: null, progress: _ => { });
    Console.WriteLine($"HG-DAgger: test success {hg.Final.Success:P0} after {hg.Final.EnvSteps:0} steps; expert labels {hg.Final.ExpertCost:0}, expert attention {hg.Final[MetricNames.WallSteps]:0} steps");
}
else
{
    Console.WriteLine($"HG-DAgger is not registered in this build (methods: {string.Join(", ", MethodCatalog.Names)}).");
}
