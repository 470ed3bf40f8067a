using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>Runs one method on one task with one seed, writing the run directory as it goes.</summary>
public static class ExperimentRunner
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        // Reflection-based (file-based apps turn it off by default).
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Runs <paramref name="spec"/>. With <paramref name="runsRoot"/> the run writes
    /// <c>{runsRoot}/{task}__{method}__s{seed}__{timestamp}/</c> (options.json first, then metrics as they happen,
    /// checkpoints, summary.json last); with null nothing is written. The spec's options were parsed and checked when
    /// it was made (<see cref="RunSpec"/>), so a refused run never gets here and leaves no folder behind.
    /// </summary>
    public static RunResult Run(RunSpec spec, string? runsRoot = "runs", Action<EvaluationPoint>? progress = null, string? runDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string? directory = runDirectory ?? (runsRoot is null ? null : NewRunDirectory(runsRoot, spec));
        if (directory is not null)
        {
            WriteJson(Path.Combine(directory, "options.json"), new
            {
                task = spec.Task,
                method = spec.Method,
                seed = spec.Seed,
                overrides = spec.Overrides,
                trainer = spec.Trainer,
                methodOptions = spec.MethodOptions,
            });
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<EvaluationPoint> history;
        using (ITrainer trainer = Experiment.Create(spec, directory))
        {
            history = trainer.Train(progress).ToArray();
        }

        var result = new RunResult(spec, directory, history, clock.Elapsed.TotalSeconds);
        if (directory is not null)
        {
            WriteJson(Path.Combine(directory, "summary.json"), new
            {
                task = spec.Task,
                method = spec.Method,
                seed = spec.Seed,
                seconds = result.Seconds,
                final = result.Final.Metrics,
                bestSuccess = result.BestSuccess,
            });
        }

        return result;
    }

    private static string NewRunDirectory(string root, RunSpec spec)
    {
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return UniqueFolder.Create(root, $"{spec.Task}__{spec.Method}__s{spec.Seed}__{stamp}");
    }

    private static void WriteJson(string path, object value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(value, s_json));
    }
}
