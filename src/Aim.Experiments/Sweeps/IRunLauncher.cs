using Aim.Learning.Training;

namespace Aim.Experiments.Sweeps;

/// <summary>Starts one run of a sweep into a given directory and blocks until it ends.</summary>
public interface IRunLauncher
{
    /// <summary>Runs <paramref name="run"/> into <paramref name="directory"/>, reporting each evaluation.</summary>
    /// <exception cref="Exception">The run failed (the message says why).</exception>
    void Launch(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation);

    /// <summary>
    /// Continues <paramref name="run"/>, killed earlier, from the resume point in <paramref name="directory"/> (see
    /// <see cref="Running.ExperimentRunner.Resume"/>); returns when it has finished (summary.json written).
    /// </summary>
    /// <exception cref="Exception">The resume point could not be used or the run failed (the message says why).</exception>
    void Resume(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation);
}
