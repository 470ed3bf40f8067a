using Aim.Core.Spaces;

namespace Aim.Learning.Spec;

/// <summary>
/// How actions are represented to the learner. Every action is stored as a float vector: a discrete action as one
/// float holding its index, a continuous one as its components. <see cref="Discrepancy"/> is the one place that
/// compares a robot action with an expert action (AIM's f, Thrifty's switch-back test, HG-DAgger's gate).
/// </summary>
public sealed class ActionSpec
{
    private ActionSpec(bool isDiscrete, int count, int dimension)
    {
        IsDiscrete = isDiscrete;
        Count = count;
        Dimension = dimension;
    }

    /// <summary>True for a finite set of actions (the grid), false for a box (driving).</summary>
    public bool IsDiscrete { get; }

    /// <summary>Number of discrete actions (0 for continuous).</summary>
    public int Count { get; }

    /// <summary>Floats per stored action: 1 for discrete, the box size for continuous.</summary>
    public int Dimension { get; }

    /// <summary>A discrete action set of <paramref name="count"/> actions.</summary>
    public static ActionSpec Discrete(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        return new ActionSpec(true, count, 1);
    }

    /// <summary>A continuous action box in [−1, 1]^<paramref name="dimension"/>.</summary>
    public static ActionSpec Continuous(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        return new ActionSpec(false, 0, dimension);
    }

    /// <summary>The spec matching an environment's action space.</summary>
    /// <exception cref="ArgumentException">The space is neither <see cref="Aim.Core.Spaces.Discrete"/> nor a float box.</exception>
    public static ActionSpec From<TAct>(ISpace<TAct> space) => space switch
    {
        Aim.Core.Spaces.Discrete d when d.Start == 0 => Discrete(d.N),
        Box<float> b => Continuous(b.Size),
        _ => throw new ArgumentException($"Unsupported action space {space}: expected Discrete(n) starting at 0 or Box<float>.", nameof(space)),
    };

    /// <summary>
    /// How far apart two actions are: 0 or 1 for discrete actions (equal or not), the mean over dimensions of the
    /// squared difference for continuous ones. The mean, not the sum, so that thresholds on it (ε, HG-DAgger's 0.2, the
    /// paper's safety-critical miss rule mean((a − a_e)²) &gt; 0.1) mean the same for any number of action dimensions.
    /// </summary>
    public double Discrepancy(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (IsDiscrete)
        {
            return a[0] == b[0] ? 0.0 : 1.0;
        }

        double sum = 0;
        for (int i = 0; i < Dimension; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return sum / Dimension;
    }

    /// <inheritdoc />
    public override string ToString() => IsDiscrete ? $"Discrete({Count})" : $"Continuous({Dimension})";
}
