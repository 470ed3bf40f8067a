namespace Aim.Learning.Data;

/// <summary>
/// Writable spans over the memory of a <see cref="BatchTensors"/>'s tensors, row-major, one row per sample; a part the
/// batch does not hold is an empty span. Valid while the batch lives.
/// </summary>
public readonly ref struct BatchViews
{
    internal BatchViews(
        Span<float> observations,
        Span<float> nextObservations,
        Span<float> noviceActions,
        Span<float> behaviourActions,
        Span<long> behaviourLabels,
        Span<float> interventions,
        Span<float> interventionStarts,
        Span<float> terminated,
        Span<float> truncated,
        Span<float> successes)
    {
        Observations = observations;
        NextObservations = nextObservations;
        NoviceActions = noviceActions;
        BehaviourActions = behaviourActions;
        BehaviourLabels = behaviourLabels;
        Interventions = interventions;
        InterventionStarts = interventionStarts;
        Terminated = terminated;
        Truncated = truncated;
        Successes = successes;
    }

    /// <summary>s.</summary>
    public Span<float> Observations { get; }

    /// <summary>s′.</summary>
    public Span<float> NextObservations { get; }

    /// <summary>Robot-proposed actions.</summary>
    public Span<float> NoviceActions { get; }

    /// <summary>Executed actions.</summary>
    public Span<float> BehaviourActions { get; }

    /// <summary>Executed discrete actions as class indices.</summary>
    public Span<long> BehaviourLabels { get; }

    /// <summary>Intervention flags (0/1).</summary>
    public Span<float> Interventions { get; }

    /// <summary>Takeover-start flags (0/1).</summary>
    public Span<float> InterventionStarts { get; }

    /// <summary>Terminated flags (0/1).</summary>
    public Span<float> Terminated { get; }

    /// <summary>Truncated flags (0/1).</summary>
    public Span<float> Truncated { get; }

    /// <summary>Success flags (0/1).</summary>
    public Span<float> Successes { get; }
}
