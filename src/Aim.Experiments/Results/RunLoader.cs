using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Aim.Experiments.Running;
using Aim.Learning.Training;
using Microsoft.Data.Analysis;

namespace Aim.Experiments.Results;

/// <summary>Reads run directories written by <see cref="ExperimentRunner"/>: options.json, metrics.csv and summary.json.</summary>
public static class RunLoader
{
    private static readonly Lazy<Dictionary<string, string>> s_trainerDefaults = new(() => TrainerValues(JsonSerializer.SerializeToElement(
        new TrainerOptions(),
        new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Converters = { new JsonStringEnumConverter() }, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals })));

    /// <summary>Every run directory under <paramref name="root"/> (itself included), sorted by path.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    public static IReadOnlyList<string> FindRunDirectories(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No results folder '{Path.GetFullPath(root)}'.");
        }

        return Directory.EnumerateFiles(root, "options.json", SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!)
            .Where(d => File.Exists(Path.Combine(d, "metrics.csv")))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Loads one run directory.</summary>
    /// <exception cref="InvalidDataException">options.json lacks task, method or seed.</exception>
    public static RunRecord Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        using JsonDocument options = JsonDocument.Parse(File.ReadAllText(Path.Combine(full, "options.json")));
        JsonElement root = options.RootElement;
        string task = Required(root, "task", full).GetString()!;
        string method = Required(root, "method", full).GetString()!;
        int seed = Required(root, "seed", full).GetInt32();
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("overrides", out JsonElement overrides) && overrides.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in overrides.EnumerateObject())
            {
                settings[OptionsBinder.Normalize(p.Name)] = Text(p.Value);
            }
        }

        if (root.TryGetProperty("trainer", out JsonElement trainer) && trainer.ValueKind == JsonValueKind.Object)
        {
            foreach ((string key, string value) in TrainerValues(trainer))
            {
                if (key != "seed" && (!s_trainerDefaults.Value.TryGetValue(key, out string? standard) || standard != value))
                {
                    settings[key] = value;
                }
            }
        }

        DataFrame metrics = LoadMetrics(Path.Combine(full, "metrics.csv"));
        return new RunRecord(full, task, method, seed, settings, metrics, File.Exists(Path.Combine(full, "summary.json")));
    }

    /// <summary>Loads a metrics.csv with every column as doubles (empty cells become nulls).</summary>
    public static DataFrame LoadMetrics(string path)
    {
        string header = File.ReadLines(path).FirstOrDefault() ?? string.Empty;
        int columns = header.Length == 0 ? 0 : header.Split(',').Length;
        if (columns == 0)
        {
            return new DataFrame();
        }

        return DataFrame.LoadCsv(path, dataTypes: Enumerable.Repeat(typeof(double), columns).ToArray(), cultureInfo: CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> TrainerValues(JsonElement trainer) =>
        trainer.EnumerateObject().ToDictionary(p => OptionsBinder.Normalize(p.Name), p => Text(p.Value), StringComparer.Ordinal);

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    private static JsonElement Required(JsonElement root, string name, string directory) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new InvalidDataException($"{Path.Combine(directory, "options.json")} has no '{name}'.");
}
