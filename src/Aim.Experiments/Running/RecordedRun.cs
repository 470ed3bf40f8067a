using System.Text.Json;
using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>A run as its directory's <c>options.json</c> records it: the spec it ran with and who the expert was.</summary>
/// <param name="Directory">The run directory (full path).</param>
/// <param name="Spec">Task, method, seed, overrides on the task's preset and harness options, exactly as run.</param>
/// <param name="Expert">
/// Who answered instead of the task's simulated expert (<c>human</c> for a person at the <c>aim play</c> page,
/// <c>planner-stand-in</c> for the planner pressing the page's keys); null for the simulated expert.
/// </param>
public sealed record RecordedRun(string Directory, RunSpec Spec, string? Expert)
{
    /// <summary>Reads the options.json of <paramref name="runDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">The run directory has no options.json.</exception>
    /// <exception cref="InvalidDataException">options.json is not JSON or lacks the task, method or seed (the message names it).</exception>
    /// <exception cref="ArgumentException">The recorded task, method or an override is unknown to this version.</exception>
    public static RecordedRun Read(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        string directory = Path.GetFullPath(runDirectory);
        string path = Path.Combine(directory, "options.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No options.json in run directory '{directory}'.", path);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path} is not a JSON object.");
            }

            string task = Required(root, "task", JsonValueKind.String, path).GetString()!;
            string method = Required(root, "method", JsonValueKind.String, path).GetString()!;
            int seed = Required(root, "seed", JsonValueKind.Number, path).TryGetInt32(out int s)
                ? s
                : throw new InvalidDataException($"{path}: 'seed' is not an integer.");
            string? expert = root.TryGetProperty("expert", out JsonElement who) && who.ValueKind == JsonValueKind.String ? who.GetString() : null;
            var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("overrides", out JsonElement recorded) && recorded.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in recorded.EnumerateObject())
                {
                    overrides[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }

            TrainerOptions trainer = root.TryGetProperty("trainer", out JsonElement harness) && harness.ValueKind == JsonValueKind.Object
                ? harness.Deserialize<TrainerOptions>(ExperimentRunner.Json) ?? new TrainerOptions()
                : new TrainerOptions();
            return new RecordedRun(directory, new RunSpec(task, method, trainer with { Seed = seed }, overrides), expert);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid run options: {e.Message}", e);
        }
    }

    private static JsonElement Required(JsonElement root, string name, JsonValueKind kind, string path) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == kind
            ? value
            : throw new InvalidDataException($"{path} has no '{name}' {(kind == JsonValueKind.Number ? "number" : "string")}.");
}
