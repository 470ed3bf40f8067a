#:project ../../src/Aim.Interactive/Aim.Interactive.csproj

// The experiment of notebooks/07-comparison-of-methods.ipynb as a file-based app: run AIM, Thrifty-DAgger and
// HG-DAgger on one task with a few seeds, print the comparison table and write the report as offline HTML.
//   dotnet run notebooks/scripts/07-comparison-of-methods.cs [output-folder]      (AIM_FAST=1 shrinks the budget)
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Interactive;
using Aim.Learning.Training;

string output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("artifacts", "scripts", "07-comparison-of-methods"));
var task = Notebook.Fast("multiroom-6", "multiroom-n2-s4");
var methods = new[] { "aim", "thrifty", "hg-dagger" };
int seeds = Notebook.Fast(3, 1);
var trainer = new TrainerOptions
{
    TotalEnvSteps = Notebook.Fast(2000, 300), WarmUpSteps = Notebook.Fast(200, 100),
    EvalEvery = Notebook.Fast(200, 100), EvalEpisodes = Notebook.Fast(50, 10), LogSteps = false,
};

string root = Path.Combine(output, "runs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
ResultSet results = MethodComparison.Run(task, methods, seeds, trainer, root, Console.WriteLine);
var table = ComparisonTable.Build(results, targetSuccess: 0.5);
Console.WriteLine(table.ToText());
string report = ExperimentReport.Write(results, Path.Combine(output, "report.html"));
Console.WriteLine($"report: {report}");

// Where the gates ask: lava directly ahead against elsewhere (its chart is in the lava report).
var lavaTrainer = trainer with { TotalEnvSteps = Notebook.Fast(2000, 400) };
ResultSet lava = MethodComparison.Run("lavacrossing-s9n1", new[] { "aim", "thrifty" }, seeds, lavaTrainer, Path.Combine(root, "lava"), Console.WriteLine);
foreach (RunRecord run in lava.Runs)
{
    Console.WriteLine($"{run}: request rate with lava ahead {run.Final(MetricNames.RequestRateSafetyCritical):0.000}, elsewhere {run.Final(MetricNames.RequestRateOther):0.000}");
}

Console.WriteLine($"lava report: {ExperimentReport.Write(lava, Path.Combine(output, "lava-report.html"))}");
