using Aim.Experiments.Catalog;

namespace Aim.Play;

/// <summary>
/// Harness settings a play session starts from, before the person's own <c>--set</c> values: budgets a person can
/// play through in a few minutes (a full budget is 2,000 steps with 200 of warm-up), evaluations often enough to see
/// the curve move, and fewer evaluation episodes so the page does not wait on them.
/// </summary>
public static class PlayDefaults
{
    private const string SaveData = "save_data";

    /// <summary>The grid defaults: 600 steps, 60 of warm-up (three or four lava crossings), an update every 10 labels, an evaluation every 100 steps on 20 held-out layouts.</summary>
    public static IReadOnlyDictionary<string, string> Grid { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["total_env_steps"] = "600",
        ["warm_up_steps"] = "60",
        ["update_every"] = "10",
        ["eval_every"] = "100",
        ["eval_episodes"] = "20",
    };

    /// <summary>The driving defaults: 1,500 steps (2.5 minutes at 10 steps a second), 150 of warm-up, an evaluation every 300 steps on 5 held-out maps.</summary>
    public static IReadOnlyDictionary<string, string> Driving { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["total_env_steps"] = "1500",
        ["warm_up_steps"] = "150",
        ["update_every"] = "50",
        ["eval_every"] = "300",
        ["eval_episodes"] = "5",
    };

    /// <summary>
    /// The defaults for <paramref name="task"/>, then <paramref name="settings"/> over them (later keys win), and
    /// <c>save_data=true</c>: every session keeps what was played as a Minari dataset in <c>{run}/dataset/</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="settings"/> turns <c>save_data</c> off.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Merge(string task, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var merged = new Dictionary<string, string>(TaskCatalog.IsDriving(task) ? Driving : Grid, StringComparer.Ordinal);
        foreach ((string key, string value) in settings)
        {
            merged[OptionsBinder.Normalize(key)] = value;
        }

        if (merged.TryGetValue(SaveData, out string? given) && !(bool.TryParse(given, out bool on) && on))
        {
            throw new ArgumentException($"A play session always saves what was played as a dataset; save_data={given} cannot turn that off.", nameof(settings));
        }

        merged[SaveData] = "true";
        return merged.ToArray();
    }
}
