using System.Globalization;
using System.Text;

namespace Aim.Tests.Experiments;

/// <summary>Writes run directories by hand (options.json, metrics.csv, summary.json) for results and report tests.</summary>
internal sealed class HandMadeRuns : IDisposable
{
    public HandMadeRuns()
        : this(Path.Combine(Path.GetTempPath(), $"aim-results-{Guid.NewGuid():N}"))
    {
    }

    /// <summary>Runs written into <paramref name="root"/> (for example a sweep folder's runs/), deleted on dispose.</summary>
    public HandMadeRuns(string root)
    {
        Root = root;
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A run whose evaluations are (env steps, expert cost, success) triples, plus optional extra columns.</summary>
    public string Add(string task, string method, int seed, (double Env, double Expert, double Success)[] points, string? delta = null, int totalEnvSteps = 2000, double? beta = null)
    {
        string directory = Path.Combine(Root, $"{task}__{method}{(delta is null ? string.Empty : "__delta-" + delta)}__s{seed}");
        Directory.CreateDirectory(directory);
        string overrides = delta is null ? "{}" : $"{{\"delta\": \"{delta}\"}}";
        File.WriteAllText(Path.Combine(directory, "options.json"), $$"""
            { "task": "{{task}}", "method": "{{method}}", "seed": {{seed}}, "overrides": {{overrides}},
              "trainer": { "Seed": {{seed}}, "TotalEnvSteps": {{totalEnvSteps}}, "WarmUpSteps": 200, "EvalEvery": 100 } }
            """);
        var csv = new StringBuilder("env_steps,expert_cost,wall_steps,eval/success,eval/return,rollout/recent_intervention_rate,gate/realised_switch_rate,gate/target_switch_rate,eval/route_completion,gate/beta\n");
        foreach ((double env, double expert, double success) in points)
        {
            string betaCell = beta is double b ? (b + (env / 1000)).ToString(CultureInfo.InvariantCulture) : string.Empty;
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{env},{expert},{expert},{success},{success * 0.9},{expert / Math.Max(env, 1)},0.04,0.05,,{betaCell}"));
        }

        File.WriteAllText(Path.Combine(directory, "metrics.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(directory, "summary.json"), "{}");
        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
