using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Aim.Experiments.Sweeps;

/// <summary>
/// A sweep as JSON: tasks × methods × a grid of option values × seeds, plus fixed settings. Example:
/// <code>
/// { "name": "delta", "tasks": ["multiroom-6"], "methods": ["aim"], "seeds": 5,
///   "set": { "total_env_steps": 2000 }, "grid": { "delta": [0.02, 0.05, 0.1, 0.2] } }
/// </code>
/// Keys are harness options (<c>TrainerOptions</c>) or method options; a grid key applies to the methods that have it
/// and is skipped for the others (a Thrifty run does not repeat for every δ). Unknown keys and keys given twice in one
/// object are refused.
/// </summary>
public sealed record SweepConfig
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        // Reflection-based (file-based apps turn it off by default).
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Name of the sweep (its folder's name). Required.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Tasks. Required.</summary>
    public IReadOnlyList<string> Tasks { get; init; } = [];

    /// <summary>Methods. Required.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>A seed count n (seeds 0 … n − 1) or an explicit list of seeds.</summary>
    public JsonElement Seeds { get; init; }

    /// <summary>Settings applied to every run (key → value).</summary>
    public IReadOnlyDictionary<string, JsonElement> Set { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>
    /// Settings for single methods (method → key → value), applied after <see cref="Set"/> and before the grid: how a
    /// protocol gives methods different budgets, e.g. the driving table's 2K expert steps for robot-gated methods and
    /// 2K monitored steps for human-gated ones.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>> MethodSet { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>();

    /// <summary>The grid: key → the values to try.</summary>
    public IReadOnlyDictionary<string, JsonElement[]> Grid { get; init; } = new Dictionary<string, JsonElement[]>();

    /// <summary>Target test success of the report's expert-cost column (default 0.8).</summary>
    public double? TargetSuccess { get; init; }

    /// <summary>
    /// Where the finished sweep also writes its small tables for the repository (a folder such as
    /// <c>data/results/delta</c>, relative to the working directory), with the command and config that made them;
    /// null (default): nowhere. See <see cref="Results.PublishedResults"/>.
    /// </summary>
    public string? Publish { get; init; }

    /// <summary>
    /// Another implementation's measured runs of the sweep's task (a folder such as
    /// <c>data/reference/released-aim-minigrid</c>, relative to the working directory, read by
    /// <see cref="Results.ReferenceRuns.Load"/>) that the sweep's report draws beside its runs; null (default): none.
    /// <see cref="Load"/> refuses a config whose folder does not exist or does not load, before any run starts.
    /// </summary>
    public string? Reference { get; init; }

    /// <summary>Reads a config file to run it: its <see cref="Reference"/>, when set, must load.</summary>
    /// <exception cref="ArgumentException">The file is missing or is not a valid config (the message says why).</exception>
    /// <exception cref="IOException">The reference folder or one of its files is missing (the message names it).</exception>
    /// <exception cref="InvalidDataException">A reference file has a bad row (the message names the file and line).</exception>
    public static SweepConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"No sweep config '{Path.GetFullPath(path)}'.", nameof(path));
        }

        SweepConfig config = Parse(File.ReadAllText(path), path);

        // Here, before any run starts, rather than when the report is written hours later; not in Parse, which also
        // reads sweep folders' manifests, where a merge elsewhere may lack the folder.
        if (config.Reference is string reference)
        {
            _ = Results.ReferenceRuns.Load(reference);
        }

        return config;
    }

    /// <summary>Parses a config from JSON text.</summary>
    /// <exception cref="ArgumentException">Not valid JSON, a missing field, or a key given twice in one object.</exception>
    public static SweepConfig Parse(string json, string source = "sweep config")
    {
        SweepConfig config;
        try
        {
            // Before the serializer, which would keep the last of two equal keys without a word.
            DuplicateKeys.Ensure(System.Text.Encoding.UTF8.GetBytes(json), source);
            config = JsonSerializer.Deserialize<SweepConfig>(json, s_json) ?? throw new ArgumentException($"{source} is empty.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{source} is not a valid sweep config: {e.Message}", nameof(json), e);
        }

        if (!IsFolderName(config.Name))
        {
            throw new ArgumentException(
                $"{source}: 'name' must be a single folder name (no '/', '\\', '.' or '..'), got '{config.Name}'.", nameof(json));
        }

        if (config.Tasks.Count == 0 || config.Methods.Count == 0)
        {
            throw new ArgumentException($"{source}: 'tasks' and 'methods' must each list at least one name.", nameof(json));
        }

        _ = config.SeedList();
        return config;
    }

    /// <summary>
    /// True when <paramref name="name"/> names one folder inside another: not empty, not <c>.</c> or <c>..</c>, and
    /// without separators of any platform (Linux's invalid characters are only '/' and NUL, so '\' is checked too).
    /// </summary>
    public static bool IsFolderName(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Trim() is not ("." or "..")
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && name.IndexOfAny(['/', '\\']) < 0;

    /// <summary>The seeds as a list.</summary>
    /// <exception cref="ArgumentException">Neither a positive count nor a list of integers.</exception>
    public IReadOnlyList<int> SeedList()
    {
        if (Seeds.ValueKind == JsonValueKind.Number && Seeds.TryGetInt32(out int count) && count > 0)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        if (Seeds.ValueKind == JsonValueKind.Array && Seeds.GetArrayLength() > 0 && Seeds.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _)))
        {
            return Seeds.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        }

        throw new ArgumentException($"Sweep '{Name}': 'seeds' must be a positive count or a list of integers, got {(Seeds.ValueKind == JsonValueKind.Undefined ? "nothing" : Seeds.GetRawText())}.");
    }

    /// <summary>The config as JSON (what the sweep's manifest records).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>A value as the text a <c>key=value</c> setting takes (numbers keep their JSON spelling).</summary>
    public static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
