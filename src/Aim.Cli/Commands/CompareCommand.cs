using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Aim.Cli.Terminal;
using Aim.Experiments.Catalog;
using Aim.Experiments.Running;
using Aim.Experiments.Sweeps;

namespace Aim.Cli.Commands;

/// <summary><c>aim compare</c>: every method × seed on one task, then the comparison table and the report.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        Option<string> task = CommonOptions.Task(required: false);
        var methods = new Option<string[]>("--methods")
        {
            Description = $"Methods to compare, comma-separated. Known methods: {string.Join(", ", MethodCatalog.Names)}.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var seeds = new Option<int>("--seeds") { Description = "Number of seeds (seeds 0 … N − 1).", DefaultValueFactory = _ => 3 };
        Option<string[]> set = CommonOptions.Set();
        Option<int?> steps = CommonOptions.Steps();
        Option<bool> tensorBoard = CommonOptions.TensorBoard();
        Option<bool> saveData = CommonOptions.SaveData();
        Option<string> output = CommonOptions.Out("runs", "in which the compare folder compare__{task}__{time}/ is created");
        Option<int> parallel = CommonOptions.Parallel();
        Option<double> target = CommonOptions.Target();
        var command = new Command("compare", "Run every method with every seed on a task; write comparison.csv, runs.csv, metrics.csv and report.html into {out}/compare__{task}__{timestamp}/.")
        {
            task, methods, seeds, set, steps, tensorBoard, saveData, output, parallel, target,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            int seedCount = parse.GetValue(seeds);
            if (seedCount < 1)
            {
                throw new ArgumentException($"--seeds must be a positive count, got {seedCount}.");
            }

            string taskName = parse.GetValue(task)!;
            var settings = CommonOptions.Settings(parse.GetValue(set), parse.GetValue(steps), parse.GetValue(tensorBoard), parse.GetValue(saveData));
            string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var config = new SweepConfig
            {
                Name = $"compare__{taskName}__{stamp}",
                Tasks = [taskName],
                Methods = CommonOptions.Methods(parse.GetValue(methods)!),
                Seeds = JsonSerializer.SerializeToElement(seedCount),
                Set = settings.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)),
                TargetSuccess = CommonOptions.CheckTarget(parse.GetValue(target)),
            };
            _ = SweepPlan.From(config);
            int workers = CommonOptions.CheckParallel(parse.GetValue(parallel));

            // Checked first, so a refused compare creates no folder; the folder is then claimed atomically, so a
            // compare started in the same second gets "…-2" instead of sharing (and overwriting) this one.
            string directory = UniqueFolder.Create(OutputFolder.EnsureWritable(parse.GetValue(output)!), config.Name);
            SweepPlan plan = SweepPlan.From(config with { Name = Path.GetFileName(directory) });
            return SweepSession.Execute(context, plan, directory, ShardSpec.All, workers, $"{string.Join(" vs ", config.Methods)} on {taskName}");
        }));
        return command;
    }
}
