using System.Text.Json;
using Aim.Core.Envs;
using Aim.Experiments.Catalog;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>A saved checkpoint and, when it lies in one, the run directory that wrote it.</summary>
/// <param name="Directory">The checkpoint folder: the method's <c>.dat</c> files (for example <c>{run}/checkpoints/final</c>).</param>
/// <param name="RunDirectory">
/// The run directory whose <c>checkpoints/</c> folder holds it, with the <c>options.json</c> that says how the run was
/// made; null for a checkpoint folder elsewhere.
/// </param>
public sealed record SavedCheckpoint(string Directory, string? RunDirectory);

/// <summary>
/// Evaluates a saved policy on held-out layouts, as the run's own evaluations did: what <c>aim eval</c> runs.
/// </summary>
/// <remarks>
/// The method is rebuilt from the run's options (the task's preset and the recorded overrides), its checkpoint loaded
/// all or nothing (<see cref="IMethod.Load"/>), and its deterministic policy run by the harness's
/// <see cref="Evaluator{TObs, TAct}"/> on the same environments and seeds the run evaluated on. So the final checkpoint of
/// a run, evaluated with the run's episodes and first seed, gives the run's final evaluation.
/// </remarks>
public static class CheckpointEvaluation
{
    /// <summary>The checkpoint a run writes when its budget is spent, in <c>{run}/checkpoints/</c>.</summary>
    public const string Final = "final";

    /// <summary>The checkpoint of a run's best evaluation so far, in <c>{run}/checkpoints/</c>.</summary>
    public const string Best = "best";

    /// <summary>The folder of a run directory that holds its checkpoints.</summary>
    public const string CheckpointsFolder = "checkpoints";

    /// <summary>
    /// Finds the checkpoint <paramref name="path"/> names: a checkpoint folder (<c>{run}/checkpoints/final</c> or
    /// <c>…/best</c>, or any folder of <c>.dat</c> files), a run directory or its <c>checkpoints/</c> folder (both
    /// meaning the final checkpoint).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist, or a run directory has no final checkpoint.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is a file, or a folder without checkpoint files.</exception>
    public static SavedCheckpoint Locate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(full))
        {
            throw new ArgumentException($"'{full}' is a file; give the folder of a checkpoint (a run directory, or its checkpoints/{Final} or checkpoints/{Best}).", nameof(path));
        }

        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"No checkpoint folder '{full}'.");
        }

        if (IsRunDirectory(full))
        {
            return InRun(full, Path.Combine(full, CheckpointsFolder, Final));
        }

        string? parent = Path.GetDirectoryName(full);
        if (Path.GetFileName(full) == CheckpointsFolder && parent is not null && IsRunDirectory(parent))
        {
            return InRun(parent, Path.Combine(full, Final));
        }

        if (!Directory.EnumerateFiles(full, "*.dat").Any())
        {
            throw new ArgumentException($"'{full}' holds no checkpoint (no .dat files); give a run directory, or its checkpoints/{Final} or checkpoints/{Best}.", nameof(path));
        }

        string? run = parent is not null && Path.GetFileName(parent) == CheckpointsFolder ? Path.GetDirectoryName(parent) : null;
        return new SavedCheckpoint(full, run is not null && IsRunDirectory(run) ? run : null);
    }

    /// <summary>
    /// The spec of the run in <paramref name="runDirectory"/> as its <c>options.json</c> records it (see
    /// <see cref="RecordedRun.Read"/>), made for evaluation: the expert is the task's own, since an evaluation never asks
    /// the expert and a Stable-Baselines3 zip the run used need not be there any more.
    /// </summary>
    /// <exception cref="FileNotFoundException">The run directory has no options.json.</exception>
    /// <exception cref="InvalidDataException">options.json is not JSON or lacks the task, method or seed (the message names it).</exception>
    /// <exception cref="ArgumentException">The recorded task, method or an override is unknown to this version.</exception>
    public static RunSpec ReadSpec(string runDirectory)
    {
        RunSpec recorded = RecordedRun.Read(runDirectory).Spec;
        return recorded with { Trainer = recorded.Trainer with { Expert = TrainerOptions.TaskExpert, TensorBoard = false } };
    }

    /// <summary>
    /// Loads the checkpoint in <paramref name="checkpointDirectory"/> into the method <paramref name="spec"/> describes
    /// and evaluates its deterministic policy on held-out layouts. TorchSharp's global generator is drawn from to build
    /// the networks (their weights are then replaced by the checkpoint's).
    /// </summary>
    /// <param name="spec">The run that wrote the checkpoint: task, method and options (see <see cref="ReadSpec"/>).</param>
    /// <param name="checkpointDirectory">The checkpoint folder (see <see cref="Locate"/>).</param>
    /// <param name="episodes">Episodes, one per held-out layout (default: the run's <see cref="TrainerOptions.EvalEpisodes"/>).</param>
    /// <param name="seedStart">Seed of the first layout (default: the run's <see cref="TrainerOptions.EvalSeedStart"/>).</param>
    /// <exception cref="FileNotFoundException">A file of the checkpoint does not exist.</exception>
    /// <exception cref="InvalidDataException">A file of the checkpoint is damaged or does not fit the method (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="episodes"/> is not positive.</exception>
    public static EvaluationResult Evaluate(RunSpec spec, string checkpointDirectory, int? episodes = null, int? seedStart = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointDirectory);
        int count = episodes ?? spec.Trainer.EvalEpisodes;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count, nameof(episodes));
        int start = seedStart ?? spec.Trainer.EvalSeedStart;
        TorchRuntime.Initialize();
        return TaskCatalog.IsGrid(spec.Task)
            ? Evaluate(TaskCatalog.CreateGrid(spec.Task).Env, () => TaskCatalog.CreateGrid(spec.Task).Env, spec, checkpointDirectory, count, start)
            : Evaluate(TaskCatalog.DrivingEvaluationFactory(spec.Task)(), TaskCatalog.DrivingEvaluationFactory(spec.Task), spec, checkpointDirectory, count, start);
    }

    // The probe is an environment of the task for its spaces, built apart from the factory: a driving factory numbers
    // its test maps by the order it builds them in, so a probe from it would shift every map by one.
    private static EvaluationResult Evaluate<TObs, TAct>(
        IEnv<TObs, TAct> probe,
        Func<IEnv<TObs, TAct>> factory,
        RunSpec spec,
        string checkpointDirectory,
        int episodes,
        int seedStart)
    {
        var observation = ObservationSpec.From(probe.ObservationSpace, spec.Trainer.ObservationScale == ByteObservationScale.Divide255);
        var action = ActionSpec.From(probe.ActionSpace);
        var codec = new Codec<TObs, TAct>(observation, action, spec.Trainer.BlankedEntries());
        using IMethod method = MethodCatalog.Create(spec.Method, spec.MethodOptions, observation, action, new RunStreams(spec.Seed).Method);

        // Before the evaluation environments are built: a bad checkpoint fails at once.
        method.Load(checkpointDirectory);
        return new Evaluator<TObs, TAct>(factory, codec, episodes).Run(method.Actor, seedStart);
    }

    private static bool IsRunDirectory(string directory) => File.Exists(Path.Combine(directory, "options.json"));

    private static SavedCheckpoint InRun(string run, string checkpoint) => Directory.Exists(checkpoint)
        ? new SavedCheckpoint(checkpoint, run)
        : throw new DirectoryNotFoundException(
            $"Run directory '{run}' has no {Final} checkpoint ('{checkpoint}' is missing: the run has not finished?); "
            + $"give its checkpoints/{Best} to evaluate its best evaluation so far.");
}
