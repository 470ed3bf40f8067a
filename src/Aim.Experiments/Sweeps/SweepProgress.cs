using Aim.Learning.Training;

namespace Aim.Experiments.Sweeps;

/// <summary>What happened to a run of a sweep.</summary>
public enum RunState
{
    /// <summary>Already finished (summary.json present): not run again.</summary>
    Skipped,

    /// <summary>Started.</summary>
    Started,

    /// <summary>Continued from the resume point an earlier, killed execution left (see <see cref="SweepProgress.Error"/> when it could not be, and restarted).</summary>
    Resumed,

    /// <summary>Evaluated (see <see cref="SweepProgress.Point"/>).</summary>
    Evaluated,

    /// <summary>Finished.</summary>
    Finished,

    /// <summary>Failed (see <see cref="SweepProgress.Error"/>).</summary>
    Failed,

    /// <summary>
    /// Finished before (summary.json present) but its files cannot be read back (see <see cref="SweepProgress.Error"/>):
    /// not run again, and left out of the tables.
    /// </summary>
    Damaged,
}

/// <summary>A progress event of <see cref="SweepExecutor"/>.</summary>
/// <param name="Run">The run.</param>
/// <param name="Position">1-based position of the run among those this execution handles.</param>
/// <param name="Total">Runs this execution handles.</param>
/// <param name="State">What happened.</param>
/// <param name="Point">The evaluation, for <see cref="RunState.Evaluated"/>.</param>
/// <param name="Error">The failure, for <see cref="RunState.Failed"/> and <see cref="RunState.Damaged"/>.</param>
public sealed record SweepProgress(SweepRun Run, int Position, int Total, RunState State, EvaluationPoint? Point = null, string? Error = null);

/// <summary>What an execution of a sweep did.</summary>
/// <param name="Ran">Runs that ran to the end now.</param>
/// <param name="Skipped">Runs already finished before (damaged ones included).</param>
/// <param name="Failed">Runs that failed, with the reason.</param>
/// <param name="Complete">True when every run of the whole plan is finished in the folder (tables can be written).</param>
public sealed record SweepOutcome(int Ran, int Skipped, IReadOnlyList<(SweepRun Run, string Error)> Failed, bool Complete)
{
    /// <summary>
    /// Runs finished before whose files cannot be read back (a missing or damaged metrics.csv or options.json), with the
    /// reason: not run again, since their summary.json says they finished, and left out of the tables.
    /// </summary>
    public IReadOnlyList<(SweepRun Run, string Reason)> Damaged { get; init; } = [];
}
