using Aim.Learning.Training;

namespace Aim.Interactive.Inspection;

/// <summary>
/// Records every gate decision after warm-up with the agent's pose and the threshold in force, so a notebook can
/// tabulate who acted and why, or map where help was requested. An observer: the recorded run is the same run.
/// </summary>
public sealed class DecisionRecorder : ITrainingObserver
{
    private readonly List<GateStep> _steps = new();

    /// <summary>Every decision recorded so far, in order.</summary>
    public IReadOnlyList<GateStep> Steps => _steps;

    /// <summary>Forgets the recorded decisions (to record one phase at a time).</summary>
    public void Clear() => _steps.Clear();

    /// <inheritdoc />
    public void OnStep(in TrainingStep step)
    {
        if (step.IsWarmUp)
        {
            return;
        }

        _steps.Add(new GateStep(
            step.EnvStep,
            step.Episode,
            step.Pose,
            step.Previous,
            step.Controller,
            step.Decision.Reason,
            step.Decision.Score,
            step.Decision.Threshold,
            step.RobotAction.ToArray(),
            step.ExpertAction.ToArray()));
    }
}
