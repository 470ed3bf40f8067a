using Aim.Core.Envs;
using Aim.Core.Experts;
using Aim.Core.Metrics;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Metrics;
using Aim.Envs.Grid;
using Aim.Experiments.Catalog;
using Aim.Learning.Experts.Sb3;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>
/// Builds ready-to-drive trainers by task and method name: what a notebook cell calls before stepping through
/// <c>WarmUp</c>, <c>CollectEpisode</c>, <c>Update</c> and <c>Evaluate</c> one phase per cell. Each call takes either a
/// <see cref="RunSpec"/> (typed options, used as they are) or <c>key=value</c> overrides, parsed once into a spec.
/// </summary>
public static class Experiment
{
    /// <summary>
    /// A trainer for the run <paramref name="spec"/> describes, on any task (grid or driving); TorchSharp is seeded with
    /// the run's seed so the same spec gives the same run. Dispose it when done.
    /// </summary>
    /// <param name="spec">The run (options typed and checked when the spec was made).</param>
    /// <param name="runDirectory">Where to write logs and checkpoints (null: nothing is written).</param>
    public static ITrainer Create(RunSpec spec, string? runDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TaskCatalog.IsGrid(spec.Task) ? Grid(spec, runDirectory) : Driving(spec, runDirectory);
    }

    /// <summary>
    /// Builds the trainer of the run in <paramref name="runDirectory"/> as <paramref name="spec"/> describes it and
    /// restores its resume point (<c>checkpoints/resume.state</c>): training continues where the run stopped and ends
    /// with the uninterrupted run's results. The run's logs keep their rows up to the resume point and are appended to.
    /// </summary>
    /// <exception cref="FileNotFoundException">The run has no resume point.</exception>
    /// <exception cref="InvalidDataException">The resume point is damaged or does not fit <paramref name="spec"/> (the message says how).</exception>
    public static ITrainer Resume(RunSpec spec, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        string state = Path.Combine(Path.GetFullPath(runDirectory), InteractiveTrainer<byte[], int>.ResumeFileName);
        if (!File.Exists(state))
        {
            throw new FileNotFoundException($"Run directory '{Path.GetFullPath(runDirectory)}' has no resume point ({state}): a run writes one at the first episode end after each evaluation.", state);
        }

        return TaskCatalog.IsGrid(spec.Task) ? Grid(spec, runDirectory, state) : Driving(spec, runDirectory, state);
    }

    /// <summary>
    /// A trainer for <paramref name="method"/> on any task (grid or driving), its options parsed once from
    /// <paramref name="overrides"/> on top of the task's preset (see <see cref="RunSpec"/>). Dispose it when done.
    /// </summary>
    /// <param name="task">A task name (<see cref="TaskCatalog.Names"/>).</param>
    /// <param name="method">A method name (<see cref="MethodCatalog.Names"/>); default <c>aim</c>.</param>
    /// <param name="trainer">Harness options (default: <see cref="TrainerOptions"/>'s defaults).</param>
    /// <param name="overrides">Method option overrides (<c>key=value</c>), applied after the task's preset.</param>
    /// <param name="runDirectory">Where to write logs and checkpoints (null: nothing is written).</param>
    public static ITrainer Create(
        string task,
        string method = "aim",
        TrainerOptions? trainer = null,
        IReadOnlyDictionary<string, string>? overrides = null,
        string? runDirectory = null) =>
        Create(Spec(task, method, trainer, overrides), runDirectory);

    /// <summary>A trainer on a grid task, typed for notebooks that inspect grid states.</summary>
    /// <exception cref="ArgumentException">The spec's task is not a grid task.</exception>
    public static InteractiveTrainer<byte[], int> Grid(RunSpec spec, string? runDirectory = null) => Grid(spec, runDirectory, resumeFrom: null);

    /// <summary>
    /// A trainer on a grid task whose expert is <paramref name="expert"/> (a person at a live page, say) instead of the
    /// task's planner; <paramref name="wrapMethod"/>, when given, wraps the method built from the spec (a person's own
    /// gate around a human-gated method). The spec's SB3 expert, if any, is not used.
    /// </summary>
    /// <exception cref="ArgumentException">The spec's task is not a grid task.</exception>
    public static InteractiveTrainer<byte[], int> Grid(
        RunSpec spec,
        string? runDirectory,
        Func<GridEnv, IExpert<byte[], int>> expert,
        Func<IMethod, IMethod>? wrapMethod = null)
    {
        RequireTask(spec, TaskCatalog.IsGrid, "grid");
        ArgumentNullException.ThrowIfNull(expert);
        GridEnv env = TaskCatalog.CreateGrid(spec.Task).Env;
        return Build(env, expert(env), () => TaskCatalog.CreateGrid(spec.Task).Env, spec, new RunStreams(spec.Seed), runDirectory, wrapMethod: wrapMethod);
    }

    /// <summary>A trainer on a grid task from <c>key=value</c> overrides, parsed once into a <see cref="RunSpec"/>.</summary>
    public static InteractiveTrainer<byte[], int> Grid(
        string task,
        string method = "aim",
        TrainerOptions? trainer = null,
        IReadOnlyDictionary<string, string>? overrides = null,
        string? runDirectory = null) =>
        Grid(Spec(task, method, trainer, overrides), runDirectory);

    /// <summary>A trainer on a driving task, typed for notebooks that inspect the car.</summary>
    /// <exception cref="ArgumentException">The spec's task is not a driving task.</exception>
    public static InteractiveTrainer<float[], float[]> Driving(RunSpec spec, string? runDirectory = null) => Driving(spec, runDirectory, resumeFrom: null);

    /// <summary>
    /// A trainer on a driving task whose expert is <paramref name="expert"/> (a person at a live page, say) instead of
    /// the task's planner; <paramref name="wrapMethod"/> as in <see cref="Grid(RunSpec, string?, Func{GridEnv, IExpert{byte[], int}}, Func{IMethod, IMethod}?)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The spec's task is not a driving task.</exception>
    public static InteractiveTrainer<float[], float[]> Driving(
        RunSpec spec,
        string? runDirectory,
        Func<DrivingEnv, IExpert<float[], float[]>> expert,
        Func<IMethod, IMethod>? wrapMethod = null)
    {
        RequireTask(spec, TaskCatalog.IsDriving, "driving");
        ArgumentNullException.ThrowIfNull(expert);
        var streams = new RunStreams(spec.Seed);
        DrivingEnv env = TaskCatalog.CreateDriving(spec.Task, streams.DrivingPlanner()).Env;
        return Build(env, expert(env), TaskCatalog.DrivingEvaluationFactory(spec.Task), spec, streams, runDirectory, SafetyCriticalRule.Default, wrapMethod);
    }

    /// <summary>A trainer on a driving task from <c>key=value</c> overrides, parsed once into a <see cref="RunSpec"/>.</summary>
    public static InteractiveTrainer<float[], float[]> Driving(
        string task,
        string method = "aim",
        TrainerOptions? trainer = null,
        IReadOnlyDictionary<string, string>? overrides = null,
        string? runDirectory = null) =>
        Driving(Spec(task, method, trainer, overrides), runDirectory);

    private static InteractiveTrainer<byte[], int> Grid(RunSpec spec, string? runDirectory, string? resumeFrom)
    {
        RequireTask(spec, TaskCatalog.IsGrid, "grid");
        var (env, planner) = TaskCatalog.CreateGrid(spec.Task);
        IExpert<byte[], int> expert = spec.Trainer.Sb3ExpertPath is string zip ? Sb3Experts.LoadGrid(zip, env) : planner;
        return Build(env, expert, () => TaskCatalog.CreateGrid(spec.Task).Env, spec, new RunStreams(spec.Seed), runDirectory, resumeFrom: resumeFrom);
    }

    private static InteractiveTrainer<float[], float[]> Driving(RunSpec spec, string? runDirectory, string? resumeFrom)
    {
        RequireTask(spec, TaskCatalog.IsDriving, "driving");
        var streams = new RunStreams(spec.Seed);
        var (env, planner) = TaskCatalog.CreateDriving(spec.Task, streams.DrivingPlanner());
        IExpert<float[], float[]> expert = spec.Trainer.Sb3ExpertPath is string zip
            ? Sb3Experts.LoadDriving(zip, env, streams.Sb3Expert)
            : planner;
        return Build(env, expert, TaskCatalog.DrivingEvaluationFactory(spec.Task), spec, streams, runDirectory, SafetyCriticalRule.Default, resumeFrom: resumeFrom);
    }

    private static RunSpec Spec(string task, string method, TrainerOptions? trainer, IReadOnlyDictionary<string, string>? overrides) =>
        new(task, method, trainer ?? new TrainerOptions(), overrides);

    private static void RequireTask(RunSpec spec, Func<string, bool> isKind, string kind)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!isKind(spec.Task))
        {
            throw new ArgumentException($"'{spec.Task}' is not a {kind} task (Experiment.Create takes any task).", nameof(spec));
        }
    }

    /// <summary>
    /// Builds the trainer: TorchSharp seeded with the run's seed, the method from the spec's options record and the
    /// first of the run's streams, and the harness.
    /// </summary>
    private static InteractiveTrainer<TObs, TAct> Build<TObs, TAct>(
        IEnv<TObs, TAct> env,
        IExpert<TObs, TAct> expert,
        Func<IEnv<TObs, TAct>> evalFactory,
        RunSpec spec,
        RunStreams streams,
        string? runDirectory,
        ISafetyCriticalRule? safetyCritical = null,
        Func<IMethod, IMethod>? wrapMethod = null,
        string? resumeFrom = null)
    {
        TorchRuntime.Initialize();
        TorchRuntime.Seed(spec.Seed);
        IMethod instance = MethodCatalog.Create(
            spec.Method,
            spec.MethodOptions,
            ObservationSpec.From(env.ObservationSpace, spec.Trainer.ObservationScale == ByteObservationScale.Divide255),
            ActionSpec.From(env.ActionSpace),
            streams.Method);
        if (wrapMethod is not null)
        {
            instance = wrapMethod(instance);
        }

        try
        {
            return new InteractiveTrainer<TObs, TAct>(env, expert, evalFactory, instance, spec.Trainer, runDirectory, ownsMethod: true, safetyCritical, resumeFrom, RecordedOptions.MethodSettings(spec));
        }
        catch
        {
            // A resume point that did not fit: the networks built for it are not needed.
            instance.Dispose();
            throw;
        }
    }
}
