using Aim.Experiments.Catalog;
using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>
/// Builds a <see cref="RunSpec"/> from <c>key=value</c> settings: keys of <see cref="TrainerOptions"/> (for example
/// <c>total_env_steps</c>, <c>eval_every</c>) go to the harness, every other key to the method's options.
/// </summary>
public static class RunSettings
{
    /// <summary>Every harness key (<see cref="TrainerOptions"/>) a setting may name, except the seed.</summary>
    public static IReadOnlyList<string> TrainerKeys { get; } =
        OptionsBinder.Keys<TrainerOptions>().Where(k => k != "seed").ToArray();

    /// <summary>Parses <c>key=value</c> strings into pairs, in order.</summary>
    /// <exception cref="ArgumentException">A string without <c>=</c> or with an empty key.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IEnumerable<string>? settings)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string setting in settings ?? Array.Empty<string>())
        {
            int eq = setting.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"Setting '{setting}' is not key=value (for example delta=0.1 or total_env_steps=500).", nameof(settings));
            }

            pairs.Add(new KeyValuePair<string, string>(setting[..eq].Trim(), setting[(eq + 1)..].Trim()));
        }

        return pairs;
    }

    /// <summary>
    /// The spec of one run: <paramref name="settings"/> split between the harness and the method, parsed into their
    /// options records and checked.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown task, method or key (the message lists the valid ones), or a bad value.</exception>
    public static RunSpec Build(string task, string method, int seed, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        TaskCatalog.EnsureKnown(task);
        MethodCatalog.EnsureKnown(method);
        var trainer = new TrainerOptions { Seed = seed };
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> methodKeys = MethodCatalog.OptionKeys(method);
        foreach ((string key, string value) in settings ?? Array.Empty<KeyValuePair<string, string>>())
        {
            string normalized = OptionsBinder.Normalize(key);
            if (normalized == "seed")
            {
                throw new ArgumentException("The seed is not a setting: use --seed (or --seeds).", nameof(settings));
            }

            if (TrainerKeys.Contains(normalized, StringComparer.Ordinal))
            {
                trainer = OptionsBinder.Apply(trainer, normalized, value);
            }
            else if (methodKeys.Contains(normalized, StringComparer.Ordinal))
            {
                overrides[normalized] = value;
            }
            else
            {
                throw new ArgumentException(
                    $"Unknown option '{key}' for method '{method}'. Valid options: {string.Join(", ", TrainerKeys.Concat(methodKeys))}.",
                    nameof(settings));
            }
        }

        try
        {
            // The method's values are parsed here, once, on top of the task's preset, and every value is checked, so
            // a bad one fails before anything runs or any folder is created.
            return new RunSpec(task, method, trainer, overrides);
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName is string key && TrainerKeys.Contains(key, StringComparer.Ordinal))
        {
            // A harness value has always come out of here as a plain ArgumentException (the expert's zip, for example).
            int parameter = e.Message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            throw new ArgumentException(parameter >= 0 ? e.Message[..parameter] : e.Message, nameof(settings), e);
        }
    }
}
