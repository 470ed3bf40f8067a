namespace Aim.Learning.Data;

/// <summary>
/// A reusable batch of transitions as flat float arrays (row-major, one row per sample), ready to become tensors.
/// Flags are stored as 0/1 floats so they can be used directly as loss masks.
/// </summary>
public sealed class Batch
{
    /// <summary>Allocates a batch of <paramref name="size"/> rows.</summary>
    public Batch(int size, int observationSize, int actionSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        Observations = new float[size * observationSize];
        NextObservations = new float[size * observationSize];
        NoviceActions = new float[size * actionSize];
        BehaviourActions = new float[size * actionSize];
        Interventions = new float[size];
        InterventionStarts = new float[size];
        Terminated = new float[size];
        Truncated = new float[size];
        Successes = new float[size];
    }

    /// <summary>Rows in the batch.</summary>
    public int Size { get; }

    /// <summary>Floats per observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Floats per action.</summary>
    public int ActionSize { get; }

    /// <summary>Observations, <see cref="Size"/> × <see cref="ObservationSize"/>.</summary>
    public float[] Observations { get; }

    /// <summary>Next observations, <see cref="Size"/> × <see cref="ObservationSize"/>.</summary>
    public float[] NextObservations { get; }

    /// <summary>Robot-proposed actions, <see cref="Size"/> × <see cref="ActionSize"/>.</summary>
    public float[] NoviceActions { get; }

    /// <summary>Executed actions, <see cref="Size"/> × <see cref="ActionSize"/>.</summary>
    public float[] BehaviourActions { get; }

    /// <summary>1 where the expert was in control.</summary>
    public float[] Interventions { get; }

    /// <summary>1 where a takeover began.</summary>
    public float[] InterventionStarts { get; }

    /// <summary>1 where the episode terminated after the transition.</summary>
    public float[] Terminated { get; }

    /// <summary>1 where the episode was cut by a time limit after the transition.</summary>
    public float[] Truncated { get; }

    /// <summary>1 where the transition reached the task's goal (the reward of goal-reaching critics).</summary>
    public float[] Successes { get; }
}
