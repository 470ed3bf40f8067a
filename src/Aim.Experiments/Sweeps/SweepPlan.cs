using System.Text.Json;
using Aim.Experiments.Catalog;
using Aim.Experiments.Running;

namespace Aim.Experiments.Sweeps;

/// <summary>
/// The runs of a sweep in a fixed order: task, method, grid point (keys in config order, last key fastest), seed.
/// Every name and key is checked when the plan is made, so a typo fails before anything runs.
/// </summary>
public sealed class SweepPlan
{
    private SweepPlan(SweepConfig config, IReadOnlyList<SweepRun> runs)
    {
        Config = config;
        Runs = runs;
    }

    /// <summary>The config the plan came from.</summary>
    public SweepConfig Config { get; }

    /// <summary>Every run, in plan order.</summary>
    public IReadOnlyList<SweepRun> Runs { get; }

    /// <summary>Expands <paramref name="config"/> into runs.</summary>
    /// <exception cref="ArgumentException">Unknown task, method or key (listing the valid ones), or a value that does not parse.</exception>
    public static SweepPlan From(SweepConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (string task in config.Tasks)
        {
            TaskCatalog.EnsureKnown(task);
        }

        foreach (string method in config.Methods)
        {
            MethodCatalog.EnsureKnown(method);
        }

        foreach ((string key, JsonElement[] values) in config.Grid)
        {
            if (values is null || values.Length == 0)
            {
                throw new ArgumentException($"Sweep '{config.Name}': grid key '{key}' has no values.");
            }

            if (!config.Methods.Any(m => Applies(m, key)))
            {
                string valid = string.Join(", ", RunSettings.TrainerKeys.Concat(config.Methods.SelectMany(MethodCatalog.OptionKeys)).Distinct());
                throw new ArgumentException($"Sweep '{config.Name}': grid key '{key}' is an option of none of {string.Join(", ", config.Methods)}. Valid options: {valid}.");
            }
        }

        foreach (string method in config.MethodSet.Keys)
        {
            if (!config.Methods.Contains(method, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Sweep '{config.Name}': method_set names '{method}', which is not among the methods ({string.Join(", ", config.Methods)}).");
            }
        }

        IReadOnlyList<int> seeds = config.SeedList();
        var fixedSettings = config.Set.Select(p => new KeyValuePair<string, string>(p.Key, SweepConfig.ValueText(p.Value))).ToArray();
        var runs = new List<SweepRun>();
        foreach (string task in config.Tasks)
        {
            foreach (string method in config.Methods)
            {
                var dimensions = config.Grid.Where(g => Applies(method, g.Key)).ToArray();
                var methodSettings = config.MethodSet.TryGetValue(method, out var own)
                    ? own.Select(p => new KeyValuePair<string, string>(p.Key, SweepConfig.ValueText(p.Value))).ToArray()
                    : [];
                foreach (var point in Product(dimensions))
                {
                    foreach (int seed in seeds)
                    {
                        var run = new SweepRun(runs.Count, task, method, seed, fixedSettings.Concat(methodSettings).Concat(point).ToArray(), point);
                        _ = run.ToSpec();
                        runs.Add(run);
                    }
                }
            }
        }

        if (runs.Select(r => r.Id).Distinct().Count() != runs.Count)
        {
            throw new ArgumentException($"Sweep '{config.Name}': two runs would share a folder (repeated seeds or grid values).");
        }

        return new SweepPlan(config, runs);
    }

    /// <summary>The runs of shard <paramref name="shard"/>.</summary>
    public IReadOnlyList<SweepRun> Shard(ShardSpec shard) => Runs.Where(r => shard.Contains(r.Index)).ToArray();

    private static bool Applies(string method, string key)
    {
        string normalized = OptionsBinder.Normalize(key);
        return RunSettings.TrainerKeys.Contains(normalized) || MethodCatalog.OptionKeys(method).Contains(normalized);
    }

    private static IEnumerable<KeyValuePair<string, string>[]> Product(IReadOnlyList<KeyValuePair<string, JsonElement[]>> dimensions)
    {
        IEnumerable<KeyValuePair<string, string>[]> points = [[]];
        foreach ((string key, JsonElement[] values) in dimensions)
        {
            points = points.SelectMany(p => values.Select(v => p.Append(new KeyValuePair<string, string>(key, SweepConfig.ValueText(v))).ToArray())).ToArray();
        }

        return points;
    }
}
