#:project ../../src/Aim.Interactive/Aim.Interactive.csproj

// The experiment of notebooks/03-aim-step-by-step.ipynb as a file-based app: AIM on lavacrossing-s9n1 one phase at
// a time (warm-up, Q^I after initialisation, gate decisions, β as a quantile, an update, the rest of the run), tables
// printed as text and charts written under artifacts/scripts/03-aim-step-by-step/.
//   dotnet run notebooks/scripts/03-aim-step-by-step.cs [output-folder]      (AIM_FAST=1 shrinks the budgets)
using Aim.Envs.Grid;
using Aim.Experiments.Charts;
using Aim.Experiments.Inspection;
using Aim.Interactive;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Stats;
using Aim.Learning.Training;
using Deedle;
using Plotly.NET.CSharp;

var output = ScriptOutput.For("03-aim-step-by-step", args);
const string Task = "lavacrossing-s9n1";
var trainerOptions = new TrainerOptions
{
    Seed = 0,
    TotalEnvSteps = Notebook.Fast(full: 2_000, fast: 500),
    WarmUpSteps = Notebook.Fast(full: 200, fast: 100),
    EvalEvery = 100,
    EvalEpisodes = Notebook.Fast(full: 50, fast: 10),
};
var aimOverrides = new Dictionary<string, string>
{
    ["delta"] = "0.2",
    ["policy.initial_steps"] = Notebook.Fast(full: "1000", fast: "300"),
    ["policy.steps_per_update"] = Notebook.Fast(full: "100", fast: "50"),
    ["q_initial_steps"] = Notebook.Fast(full: "200", fast: "50"),
};

using var session = GridSession.Create(Task, "aim", trainerOptions, aimOverrides);
var aim = session.Aim!;
Console.WriteLine(aim.Options);

// Phase 1: warm-up and the first evaluation.
session.Trainer.WarmUp();
Console.WriteLine($"warm-up: {session.Trainer.EnvSteps} steps, expert cost {session.Trainer.ExpertCost}, human buffer {session.Trainer.Context.Human.Count}, {session.Trainer.Episodes} episodes");
Console.WriteLine($"after warm-up: {session.Trainer.Evaluate()}");

// Phase 2: Q^I per action on warm-up states.
var human = session.Trainer.Context.Human;
Frame.FromRecords(Enumerable.Range(0, 8).Select(i => human.SlotOf(i * human.Count / 8)).Select(slot => new
{
    Expert = ((GridAction)(int)human.BehaviourAction(slot)[0]).ToString(),
    Robot = ((GridAction)aim.RobotAction(human.Observation(slot))).ToString(),
    QPerAction = string.Join("  ", aim.ActionValues(human.Observation(slot)).Select(q => q.ToString("+0.00;-0.00"))),
})).Print();
Console.WriteLine($"delta {aim.Gate.Delta}, beta {aim.Gate.Beta:F3}, epsilon {aim.Gate.Epsilon}");

// Phase 3: episodes until the robot asks for help; the decisions around the first request.
while (!session.Steps.Any(s => s.AskedForHelp) && !session.Trainer.IsFinished)
{
    session.Trainer.CollectEpisode();
}

int firstAsk = Math.Max(0, session.Steps.ToList().FindIndex(s => s.AskedForHelp) - 3);
Frame.FromRecords(session.Steps.Skip(firstAsk).Take(10).Select(s => new
{
    s.EnvStep,
    Cell = $"({s.Pose.X}, {s.Pose.Y})",
    Robot = ((GridAction)(int)s.RobotAction[0]).ToString(),
    Expert = ((GridAction)(int)s.ExpertAction[0]).ToString(),
    Before = s.Previous.ToString(),
    Score = Math.Round(s.Score, 3),
    Threshold = Math.Round(s.Threshold, 3),
    Now = s.Controller.ToString(),
    s.Reason,
})).Print();

// Phase 4: β as the (1 − δ)-quantile of robot-step Q^I.
int start = session.Steps.Count;
session.Trainer.CollectSteps(Notebook.Fast(full: 300, fast: 150));
var robotQ = session.Steps.Skip(start).Where(s => s.Previous == Controller.Robot).Select(s => s.Score).ToArray();
output.Save(QValueCharts.BetaHistogram(robotQ, aim.Gate.Beta, title: $"Q^I(s, a_r) on {robotQ.Length} robot steps, δ = {aim.Gate.Delta}"), "beta-histogram");
Console.WriteLine($"quantile of the recorded values {Quantiles.Quantile(robotQ, 1 - aim.Gate.Delta):F3}, gate beta {aim.Gate.Beta:F3}, held for the next refit {aim.Gate.RecentRobotQ.Count}");

// Phase 5: one update and an evaluation.
session.Trainer.Update();
var point = session.Trainer.Evaluate();
foreach (var (key, value) in point.Metrics.Where(m => m.Key.StartsWith("gate/") || m.Key.StartsWith("train/") || m.Key.StartsWith("eval/success") || m.Key == MetricNames.ExpertCost))
{
    Console.WriteLine($"  {key,-28} {value:G4}");
}

// Phase 6: the rest of the run.
using (var progress = Progress.Start("AIM", total: trainerOptions.TotalEnvSteps))
{
    session.Trainer.Train(p => progress.Report((int)p.EnvSteps, $"expert cost {p.ExpertCost:0}, test success {p.Success:P0}"));
}

Console.WriteLine($"{session.Trainer.EnvSteps} steps, expert cost {session.Trainer.ExpertCost}, realised switch rate {session.Trainer.RealisedSwitchRate:F3} (δ = {aim.Gate.Delta})");
var history = session.Trainer.History;
output.Save(Chart.Line<double, double, string>(x: history.Select(p => p.ExpertCost).ToArray(), y: history.Select(p => p.Success).ToArray(), Name: "AIM", ShowMarkers: true)
    .WithTitle($"{Task}: test success vs expert cost")
    .WithAxisTitles(x: "expert cost (expert-controlled steps)", y: "test success rate")
    .WithYAxisStyle<double, double, string>(MinMax: Tuple.Create(0.0, 1.0)), "learning-curve");
var perEpisode = session.Steps.GroupBy(s => s.Episode).Select(g => (Episode: g.Key, Share: g.Count(s => s.Controller == Controller.Expert) / (double)g.Count())).ToArray();
output.Save(Chart.Line<int, double, string>(x: perEpisode.Select(e => e.Episode).ToArray(), y: perEpisode.Select(e => e.Share).ToArray(), Name: "expert share", ShowMarkers: true)
    .WithTitle("expert-controlled share of each training episode")
    .WithAxisTitles(x: "training episode", y: "share of the episode's steps"), "expert-share");
