using Aim.Learning.Training;

namespace Aim.Experiments.Running;

/// <summary>What a finished run returns.</summary>
/// <param name="Spec">The run's spec.</param>
/// <param name="Directory">The run directory (null when nothing was written).</param>
/// <param name="History">Every evaluation, in order.</param>
/// <param name="Seconds">Wall-clock time of the run.</param>
public sealed record RunResult(RunSpec Spec, string? Directory, IReadOnlyList<EvaluationPoint> History, double Seconds)
{
    /// <summary>
    /// Where the wall time went (learning, evaluation, collection; <see cref="PhaseClock"/>); for a resumed run only the
    /// part after the resume. Null when not measured.
    /// </summary>
    public RunPhases? Phases { get; init; }

    /// <summary>The last evaluation.</summary>
    public EvaluationPoint Final => History[^1];

    /// <summary>The best test success over the run.</summary>
    public double BestSuccess => History.Max(p => p.Success);

    /// <summary>Expert cost when test success first reached <paramref name="target"/> (NaN if never).</summary>
    public double ExpertCostToReach(double target) =>
        History.FirstOrDefault(p => p.Success >= target)?.ExpertCost ?? double.NaN;
}
