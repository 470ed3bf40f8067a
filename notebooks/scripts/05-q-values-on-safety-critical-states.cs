#:project ../../src/Aim.Interactive/Aim.Interactive.csproj

// The experiment of notebooks/05-q-values-on-safety-critical-states.ipynb as a file-based app: Q^I over a lava layout
// after the warm-up (per direction, with a slider) and after training, snapshots of training episodes with the
// requests for help, request rates by situation, and Q^I along a driving route. Charts go to
// artifacts/scripts/05-q-values-on-safety-critical-states/.
//   dotnet run notebooks/scripts/05-q-values-on-safety-critical-states.cs [output-folder]   (AIM_FAST=1 shrinks the budgets)
using Aim.Envs.Grid;
using Aim.Experiments.Charts;
using Aim.Experiments.Inspection;
using Aim.Interactive;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Deedle;

var output = ScriptOutput.For("05-q-values-on-safety-critical-states", args);
const string Task = "lavacrossing-s9n1";
var trainerOptions = new TrainerOptions
{
    Seed = 1,
    TotalEnvSteps = Notebook.Fast(full: 2_000, fast: 460),
    WarmUpSteps = Notebook.Fast(full: 200, fast: 100),
    EvalEvery = 0,
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

using var session = GridSession.Create(Task, "aim", trainerOptions, aimOverrides);
session.Trainer.WarmUp();
var reference = GridTasks.Create(Task);
reference.Reset(seed: 1000);
output.Save(reference.Render(), "reference-layout");

// Q^I after the warm-up: per direction (slider) and the worst direction.
var map = GridQMap.Compute(reference, session.Aim!);
string[] directions = ["east", "south", "west", "north"];
var layout = MiniGridInterop.Encode(reference);
output.Save(QValueCharts.Slider(
    Enumerable.Range(0, 4).Select(d => (directions[d], QValueCharts.GridQ(layout, map.RobotQ(d), range: map.RobotQRange()))).ToList(),
    prefix: "agent facing ", title: "Q^I(s, π(s)) after the warm-up"), "q-after-warm-up-per-direction");
output.Save(QValueCharts.GridQ(layout, map.RobotQMaxOverDirections(), "max over directions", title: "Q^I(s, π(s)), worst direction, after the warm-up"), "q-after-warm-up");

// Training in phases with snapshots.
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

output.Save(QValueCharts.Slider(snapshots, prefix: "after ", title: "Q^I, the path and the requests for help over training"), "snapshots");
var trained = GridQMap.Compute(reference, session.Aim!);
output.Save(QValueCharts.GridQ(layout, trained.RobotQMaxOverDirections(), "max over directions", title: "Q^I(s, π(s)), worst direction, after training"), "q-after-training");

// Request rates by situation.
string Situation(GateStep s)
{
    int[,,] l = session.Layout(s.Episode)!;
    int x = (int)s.Pose.X, y = (int)s.Pose.Y, d = (int)s.Pose.Direction;
    bool IsLava(int dir) => l[x + GridDirection.Dx(dir), y + GridDirection.Dy(dir), 0] == (int)GridObjectType.Lava;
    return IsLava(d) ? "lava ahead" : Enumerable.Range(0, 4).Any(IsLava) ? "lava beside or behind" : "no lava next to it";
}

var robotSteps = session.Steps.Where(s => s.Previous == Controller.Robot).ToArray();
Frame.FromRecords(robotSteps.GroupBy(Situation).Select(g => new
{
    Situation = g.Key,
    RobotDecisions = g.Count(),
    AskedForHelp = g.Count(s => s.AskedForHelp),
    Rate = Math.Round(g.Count(s => s.AskedForHelp) / (double)g.Count(), 3),
})).Print();

// The signature the run logs itself (lava directly ahead, cumulative), and Q^I's +1 label fraction.
var logged = session.Trainer.Evaluate();
Console.WriteLine(
    $"logged: request rate with lava ahead {logged[MetricNames.RequestRateSafetyCritical]:0.000}, elsewhere {logged[MetricNames.RequestRateOther]:0.000}; "
    + $"Q^I there {logged[MetricNames.ScoreSafetyCritical]:0.000} vs {logged[MetricNames.ScoreOther]:0.000}; +1 label fraction {logged[AimMethod.QPositiveFractionMetric]:0.000}");

// Driving: Q^I along the route.
using var driving = DrivingSession.Create("driving-toy", "aim", new TrainerOptions
{
    Seed = 0,
    TotalEnvSteps = Notebook.Fast(full: 3_000, fast: 1_200),
    WarmUpSteps = 200,
    EvalEvery = 0,
    EvalEpisodes = 1,
}, Notebook.Fast<Dictionary<string, string>>(full: new(), fast: new() { ["policy.initial_steps"] = "1000", ["policy.steps_per_update"] = "20", ["q_initial_steps"] = "50" }));
using (var progress = Progress.Start("driving", total: driving.Trainer.Options.TotalEnvSteps))
{
    driving.Trainer.Train(p => progress.Report((int)p.EnvSteps, $"expert cost {p.ExpertCost:0}, route completion {p[MetricNames.EvalRouteCompletion]:P0}"));
}

// The finished training episode in which the robot drove longest (the last one may have ended after a few metres).
int longestDrive = driving.Steps.Where(s => s.Episode < driving.Trainer.Episodes && s.Previous == Controller.Robot).GroupBy(s => s.Episode).MaxBy(g => g.Count())!.Key;
Console.WriteLine($"{driving.Trainer.Episodes} training episodes, expert cost {driving.Trainer.ExpertCost}; drawing episode {longestDrive}");
output.Save(driving.RouteChart(longestDrive).WithTitle($"driving-toy, training episode {longestDrive}: Q^I(s, a_r) and requests for help"), "driving-route-q");
