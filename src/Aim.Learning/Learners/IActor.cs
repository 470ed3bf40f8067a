namespace Aim.Learning.Learners;

/// <summary>Something that chooses actions from encoded observations: a policy or an ensemble.</summary>
public interface IActor
{
    /// <summary>Writes the deterministic action for each of <paramref name="count"/> observations (row-major).</summary>
    /// <param name="observations">count × observation size floats.</param>
    /// <param name="count">Number of observations.</param>
    /// <param name="actions">count × action size floats (discrete: the index).</param>
    void Act(ReadOnlySpan<float> observations, int count, Span<float> actions);
}
