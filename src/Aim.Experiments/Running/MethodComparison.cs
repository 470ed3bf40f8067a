using Aim.Experiments.Results;
using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>
/// Runs every method × seed on one task, one after another in this process, and loads the results: the in-process
/// counterpart of the CLI's <c>compare</c> (which can also run in parallel child processes), for notebooks and scripts.
/// </summary>
public static class MethodComparison
{
    /// <summary>
    /// Runs <paramref name="methods"/> on <paramref name="task"/> with seeds 0 … <paramref name="seeds"/> − 1 into
    /// <paramref name="root"/> and returns every run found there (earlier runs in the same folder included).
    /// </summary>
    /// <param name="task">Task name.</param>
    /// <param name="methods">Method names.</param>
    /// <param name="seeds">Number of seeds (≥ 1).</param>
    /// <param name="trainer">Harness options shared by every run (the seed is set per run).</param>
    /// <param name="root">Folder the run directories go to.</param>
    /// <param name="progress">Told "method seed: point" after every evaluation (for live displays).</param>
    /// <param name="overrides">Method option overrides applied to every method that has the key.</param>
    public static ResultSet Run(
        string task,
        IReadOnlyList<string> methods,
        int seeds,
        TrainerOptions trainer,
        string root,
        Action<string>? progress = null,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seeds);
        IEnumerable<RunSpec> specs = methods.SelectMany(method =>
            InProcessRunner.Seeds(new RunSpec(task, method, trainer, overrides), Enumerable.Range(0, seeds)));
        InProcessRunner.Run(specs, root, (spec, point) => progress?.Invoke($"{spec.Method} seed {spec.Seed}: {point}"));
        return ResultSet.Load(root);
    }
}
