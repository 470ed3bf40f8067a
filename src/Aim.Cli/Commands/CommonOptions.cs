using System.CommandLine;
using Aim.Experiments.Catalog;
using Aim.Experiments.Running;

namespace Aim.Cli.Commands;

/// <summary>Options shared by several commands, and the checks on their values.</summary>
internal static class CommonOptions
{
    public static Option<string> Task(bool required) => new("--task")
    {
        Description = $"Task name. Known tasks: {string.Join(", ", TaskCatalog.Names)}.",
        Required = required,
        DefaultValueFactory = _ => TaskCatalog.DefaultTask,
    };

    public static Option<string[]> Set() => new("--set")
    {
        Description = "An option as key=value, repeatable: a harness option (" + string.Join(", ", RunSettings.TrainerKeys)
            + ") or one of the method's options (for example delta=0.1). eval_every=0 evaluates only after the warm-up and at the end.",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public static Option<int?> Steps() => new("--steps")
    {
        Description = "Environment steps per run, warm-up included (the same as --set total_env_steps=N).",
    };

    public static Option<bool> TensorBoard() => new("--tensorboard")
    {
        Description = "Also write each run's scalars as TensorBoard event files in {run}/tensorboard/ (the same as --set tensor_board=true).",
    };

    public static Option<bool> SaveData() => new("--save-data")
    {
        Description = "Also write each run's collected data as a Minari dataset in {run}/dataset/ (the same as --set save_data=true; docs/data.md).",
    };

    /// <summary>The --out option; <paramref name="what"/> completes "Folder …", e.g. "in which the run directory is created".</summary>
    public static Option<string> Out(string defaultFolder, string what) => new("--out")
    {
        // System.CommandLine appends "[default: …]" itself.
        Description = $"Folder {what} (created if missing).",
        DefaultValueFactory = _ => defaultFolder,
    };

    public static Option<int> Parallel() => new("--parallel")
    {
        Description = "Runs at a time; above 1, each run gets its own process with one torch thread (1: the runs go one after another in this process).",
        DefaultValueFactory = _ => 1,
    };

    public static Option<double> Target() => new("--target")
    {
        Description = "Target test success of the 'expert cost to reach' column.",
        DefaultValueFactory = _ => 0.8,
    };

    /// <summary>The --set strings plus --steps, --tensorboard and --save-data, as pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Settings(string[]? sets, int? steps, bool tensorBoard = false, bool saveData = false)
    {
        var pairs = RunSettings.Parse(sets).ToList();
        if (steps is int n)
        {
            if (n <= 0)
            {
                throw new ArgumentException($"--steps must be a positive number of environment steps, got {n}.");
            }

            pairs.Add(new KeyValuePair<string, string>("total_env_steps", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (tensorBoard)
        {
            pairs.Add(new KeyValuePair<string, string>("tensor_board", "true"));
        }

        if (saveData)
        {
            pairs.Add(new KeyValuePair<string, string>("save_data", "true"));
        }

        return pairs;
    }

    /// <summary>Comma- or space-separated method names, each checked against the catalog.</summary>
    public static IReadOnlyList<string> Methods(IEnumerable<string> values)
    {
        string[] methods = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
        if (methods.Length == 0)
        {
            throw new ArgumentException($"No methods given. Known methods: {string.Join(", ", MethodCatalog.Names)}.");
        }

        foreach (string method in methods)
        {
            MethodCatalog.EnsureKnown(method);
        }

        return methods;
    }

    /// <summary>Checks the parallelism.</summary>
    public static int CheckParallel(int parallel) => parallel >= 1
        ? parallel
        : throw new ArgumentException($"--parallel must be at least 1, got {parallel}.");

    /// <summary>Checks a target success rate.</summary>
    public static double CheckTarget(double target) => target is > 0 and <= 1
        ? target
        : throw new ArgumentException($"--target must be a success rate in (0, 1], got {target}.");
}
