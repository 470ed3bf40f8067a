#:project ../../src/Aim.Interactive/Aim.Interactive.csproj

// The experiment of notebooks/06-thrifty-dagger.ipynb as a file-based app: one Thrifty-DAgger run, its thresholds
// after warm-up, then training to the budget; writes the threshold, switch-rate and learning-curve charts as HTML.
//   dotnet run notebooks/scripts/06-thrifty-dagger.cs [output-folder]      (AIM_FAST=1 shrinks the budget)
using Aim.Experiments.Charts;
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Interactive;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Training;

string output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("artifacts", "scripts", "06-thrifty-dagger"));
var task = Notebook.Fast("multiroom-6", "multiroom-n2-s4");
var options = new TrainerOptions
{
    Seed = 1, TotalEnvSteps = Notebook.Fast(2000, 400), WarmUpSteps = Notebook.Fast(200, 100),
    EvalEvery = Notebook.Fast(200, 100), EvalEpisodes = Notebook.Fast(50, 10),
};
string runDir = Path.Combine(output, "run");
if (Directory.Exists(runDir))
{
    Directory.Delete(runDir, recursive: true);
}

using (var trainer = Experiment.Grid(task, "thrifty", options, runDirectory: runDir))
{
    var thrifty = (ThriftyMethod)trainer.Method;
    trainer.WarmUp();
    Console.WriteLine($"after warm-up: beta_H {thrifty.Gate.NoveltyThreshold:0.0000}, eps_H {thrifty.Gate.RiskThreshold:0.000}, eps_R {thrifty.Gate.HandBackRiskThreshold:0.000}");
    trainer.Train(point => Console.WriteLine(point));
    Console.WriteLine($"switches to expert {trainer.SwitchesToHuman}, realised rate {trainer.RealisedSwitchRate:0.000} (alpha {thrifty.Options.Alpha})");
}

var results = ResultSet.Load(runDir);
Console.WriteLine(ReportCharts.Metric(results, MetricNames.EnvSteps, ThriftyMethod.NoveltyThresholdMetric, "Novelty threshold β_H over training", "environment steps", "β_H")
    .SaveOfflineHtml(Path.Combine(output, "beta-h.html")));
Console.WriteLine(ReportCharts.SwitchRate(results).SaveOfflineHtml(Path.Combine(output, "switch-rate.html")));
Console.WriteLine(ReportCharts.SuccessVsExpertCost(results).SaveOfflineHtml(Path.Combine(output, "success.html")));
