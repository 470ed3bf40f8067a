namespace Aim.Learning.Data;

/// <summary>The parts of a transition a <see cref="BatchTensors"/> holds: only what its learner reads is allocated and gathered.</summary>
[Flags]
public enum BatchFields
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>s, rows × observation size.</summary>
    Observations = 1 << 0,

    /// <summary>s′, rows × observation size.</summary>
    NextObservations = 1 << 1,

    /// <summary>The robot-proposed action, rows × action size.</summary>
    NoviceActions = 1 << 2,

    /// <summary>The executed action, rows × action size.</summary>
    BehaviourActions = 1 << 3,

    /// <summary>The executed discrete action as an int64 class index, rows (cross-entropy's targets).</summary>
    BehaviourLabels = 1 << 4,

    /// <summary>1 where the expert was in control, rows.</summary>
    Interventions = 1 << 5,

    /// <summary>1 where a takeover began, rows.</summary>
    InterventionStarts = 1 << 6,

    /// <summary>1 where the episode terminated after the transition, rows.</summary>
    Terminated = 1 << 7,

    /// <summary>1 where the episode was cut by a time limit after the transition, rows.</summary>
    Truncated = 1 << 8,

    /// <summary>1 where the transition reached the task's goal, rows.</summary>
    Successes = 1 << 9,
}
