using System.CommandLine;
using System.Globalization;
using Aim.Experiments.Catalog;
using Aim.Experiments.Running;
using Aim.Learning.Training;

namespace Aim.Cli.Commands;

/// <summary>
/// <c>aim eval CHECKPOINT</c>: evaluates a saved policy on held-out layouts. Inside a run directory the run's
/// options.json says the task, method and options; <c>--task</c> and <c>--method</c> are then checked against it.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var checkpoint = new Argument<string>("checkpoint")
        {
            Description = $"A run directory (its final checkpoint), or a checkpoint folder such as {{run}}/checkpoints/{CheckpointEvaluation.Final} or …/{CheckpointEvaluation.Best}.",
        };
        var task = new Option<string?>("--task")
        {
            Description = $"Task name; read from the run's options.json when the checkpoint is in a run directory (then it must agree), required otherwise. Known tasks: {string.Join(", ", TaskCatalog.Names)}.",
        };
        var method = new Option<string?>("--method")
        {
            Description = $"Method name; read from the run's options.json when the checkpoint is in a run directory (then it must agree), aim otherwise. Known methods: {string.Join(", ", MethodCatalog.Names)}.",
        };
        var episodes = new Option<int?>("--episodes")
        {
            Description = "Episodes, one per held-out layout (default: the run's eval_episodes, 50 without a run directory).",
        };
        var seedStart = new Option<int?>("--seed-start")
        {
            Description = "Seed of the first held-out layout (default: the run's eval_seed_start, 1000 without a run directory).",
        };
        var command = new Command("eval", "Evaluate a saved policy on held-out layouts; prints test success and return. A damaged or mismatched checkpoint is refused, naming the file.")
        {
            checkpoint, task, method, episodes, seedStart,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            SavedCheckpoint saved = CheckpointEvaluation.Locate(parse.GetValue(checkpoint)!);
            RunSpec spec = Spec(saved, parse.GetValue(task), parse.GetValue(method));
            int? count = parse.GetValue(episodes);
            if (count is <= 0)
            {
                throw new ArgumentException($"--episodes must be a positive number, got {count}.");
            }

            int n = count ?? spec.Trainer.EvalEpisodes;
            int first = parse.GetValue(seedStart) ?? spec.Trainer.EvalSeedStart;
            EvaluationResult result = CheckpointEvaluation.Evaluate(spec, saved.Directory, n, first);

            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"success {result.SuccessRate:0.00} ({Math.Round(result.SuccessRate * result.Episodes):0} of {result.Episodes}), return {result.MeanReturn:0.00}, length {result.MeanLength:0.0}, cost {result.MeanCost:0.00}");
            if (!double.IsNaN(result.MeanRouteCompletion))
            {
                line += string.Create(CultureInfo.InvariantCulture, $", route completion {result.MeanRouteCompletion:0.00}");
            }

            context.Output.WriteLine($"Checkpoint: {saved.Directory} ({spec.Method} on {spec.Task}, seed {spec.Seed})");
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Held-out seeds {first}–{first + n - 1}: {line}."));
            return 0;
        }));
        return command;
    }

    /// <summary>The run's spec from its options.json, checked against the flags; or, outside a run directory, from the flags.</summary>
    private static RunSpec Spec(SavedCheckpoint saved, string? task, string? method)
    {
        if (saved.RunDirectory is null)
        {
            if (task is null)
            {
                throw new ArgumentException(
                    $"'{saved.Directory}' is not inside a run directory (no options.json beside its checkpoints/ folder), so its task is unknown: give --task (and --method unless it is aim).");
            }

            // Default harness and method options: a run made with other architecture options does not fit, and its
            // load says which tensor differs.
            return RunSettings.Build(task, method ?? "aim", seed: 0);
        }

        RunSpec spec = CheckpointEvaluation.ReadSpec(saved.RunDirectory);
        string options = Path.Combine(saved.RunDirectory, "options.json");
        if (task is not null && task != spec.Task)
        {
            TaskCatalog.EnsureKnown(task);
            throw new ArgumentException($"The checkpoint was trained on task '{spec.Task}' ({options}), not '{task}'; omit --task to evaluate it on its own task.");
        }

        if (method is not null && method != spec.Method)
        {
            MethodCatalog.EnsureKnown(method);
            throw new ArgumentException($"The checkpoint was written by method '{spec.Method}' ({options}), not '{method}'; omit --method.");
        }

        return spec;
    }
}
