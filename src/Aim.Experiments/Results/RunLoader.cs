using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Aim.Experiments.Catalog;
using Aim.Experiments.Running;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using Microsoft.Data.Analysis;
using nietras.SeparatedValues;

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
    /// <exception cref="InvalidDataException">
    /// options.json is not JSON or lacks task, method or seed, or metrics.csv has a cell that is not a number or a
    /// row of the wrong length; the message names the file (and the line).
    /// </exception>
    public static RunRecord Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        string optionsPath = Path.Combine(full, "options.json");
        using JsonDocument options = ParseJson(optionsPath);
        JsonElement root = options.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{optionsPath} is not a JSON object.");
        }

        string task = Required(root, "task", JsonValueKind.String, full).GetString()!;
        string method = Required(root, "method", JsonValueKind.String, full).GetString()!;
        JsonElement seedValue = Required(root, "seed", JsonValueKind.Number, full);
        int seed = seedValue.TryGetInt32(out int s) ? s : throw new InvalidDataException($"{optionsPath}: 'seed' is not an integer.");
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("overrides", out JsonElement overrides) && overrides.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in overrides.EnumerateObject())
            {
                settings[OptionsBinder.Normalize(p.Name)] = Text(p.Value);
            }
        }

        if (root.TryGetProperty("expert", out JsonElement expert) && expert.ValueKind == JsonValueKind.String)
        {
            // A person's run (aim play) is its own series beside the simulated expert's runs.
            settings["expert"] = expert.GetString()!;
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
        bool finished = File.Exists(Path.Combine(full, "summary.json"));
        return new RunRecord(full, task, method, seed, settings, metrics, finished)
        {
            NumericEnvironment = (finished ? NumericEnvironmentIn(Path.Combine(full, "summary.json")) : null) ?? NumericEnvironmentOf(root),
        };
    }

    /// <summary>
    /// The numeric environment a run directory records: where it finished (summary.json), else where it started
    /// (options.json); null when neither records one or is readable.
    /// </summary>
    public static NumericEnvironment? ReadNumericEnvironment(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return NumericEnvironmentIn(Path.Combine(directory, "summary.json")) ?? NumericEnvironmentIn(Path.Combine(directory, "options.json"));
    }

    /// <summary>The numeric environment a run file records (its <c>numericEnvironment</c> object), or null.</summary>
    private static NumericEnvironment? NumericEnvironmentOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(ExperimentRunner.NumericEnvironmentKey, out JsonElement environment)
            || environment.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return environment.Deserialize<NumericEnvironment>(ExperimentRunner.Json);
        }
        catch (JsonException)
        {
            // A damaged record does not hide the run; it only cannot say where it was computed.
            return null;
        }
    }

    private static NumericEnvironment? NumericEnvironmentIn(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return NumericEnvironmentOf(document.RootElement);
        }
        catch (JsonException)
        {
            // A damaged summary.json does not hide the run; options.json still says where it started.
            return null;
        }
    }

    /// <summary>Loads a metrics.csv with every column as doubles (empty cells become nulls).</summary>
    /// <exception cref="InvalidDataException">
    /// A cell is not a number, a row has the wrong number of cells or two columns share a name (the message names the
    /// file and line).
    /// </exception>
    public static DataFrame LoadMetrics(string path)
    {
        using SepReader reader = OpenCsv(path);
        IReadOnlyList<string> names = reader.Header.ColNames;
        if (names.Count == 0)
        {
            return new DataFrame();
        }

        DoubleDataFrameColumn[] columns = names.Select(n => new DoubleDataFrameColumn(n)).ToArray();

        // A blank line is a cut row unless it is the file's last (some editors end a file with one).
        int blankLine = 0;
        foreach (SepReader.Row row in reader)
        {
            if (blankLine > 0)
            {
                throw CutRow(path, blankLine, 1, names.Count);
            }

            if (row.Span.IsEmpty && names.Count > 1)
            {
                blankLine = row.LineNumberFrom;
                continue;
            }

            if (row.ColCount != names.Count)
            {
                throw CutRow(path, row.LineNumberFrom, row.ColCount, names.Count);
            }

            for (int c = 0; c < columns.Length; c++)
            {
                ReadOnlySpan<char> cell = row[c].Span;
                if (cell.IsEmpty)
                {
                    columns[c].Append(null);
                }
                else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    columns[c].Append(value);
                }
                else
                {
                    throw new InvalidDataException($"{path}, line {row.LineNumberFrom}: '{cell}' in column {names[c]} is not a number.");
                }
            }
        }

        return new DataFrame(columns);
    }

    // Sep checks the header itself (a repeated name is an ArgumentException); the row lengths are checked above, so
    // that the message names the file.
    private static SepReader OpenCsv(string path)
    {
        try
        {
            return Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture }).FromFile(path);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static InvalidDataException CutRow(string path, int line, int cells, int columns) =>
        new($"{path}, line {line}: {cells} cells where the header has {columns} (a cut or damaged row).");

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    private static Dictionary<string, string> TrainerValues(JsonElement trainer) =>
        trainer.EnumerateObject().ToDictionary(p => OptionsBinder.Normalize(p.Name), p => Text(p.Value), StringComparer.Ordinal);

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    private static JsonElement Required(JsonElement root, string name, JsonValueKind kind, string directory) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == kind
            ? value
            : throw new InvalidDataException($"{Path.Combine(directory, "options.json")} has no '{name}' {(kind == JsonValueKind.Number ? "number" : "string")}.");
}
