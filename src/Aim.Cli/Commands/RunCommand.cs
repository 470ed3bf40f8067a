using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Aim.Cli.Execution;
using Aim.Cli.Terminal;
using Aim.Experiments.Catalog;
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Experiments.Sweeps;
using Aim.Learning.Torch;

namespace Aim.Cli.Commands;

/// <summary><c>aim run</c>: one method on one task with one seed, into <c>{out}/{task}__{method}__s{seed}__{timestamp}/</c>.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var method = new Option<string>("--method")
        {
            Description = $"Method name. Known methods: {string.Join(", ", MethodCatalog.Names)}.",
            DefaultValueFactory = _ => "aim",
        };
        Option<string> task = CommonOptions.Task(required: false);
        var seed = new Option<int>("--seed") { Description = "Seed of the run.", DefaultValueFactory = _ => 0 };
        Option<string[]> set = CommonOptions.Set();
        Option<int?> steps = CommonOptions.Steps();
        Option<bool> tensorBoard = CommonOptions.TensorBoard();
        Option<bool> saveData = CommonOptions.SaveData();
        Option<string> output = CommonOptions.Out("runs", "in which the run directory {task}__{method}__s{seed}__{time}/ is created");
        var runDirectory = new Option<string?>("--run-dir") { Description = "Exact run directory (used by sweeps).", Hidden = true };
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue a killed run from its last resume point (written at the first episode end after each evaluation); "
                + "give its run directory. Its options.json supplies the task, method, seed and settings, so no other option is taken.",
        };
        var child = new Option<bool>("--child") { Description = "Report evaluations as @eval lines (used by parallel sweeps).", Hidden = true };
        var command = new Command("run", "Run one method on one task with one seed; writes options.json, metrics.csv, episodes.csv, steps.csv, checkpoints, summary.json and report.html.")
        {
            method, task, seed, set, steps, tensorBoard, saveData, output, runDirectory, child, resume,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            if (parse.GetValue(child))
            {
                // First, before the run takes its folder: a child must not outlive the sweep that started it.
                ParentWatch.Start();
            }

            if (parse.GetValue(resume) is string resumed)
            {
                Option[] others = [method, task, seed, set, steps, tensorBoard, saveData, output, runDirectory];
                if (others.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is Option given)
                {
                    throw new ArgumentException($"--resume continues the run with the options its options.json records; drop {given.Name}.");
                }

                if (parse.GetValue(child))
                {
                    ExperimentRunner.Resume(resumed, p => context.Output.WriteLine(ChildProcessLauncher.EvalPrefix + JsonSerializer.Serialize(p.Metrics, ChildProcessLauncher.Json)));
                    return 0;
                }

                return Resume(context, resumed);
            }

            var settings = CommonOptions.Settings(parse.GetValue(set), parse.GetValue(steps), parse.GetValue(tensorBoard), parse.GetValue(saveData));
            RunSpec spec = RunSettings.Build(parse.GetValue(task)!, parse.GetValue(method)!, parse.GetValue(seed), settings);
            string? exact = parse.GetValue(runDirectory);
            if (parse.GetValue(child))
            {
                ExperimentRunner.Run(spec, runsRoot: null, p => context.Output.WriteLine(ChildProcessLauncher.EvalPrefix + JsonSerializer.Serialize(p.Metrics, ChildProcessLauncher.Json)), exact);
                return 0;
            }

            string root = OutputFolder.EnsureWritable(exact is null ? parse.GetValue(output)! : Path.GetDirectoryName(Path.GetFullPath(exact))!);
            var run = new SweepRun(0, spec.Task, spec.Method, spec.Seed, settings, []);
            RunResult result = ProgressDisplay.Run(context, sink =>
            {
                sink(new SweepProgress(run, 1, 1, RunState.Started));
                RunResult r = ExperimentRunner.Run(spec, root, p => sink(new SweepProgress(run, 1, 1, RunState.Evaluated, p)), exact);
                sink(new SweepProgress(run, 1, 1, RunState.Finished));
                return r;
            });
            WriteReport(context, result);
            return 0;
        }));
        return command;
    }

    private static int Resume(CliContext context, string runDirectory)
    {
        string directory = Path.GetFullPath(runDirectory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"--resume: no run directory '{directory}'.");
        }

        // Refuse before anything is printed: a finished run or an edited setting is an error, not a run that starts.
        RecordedRun recorded = ExperimentRunner.CheckResumable(directory);
        RunSpec spec = recorded.Spec;
        string here = NumericEnvironment.Current().Path;
        if (RunLoader.ReadNumericEnvironment(directory)?.Path is string started && started != here)
        {
            context.Error.WriteLine($"aim: warning: the run started on numeric path '{started}' and continues on '{here}': "
                + "from here on its numbers can differ from an uninterrupted run's in the last bits, and with them the run (docs/reproducibility.md).");
        }

        // The progress bar's length is the run's own budget, not the default one.
        KeyValuePair<string, string>[] budget =
        [
            new("total_env_steps", spec.Trainer.TotalEnvSteps.ToString(CultureInfo.InvariantCulture)),
            new("warm_up_steps", spec.Trainer.WarmUpSteps.ToString(CultureInfo.InvariantCulture)),
        ];
        var run = new SweepRun(0, spec.Task, spec.Method, spec.Seed, budget, []);
        context.Output.WriteLine($"Resuming {spec.Method} on {spec.Task}, seed {spec.Seed}, in {directory}.");
        RunResult result = ProgressDisplay.Run(context, sink =>
        {
            sink(new SweepProgress(run, 1, 1, RunState.Started));
            RunResult r = ExperimentRunner.Resume(directory, p => sink(new SweepProgress(run, 1, 1, RunState.Evaluated, p)));
            sink(new SweepProgress(run, 1, 1, RunState.Finished));
            return r;
        });
        WriteReport(context, result);
        return 0;
    }

    private static void WriteReport(CliContext context, RunResult result)
    {
        RunSpec spec = result.Spec;
        string report = ExperimentReport.Write(ResultSet.Load(result.Directory!), Path.Combine(result.Directory!, "report.html"), new ReportOptions
        {
            Title = $"{spec.Method} on {spec.Task}, seed {spec.Seed}",
        });
        context.Output.WriteLine($"Final: {result.Final}; best success {result.BestSuccess:0.00}; {result.Seconds:0.0} s.");
        context.Output.WriteLine($"Run directory: {result.Directory}");
        context.Output.WriteLine($"Report: {report}");
    }
}
