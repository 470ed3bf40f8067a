using Aim.Core.Random;
using Aim.Envs.Grid;
using Aim.Experiments.Methods;
using Aim.Experiments.Tasks;
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
    /// A trainer for <paramref name="method"/> on grid task <paramref name="task"/>; TorchSharp is seeded with the run's seed
    /// so the same arguments give the same run. Dispose it when done.
    /// </summary>
    /// <param name="task">A grid task name (<see cref="GridTasks.Names"/>).</param>
    /// <param name="method">A method name (<see cref="MethodCatalog.Names"/>); default <c>aim</c>.</param>
    /// <param name="trainer">Harness options (default: <see cref="TrainerOptions"/>'s defaults).</param>
    /// <param name="overrides">Method option overrides (<c>key=value</c>, e.g. <c>delta</c> → <c>0.1</c>).</param>
    /// <param name="runDirectory">Where to write logs and checkpoints (null: nothing is written).</param>
    public static InteractiveTrainer<byte[], int> Grid(
        string task,
        string method = "aim",
        TrainerOptions? trainer = null,
        IReadOnlyDictionary<string, string>? overrides = null,
        string? runDirectory = null)
    {
        trainer ??= new TrainerOptions();
        object options = MethodCatalog.Options(method, overrides);
        var (env, expert) = TaskCatalog.CreateGrid(task);
        TorchRuntime.Initialize();
        TorchRuntime.Seed(trainer.Seed);
        IMethod instance = MethodCatalog.Create(
            method,
            options,
            ObservationSpec.From(env.ObservationSpace),
            ActionSpec.From(env.ActionSpace),
            new Rng(trainer.Seed).Split());
        return new InteractiveTrainer<byte[], int>(env, expert, () => TaskCatalog.CreateGrid(task).Env, instance, trainer, runDirectory, ownsMethod: true);
    }
}
