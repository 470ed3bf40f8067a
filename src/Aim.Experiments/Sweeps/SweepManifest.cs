using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aim.Experiments.Sweeps;

/// <summary>
/// <c>sweep.json</c>: the config and the full plan (every run's id and settings), written before any run starts so an
/// interrupted or sharded sweep can be resumed and merged.
/// </summary>
public static class SweepManifest
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "sweep.json";

    /// <summary>The folder of the runs inside a sweep folder.</summary>
    public const string RunsFolder = "runs";

    /// <summary>
    /// Writes the manifest of <paramref name="plan"/> into <paramref name="directory"/>; when one is there already it must
    /// describe the same plan (same runs), otherwise the folder belongs to another sweep.
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder holds a different sweep.</exception>
    public static void Write(string directory, SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        string json = ToJson(plan);
        if (File.Exists(path))
        {
            string[] existing = RunIds(File.ReadAllText(path));
            if (!existing.SequenceEqual(plan.Runs.Select(r => r.Id)))
            {
                throw new InvalidOperationException($"'{Path.GetFullPath(directory)}' holds a different sweep (its {FileName} lists other runs): choose another --out.");
            }

            return;
        }

        string temp = path + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads the plan recorded in a sweep folder.</summary>
    /// <exception cref="ArgumentException">The folder has no manifest or it is invalid.</exception>
    public static SweepPlan Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"'{Path.GetFullPath(directory)}' is not a sweep or compare folder: it has no {FileName}.");
        }

        JsonNode root = JsonNode.Parse(File.ReadAllText(path)) ?? throw new ArgumentException($"{path} is empty.");
        return SweepPlan.From(SweepConfig.Parse(root["config"]!.ToJsonString(), path));
    }

    /// <summary>The manifest text of <paramref name="plan"/>.</summary>
    public static string ToJson(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var runs = new JsonArray();
        foreach (SweepRun run in plan.Runs)
        {
            var settings = new JsonObject();
            foreach ((string key, string value) in run.Settings)
            {
                settings[key] = value;
            }

            runs.Add(new JsonObject
            {
                ["index"] = run.Index,
                ["id"] = run.Id,
                ["task"] = run.Task,
                ["method"] = run.Method,
                ["seed"] = run.Seed,
                ["settings"] = settings,
            });
        }

        var root = new JsonObject { ["config"] = JsonNode.Parse(plan.Config.ToJson()), ["runs"] = runs };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string[] RunIds(string json) =>
        (JsonNode.Parse(json)?["runs"]?.AsArray() ?? []).Select(r => r?["id"]?.GetValue<string>() ?? string.Empty).ToArray();
}
