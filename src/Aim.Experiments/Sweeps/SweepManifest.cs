using System.Text.Json;
using System.Text.Json.Nodes;
using Aim.Core.IO;

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
    /// describe the same runs with the same settings, otherwise the folder belongs to another sweep (or to an edited
    /// config, whose finished runs would be skipped and reported as if they had the new settings).
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder holds a different sweep; the message names the first difference.</exception>
    /// <exception cref="InvalidDataException">The existing manifest is damaged (the message names it).</exception>
    public static void Write(string directory, SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        string json = ToJson(plan);
        if (File.Exists(path))
        {
            string? difference = Difference(RecordedRuns(path), plan);
            if (difference is not null)
            {
                throw new InvalidOperationException(
                    $"'{Path.GetFullPath(directory)}' holds a different sweep: {difference}. Its finished runs do not belong to this config: choose another --out, or restore the config to resume.");
            }

            return;
        }

        AtomicFile.WriteByPath(path, temporary => File.WriteAllText(temporary, json));
    }

    /// <summary>Reads the plan recorded in a sweep folder.</summary>
    /// <exception cref="ArgumentException">The folder has no manifest, or its config is invalid.</exception>
    /// <exception cref="InvalidDataException">The manifest is not JSON or has no config (the message names the file).</exception>
    public static SweepPlan Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"'{Path.GetFullPath(directory)}' is not a sweep or compare folder: it has no {FileName}.");
        }

        JsonNode? config;
        try
        {
            config = JsonNode.Parse(File.ReadAllText(path)) is JsonObject root ? root["config"] : null;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path.GetFullPath(path)} is not valid JSON: {e.Message}", e);
        }

        if (config is not JsonObject)
        {
            throw new InvalidDataException($"{Path.GetFullPath(path)} is not a sweep manifest: it has no 'config' object.");
        }

        return SweepPlan.From(SweepConfig.Parse(config.ToJsonString(), Path.GetFullPath(path)));
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

    /// <summary>The first way the runs recorded in a manifest differ from <paramref name="plan"/>'s, or null when they do not.</summary>
    private static string? Difference(IReadOnlyList<RecordedRun> recorded, SweepPlan plan)
    {
        for (int i = 0; i < Math.Max(recorded.Count, plan.Runs.Count); i++)
        {
            if (i >= recorded.Count)
            {
                return $"its {FileName} lists {recorded.Count} runs, the config {plan.Runs.Count} (run {plan.Runs[i].Id} is new)";
            }

            if (i >= plan.Runs.Count)
            {
                return $"its {FileName} lists {recorded.Count} runs, the config {plan.Runs.Count} (run {recorded[i].Id} is not in the config)";
            }

            RecordedRun old = recorded[i];
            SweepRun run = plan.Runs[i];
            if (old.Id != run.Id)
            {
                return $"run {i + 1} is {old.Id} in its {FileName} but {run.Id} in the config";
            }

            Dictionary<string, string> now = Normalized(run.Settings);
            foreach (string key in old.Settings.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                string before = old.Settings.TryGetValue(key, out string? b) ? $"{key}={b}" : $"no {key}";
                string after = now.TryGetValue(key, out string? a) ? $"{key}={a}" : $"no {key}";
                if (before != after)
                {
                    return $"run {run.Id} has {before} in its {FileName}, the config gives {after}";
                }
            }
        }

        return null;
    }

    private static IReadOnlyList<RecordedRun> RecordedRuns(string path)
    {
        try
        {
            JsonArray runs = JsonNode.Parse(File.ReadAllText(path))?["runs"]?.AsArray()
                ?? throw new InvalidDataException($"{Path.GetFullPath(path)} is not a sweep manifest: it has no 'runs' list.");
            return runs.Select(r => new RecordedRun(
                r?["id"]?.GetValue<string>() ?? string.Empty,
                Normalized((r?["settings"] as JsonObject ?? []).Select(p => new KeyValuePair<string, string>(p.Key, p.Value?.ToString() ?? "null"))))).ToArray();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{Path.GetFullPath(path)} is not a valid sweep manifest: {e.Message}", e);
        }
    }

    // Later settings win, as when they are applied (a method_set or grid value after a shared one).
    private static Dictionary<string, string> Normalized(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string value) in settings)
        {
            result[Catalog.OptionsBinder.Normalize(key)] = value;
        }

        return result;
    }

    private sealed record RecordedRun(string Id, IReadOnlyDictionary<string, string> Settings);
}
