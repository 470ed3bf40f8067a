using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Aim.Learning.Torch;
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
    /// The key of the numeric environment (<see cref="NumericEnvironment"/>: CPU, libtorch's code paths, versions,
    /// threads) in options.json (where the run started) and summary.json (where it finished).
    /// </summary>
    public const string NumericEnvironmentKey = "numericEnvironment";

    /// <summary>The JSON settings options.json and summary.json are written with (and read back with).</summary>
    internal static JsonSerializerOptions Json => s_json;

    /// <summary>
    /// Runs <paramref name="spec"/>. With <paramref name="runsRoot"/> the run writes
    /// <c>{runsRoot}/{task}__{method}__s{seed}__{timestamp}/</c> (options.json first, then metrics as they happen,
    /// checkpoints, summary.json last); with null nothing is written. The spec's options were parsed and checked when
    /// it was made (<see cref="RunSpec"/>), so a refused run never gets here and leaves no folder behind. The run holds
    /// its folder's <see cref="RunLock"/> until it ends.
    /// </summary>
    /// <exception cref="InvalidOperationException">A live process holds <paramref name="runDirectory"/> (it is still writing a run there).</exception>
    public static RunResult Run(RunSpec spec, string? runsRoot = "runs", Action<EvaluationPoint>? progress = null, string? runDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string? directory = runDirectory ?? (runsRoot is null ? null : NewRunDirectory(runsRoot, spec));

        // Held until the summary is written: no second process (a rerun of a sweep beside a run its killed parent left
        // behind) may write into the folder meanwhile.
        using RunLock? hold = directory is null ? null : RunLock.Acquire(Directory.CreateDirectory(directory).FullName);
        if (directory is not null)
        {
            WriteOptions(directory, spec);
        }

        var clock = Stopwatch.StartNew();
        var phases = new PhaseClock();
        IReadOnlyList<EvaluationPoint> history;
        using (ITrainer trainer = Experiment.Create(spec, directory))
        {
            trainer.AddObserver(phases);
            if (progress is not null)
            {
                trainer.AddObserver(new EvaluationProgress(progress));
            }

            history = trainer.Train().ToArray();
        }

        // The phases first: their clock started after the run's, so together they never exceed its seconds.
        RunPhases spent = phases.Seconds;
        var result = new RunResult(spec, directory, history, clock.Elapsed.TotalSeconds) { Phases = spent };
        if (directory is not null)
        {
            WriteSummary(directory, result);
        }

        return result;
    }

    /// <summary>
    /// Continues the killed run in <paramref name="runDirectory"/> from its resume point and finishes it as the
    /// uninterrupted run would have: same metrics, episodes and steps (wall time aside), then summary.json.
    /// </summary>
    /// <param name="runDirectory">A run directory written by <see cref="Run"/> (or <c>aim run</c>).</param>
    /// <param name="progress">Called after every evaluation from the resume point on.</param>
    /// <exception cref="FileNotFoundException">No options.json or no resume point (the message says which).</exception>
    /// <exception cref="InvalidOperationException">
    /// The run has finished, a person played it (a person's answers cannot be replayed), or a live process holds its
    /// folder (<see cref="RunLock"/>).
    /// </exception>
    /// <exception cref="InvalidDataException">The resume point is damaged, or this version builds the run with other options than options.json records (the message names the option).</exception>
    public static RunResult Resume(string runDirectory, Action<EvaluationPoint>? progress = null)
    {
        RecordedRun run = CheckResumable(runDirectory);
        using RunLock hold = RunLock.Acquire(run.Directory);
        var clock = Stopwatch.StartNew();
        var phases = new PhaseClock();
        IReadOnlyList<EvaluationPoint> history;
        using (ITrainer trainer = Experiment.Resume(run.Spec, run.Directory))
        {
            trainer.AddObserver(phases);
            if (progress is not null)
            {
                trainer.AddObserver(new EvaluationProgress(progress));
            }

            history = trainer.Train().ToArray();
        }

        double seconds = history.Count == 0 ? clock.Elapsed.TotalSeconds : history[^1][MetricNames.TimeSeconds];
        var result = new RunResult(run.Spec, run.Directory, history, seconds) { Phases = phases.Seconds };
        WriteSummary(run.Directory, result);
        return result;
    }

    /// <summary>
    /// Everything <see cref="Resume"/> checks before it builds the run, so a caller can refuse before it reports anything:
    /// the run was the simulated expert's, has not finished, its options.json builds the options it records, and its
    /// resume point exists and recorded the same settings (<see cref="ResumeSettings"/>).
    /// </summary>
    /// <returns>The run as its options.json records it.</returns>
    /// <exception cref="FileNotFoundException">No options.json or no resume point.</exception>
    /// <exception cref="InvalidOperationException">A person's run, or a finished one.</exception>
    /// <exception cref="InvalidDataException">The options or the resume point do not fit (the message names the setting and both values).</exception>
    public static RecordedRun CheckResumable(string runDirectory)
    {
        RecordedRun run = RecordedRun.Read(runDirectory);
        if (run.Expert is not null)
        {
            throw new InvalidOperationException($"Run '{run.Directory}' was answered by '{run.Expert}' at the play page, not by the simulated expert: it cannot be resumed.");
        }

        if (File.Exists(Path.Combine(run.Directory, "summary.json")))
        {
            throw new InvalidOperationException($"Run '{run.Directory}' has finished (it has a summary.json): there is nothing to resume.");
        }

        RecordedOptions.EnsureSame(run.Directory, run.Spec);
        string state = Path.Combine(run.Directory, InteractiveTrainer<byte[], int>.ResumeFileName);
        if (!File.Exists(state))
        {
            throw new FileNotFoundException($"Run directory '{run.Directory}' has no resume point ({state}): a run writes one at the first episode end after each evaluation.", state);
        }

        ResumeSettings.Check(state, run.Spec.Trainer, RecordedOptions.MethodSettings(run.Spec));
        return run;
    }

    /// <summary>
    /// Writes <c>options.json</c>, the first file of a run directory: task, method, seed, the overrides, the harness and
    /// method options and the numeric environment (<see cref="NumericEnvironment"/>); with <paramref name="expert"/> (<c>"human"</c> for a person's run) also who the expert was, which
    /// <see cref="Results.RunLoader"/> reads as the setting <c>expert</c> so such runs form their own series.
    /// </summary>
    /// <param name="directory">The run directory (created if missing).</param>
    /// <param name="spec">The run.</param>
    /// <param name="expert">Who the expert was; null (default) for the task's simulated expert.</param>
    public static void WriteOptions(string directory, RunSpec spec, string? expert = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var options = new Dictionary<string, object?>
        {
            ["task"] = spec.Task,
            ["method"] = spec.Method,
            ["seed"] = spec.Seed,
        };
        if (expert is not null)
        {
            options["expert"] = expert;
        }

        options["overrides"] = spec.Overrides;
        options["trainer"] = spec.Trainer;
        options["methodOptions"] = spec.MethodOptions;
        options[NumericEnvironmentKey] = NumericEnvironment.Current();
        WriteJson(Path.Combine(directory, "options.json"), options);
    }

    /// <summary>
    /// Writes <c>summary.json</c>, the last file of a run directory (its presence marks the run finished): seconds (and,
    /// when measured, <c>phaseSeconds</c>: learning, evaluation and collection), the final metrics, the best success and the
    /// numeric environment the run finished in;
    /// <paramref name="stopped"/> marks a run stopped before its budget was spent.
    /// </summary>
    public static void WriteSummary(string directory, RunResult result, bool stopped = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var summary = new Dictionary<string, object?>
        {
            ["task"] = result.Spec.Task,
            ["method"] = result.Spec.Method,
            ["seed"] = result.Spec.Seed,
            ["seconds"] = result.Seconds,
            ["final"] = result.Final.Metrics,
            ["bestSuccess"] = result.BestSuccess,
        };
        if (result.Phases is { } phases)
        {
            summary["phaseSeconds"] = new Dictionary<string, double>
            {
                ["learning"] = phases.Learning,
                ["evaluation"] = phases.Evaluation,
                ["collection"] = phases.Collection,
            };
        }

        if (stopped)
        {
            summary["stopped"] = true;
        }

        summary[NumericEnvironmentKey] = NumericEnvironment.Current();

        WriteJson(Path.Combine(directory, "summary.json"), summary);
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
