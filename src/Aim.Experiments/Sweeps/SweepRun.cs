using System.Text;
using Aim.Experiments.Running;

namespace Aim.Experiments.Sweeps;

/// <summary>One run of a sweep's plan.</summary>
/// <param name="Index">Position in the plan (shards take <c>Index mod N</c>).</param>
/// <param name="Task">Task name.</param>
/// <param name="Method">Method name.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Settings">Fixed and grid settings of the run, in order (key → value text).</param>
/// <param name="Point">The grid point's settings only ("delta=0.1"), empty without a grid.</param>
public sealed record SweepRun(int Index, string Task, string Method, int Seed, IReadOnlyList<KeyValuePair<string, string>> Settings, IReadOnlyList<KeyValuePair<string, string>> Point)
{
    /// <summary>
    /// The run's folder name inside the sweep: <c>{task}__{method}[__{key}-{value}…]__s{seed}</c>, deterministic, so
    /// a restarted sweep finds its finished runs.
    /// </summary>
    public string Id
    {
        get
        {
            var id = new StringBuilder().Append(Task).Append("__").Append(Method);
            foreach ((string key, string value) in Point)
            {
                id.Append("__").Append(Safe(key)).Append('-').Append(Safe(value));
            }

            return id.Append("__s").Append(Seed).ToString();
        }
    }

    /// <summary>The run's spec (settings checked against the harness and the method).</summary>
    public RunSpec ToSpec() => RunSettings.Build(Task, Method, Seed, Settings);

    /// <summary>The settings as <c>key=value</c> strings (what <c>aim run --set</c> takes).</summary>
    public IEnumerable<string> SettingStrings => Settings.Select(p => $"{p.Key}={p.Value}");

    private static string Safe(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray());
}
