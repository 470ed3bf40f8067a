using System.Text.Json;

namespace Aim.Experiments.Running;

/// <summary>
/// Checks that the options a run directory's <c>options.json</c> records are the options this version builds from the
/// same task, method and overrides: a resumed run must continue with exactly the settings it started with.
/// </summary>
internal static class RecordedOptions
{
    /// <summary>Throws when the recorded harness or method options differ from <paramref name="spec"/>'s, naming the first option that differs.</summary>
    /// <exception cref="InvalidDataException">An option differs or options.json lacks the harness or method options.</exception>
    public static void EnsureSame(string runDirectory, RunSpec spec)
    {
        string path = Path.Combine(runDirectory, "options.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        Compare(document.RootElement, "trainer", JsonSerializer.SerializeToElement(spec.Trainer, ExperimentRunner.Json), path);
        Compare(document.RootElement, "methodOptions", JsonSerializer.SerializeToElement(spec.MethodOptions, spec.MethodOptions.GetType(), ExperimentRunner.Json), path);
    }

    /// <summary>
    /// The method of <paramref name="spec"/> (<c>method</c>, first, so a resume point of another method says so before
    /// anything else) and its options as <c>methodOptions.{name}</c> → JSON text (nested options as
    /// <c>methodOptions.{name}.{inner}</c>), the names options.json uses: what each resume point records of the method.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> MethodSettings(RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = new List<KeyValuePair<string, string>> { new("method", spec.Method) };
        Flatten("methodOptions", JsonSerializer.SerializeToElement(spec.MethodOptions, spec.MethodOptions.GetType(), ExperimentRunner.Json), settings);
        return settings;
    }

    private static void Flatten(string name, JsonElement value, List<KeyValuePair<string, string>> into)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            into.Add(new(name, value.GetRawText()));
            return;
        }

        foreach (JsonProperty property in value.EnumerateObject())
        {
            Flatten($"{name}.{property.Name}", property.Value, into);
        }
    }

    private static void Compare(JsonElement root, string section, JsonElement live, string path)
    {
        if (!root.TryGetProperty(section, out JsonElement recorded) || recorded.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path} has no '{section}' object: the run's options cannot be checked, so it is not resumed.");
        }

        foreach (JsonProperty option in live.EnumerateObject())
        {
            string was = recorded.TryGetProperty(option.Name, out JsonElement value) ? value.GetRawText() : "(absent)";
            if (!recorded.TryGetProperty(option.Name, out value) || !JsonElement.DeepEquals(value, option.Value))
            {
                throw new InvalidDataException(
                    $"{path}: {section}.{option.Name} is {was} but this version builds {option.Value.GetRawText()} from the same task, method and overrides; "
                    + "the run would continue with other settings than it started with, so it is not resumed.");
            }
        }

        foreach (JsonProperty option in recorded.EnumerateObject())
        {
            if (!live.TryGetProperty(option.Name, out _))
            {
                throw new InvalidDataException($"{path}: {section}.{option.Name} is recorded but unknown to this version, so the run is not resumed.");
            }
        }
    }
}
