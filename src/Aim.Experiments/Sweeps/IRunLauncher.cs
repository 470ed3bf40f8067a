using Aim.Learning.Training;

namespace Aim.Experiments.Sweeps;

/// <summary>Starts one run of a sweep into a given directory and blocks until it ends.</summary>
public interface IRunLauncher
{
    /// <summary>Runs <paramref name="run"/> into <paramref name="directory"/>, reporting each evaluation.</summary>
    /// <exception cref="Exception">The run failed (the message says why).</exception>
    void Launch(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation);
}
