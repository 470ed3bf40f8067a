using Aim.Experiments.Running;
using Aim.Learning.Training;

namespace Aim.Experiments.Sweeps;

/// <summary>
/// Runs in this process with <see cref="ExperimentRunner"/>. Runs in parallel in one process share torch's global
/// generator (weight initialisation), so they are not bit-reproducible; the CLI runs parallel sweeps as child processes.
/// </summary>
public sealed class InProcessLauncher : IRunLauncher
{
    /// <inheritdoc />
    public void Launch(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        cancellation.ThrowIfCancellationRequested();
        ExperimentRunner.Run(run.ToSpec(), runsRoot: null, progress, runDirectory: directory);
    }

    /// <inheritdoc />
    public void Resume(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        cancellation.ThrowIfCancellationRequested();
        ExperimentRunner.Resume(directory, progress);
    }
}
