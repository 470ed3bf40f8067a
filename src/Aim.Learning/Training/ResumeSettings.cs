using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using Aim.Core.Resume;

namespace Aim.Learning.Training;

/// <summary>
/// The settings a resume point records: every harness option that could have shaped a row the run has written, and the
/// method's options as its builder names them. A resumed run whose settings differ (an edited <c>options.json</c>) would
/// continue with rows made another way than those before it, under one options.json, so it is refused instead.
/// </summary>
/// <remarks>
/// Only the budgets stay editable: <see cref="TrainerOptions.TotalEnvSteps"/> and <see cref="TrainerOptions.ExpertBudget"/>
/// decide when the run stops and nothing else, so raising them extends a killed run and lowering them ends it sooner,
/// never below the steps it had taken at its resume point.
/// </remarks>
public static class ResumeSettings
{
    /// <summary>The format of resume points (2: the head records the settings).</summary>
    internal const int Format = 2;

    /// <summary>The harness options a resumed run may change: the budgets.</summary>
    public static IReadOnlyList<string> Editable { get; } = [nameof(TrainerOptions.TotalEnvSteps), nameof(TrainerOptions.ExpertBudget)];

    /// <summary>
    /// Reads the head of the resume point at <paramref name="path"/> and throws when it does not fit a run with
    /// <paramref name="options"/> and <paramref name="methodSettings"/>: the settings check
    /// <see cref="InteractiveTrainer{TObs, TAct}"/> makes when it resumes, without building the run (which then also
    /// checks the method's own name and the rest of the state).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is damaged or a setting differs (the message names it, with both values).</exception>
    public static void Check(string path, TrainerOptions options, IReadOnlyList<KeyValuePair<string, string>>? methodSettings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        using StateReader reader = StateFile.Open(path);
        _ = ReadHead(reader, method: null, Of(options, methodSettings), options);
    }

    /// <summary>The settings of a run: <c>trainer.{option}</c> for the harness (budgets left out), then the method's.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> Of(TrainerOptions options, IReadOnlyList<KeyValuePair<string, string>>? methodSettings)
    {
        var settings = new List<KeyValuePair<string, string>>();
        foreach (PropertyInfo property in typeof(TrainerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is null && !Editable.Contains(property.Name))
            {
                settings.Add(new("trainer." + property.Name, Text(property.GetValue(options))));
            }
        }

        settings.AddRange(methodSettings ?? []);
        return settings;
    }

    /// <summary>Writes the head of a resume point: format, method, the step and expert counters, and the settings.</summary>
    internal static void WriteHead(StateWriter writer, int format, string method, long envSteps, long expertSteps, IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        writer.Write(format);
        writer.Write(method);
        writer.Write(envSteps);
        writer.Write(expertSteps);
        writer.Write(settings.Count);
        foreach ((string name, string value) in settings)
        {
            writer.Write(name);
            writer.Write(value);
        }
    }

    /// <summary>Reads what <see cref="WriteHead"/> wrote and checks it against this run; returns the two counters.</summary>
    /// <param name="reader">The resume point, before its first section.</param>
    /// <param name="method">The method's name to expect; null: not checked.</param>
    /// <param name="settings">This run's settings (<see cref="Of"/>).</param>
    /// <param name="options">This run's harness options, whose budgets must not be below the recorded counters.</param>
    internal static (long EnvSteps, long ExpertSteps) ReadHead(StateReader reader, string? method, IReadOnlyList<KeyValuePair<string, string>> settings, TrainerOptions options)
    {
        reader.Section("run");
        reader.Expect("the resume format", reader.ReadInt32(), Format);
        string? recordedMethod = reader.ReadString();
        if (method is not null)
        {
            reader.Expect("the method", recordedMethod, method);
        }

        long envSteps = reader.ReadInt64();
        long expertSteps = reader.ReadInt64();
        int count = reader.ReadInt32();
        var recorded = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString() ?? string.Empty;
            recorded[name] = reader.ReadString() ?? string.Empty;
        }

        foreach ((string name, string value) in settings)
        {
            if (!recorded.TryGetValue(name, out string? was))
            {
                throw reader.Defect($"the setting {name} ({value}) was not recorded at the resume point, so its rows may have been made without it; the run is not resumed");
            }

            if (was != value)
            {
                throw reader.Defect($"the setting {name} was {was} when the resume point was written but is {value} now; the rows written so far were made with {was}, so the run is not resumed with another value (only {string.Join(" and ", Editable.Select(e => "trainer." + e))} may change)");
            }
        }

        if (recorded.Keys.FirstOrDefault(k => !settings.Any(s => s.Key == k)) is string gone)
        {
            throw reader.Defect($"the setting {gone} ({recorded[gone]}) was recorded at the resume point but this run has no such setting; the run is not resumed");
        }

        if (options.TotalEnvSteps < envSteps)
        {
            throw reader.Defect($"trainer.TotalEnvSteps is {options.TotalEnvSteps} but the run had taken {envSteps} steps at its resume point; give at least {envSteps}");
        }

        if (options.ExpertBudget is int budget && budget < expertSteps)
        {
            throw reader.Defect($"trainer.ExpertBudget is {budget} but the expert had controlled {expertSteps} steps at the resume point; give at least {expertSteps}");
        }

        return (envSteps, expertSteps);
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
