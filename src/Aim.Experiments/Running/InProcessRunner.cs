using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>
/// Runs a list of runs one after another in this process: the one loop behind notebook ablations (settings × seeds)
/// and in-process method comparisons (methods × seeds). Serial on purpose: torch's generator (weight initialisation)
/// is process-wide, so runs side by side in one process would not be reproducible; the CLI runs in parallel as child
/// processes instead.
/// </summary>
public static class InProcessRunner
{
    /// <summary>Runs every spec in order.</summary>
    /// <param name="specs">The runs.</param>
    /// <param name="runsRoot">Folder the run directories go to (null: nothing is written).</param>
    /// <param name="progress">Told the run and the point after every evaluation (for live displays).</param>
    /// <param name="finished">Told every finished run.</param>
    /// <returns>The finished runs, in order.</returns>
    public static IReadOnlyList<RunResult> Run(
        IEnumerable<RunSpec> specs,
        string? runsRoot = null,
        Action<RunSpec, EvaluationPoint>? progress = null,
        Action<RunResult>? finished = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var results = new List<RunResult>();
        foreach (RunSpec spec in specs)
        {
            RunResult result = ExperimentRunner.Run(spec, runsRoot, point => progress?.Invoke(spec, point));
            results.Add(result);
            finished?.Invoke(result);
        }

        return results;
    }

    /// <summary><paramref name="spec"/> once per seed (its own seed replaced), in the order of <paramref name="seeds"/>.</summary>
    public static IEnumerable<RunSpec> Seeds(RunSpec spec, IEnumerable<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(seeds);
        return seeds.Select(seed => spec with { Trainer = spec.Trainer with { Seed = seed } });
    }
}
