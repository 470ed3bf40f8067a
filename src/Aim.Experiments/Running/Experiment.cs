using Aim.Core.Envs;
using Aim.Core.Experts;
using Aim.Core.Metrics;
using Aim.Envs.Driving.Metrics;
using Aim.Core.Random;
using Aim.Experiments.Catalog;
using Aim.Learning.Experts.Sb3;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>
/// Builds ready-to-drive trainers by task and method name: what a notebook cell calls before stepping through
/// <c>WarmUp</c>, <c>CollectEpisode</c>, <c>Update</c> and <c>Evaluate</c> one phase per cell.
/// </summary>
public static class Experiment
{
    /// <summary>
    /// A trainer for <paramref name="method"/> on any task (grid or driving); TorchSharp is seeded with the run's seed
    /// so the same arguments give the same run. Dispose it when done.
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
        string? runDirectory = null)
    {
        TaskCatalog.EnsureKnown(task);
        return TaskCatalog.IsGrid(task)
            ? Grid(task, method, trainer, overrides, runDirectory)
            : Driving(task, method, trainer, overrides, runDirectory);
    }

    /// <summary>A trainer on a grid task, typed for notebooks that inspect grid states.</summary>
    public static InteractiveTrainer<byte[], int> Grid(
        string task,
        string method = "aim",
        TrainerOptions? trainer = null,
        IReadOnlyDictionary<string, string>? overrides = null,
        string? runDirectory = null)
    {
        trainer ??= new TrainerOptions();
        var (env, planner) = TaskCatalog.CreateGrid(task);
        IExpert<byte[], int> expert = trainer.Sb3ExpertPath is string zip ? Sb3Experts.LoadGrid(zip, env) : planner;
        return Build(env, expert, () => TaskCatalog.CreateGrid(task).Env, task, method, trainer, overrides, runDirectory);
    }

    /// <summary>A trainer on a driving task, typed for notebooks that inspect the car.</summary>
    public static InteractiveTrainer<float[], float[]> Driving(
        string task,
        string method = "aim",
        TrainerOptions? trainer = null,
        IReadOnlyDictionary<string, string>? overrides = null,
        string? runDirectory = null)
    {
        trainer ??= new TrainerOptions();
        var (env, planner) = TaskCatalog.CreateDriving(task, trainer.Seed);
        IExpert<float[], float[]> expert = trainer.Sb3ExpertPath is string zip
            ? Sb3Experts.LoadDriving(zip, env, new Rng(trainer.Seed).Split())
            : planner;
        return Build(env, expert, TaskCatalog.DrivingEvaluationFactory(task), task, method, trainer, overrides, runDirectory, SafetyCriticalRule.Default);
    }

    /// <summary>The method options a run of <paramref name="method"/> on <paramref name="task"/> uses: defaults, task preset, overrides.</summary>
    public static object MethodOptions(string task, string method, IReadOnlyDictionary<string, string>? overrides = null) =>
        MethodCatalog.Apply(method, TaskCatalog.Preset(task, method), overrides);

    /// <summary>
    /// Builds the trainer: options (defaults, preset, overrides), TorchSharp seeded with the run's seed, the method
    /// and the harness.
    /// </summary>
    private static InteractiveTrainer<TObs, TAct> Build<TObs, TAct>(
        IEnv<TObs, TAct> env,
        IExpert<TObs, TAct> expert,
        Func<IEnv<TObs, TAct>> evalFactory,
        string task,
        string method,
        TrainerOptions trainer,
        IReadOnlyDictionary<string, string>? overrides,
        string? runDirectory,
        ISafetyCriticalRule? safetyCritical = null)
    {
        object options = MethodOptions(task, method, overrides);
        TorchRuntime.Initialize();
        TorchRuntime.Seed(trainer.Seed);
        IMethod instance = MethodCatalog.Create(
            method,
            options,
            ObservationSpec.From(env.ObservationSpace, trainer.ObservationScale == ByteObservationScale.Divide255),
            ActionSpec.From(env.ActionSpace),
            new Rng(trainer.Seed).Split());
        return new InteractiveTrainer<TObs, TAct>(env, expert, evalFactory, instance, trainer, runDirectory, ownsMethod: true, safetyCritical);
    }
}
