namespace Aim.Learning.Stats;

/// <summary>Order statistics used by the gates' thresholds.</summary>
public static class Quantiles
{
    /// <summary>
    /// The <paramref name="q"/>-quantile with linear interpolation between order statistics (numpy's default
    /// <c>np.quantile(..., method="linear")</c>, which the AIM and Thrifty code use): position q·(n − 1) in the sorted values.
    /// </summary>
    /// <remarks>
    /// Kept by hand rather than MathNet.Numerics' <c>QuantileDefinition.R7</c>, the same rule: MathNet takes the fraction
    /// from (n − 1)·q + 1, which rounds differently, so about one call in 65 on random samples changes in its last bits;
    /// β and Thrifty's thresholds, and with them every logged run, would change for no gain. numpy is not matched bit for
    /// bit either: it interpolates down from the upper neighbour when the fraction is at least 1/2, and about one call in
    /// 55 differs from this in the last bits. Both this and MathNet copy the values once to sort them; neither is
    /// allocation-free.
    /// </remarks>
    /// <exception cref="ArgumentException">No values, or a NaN among them.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is outside [0, 1].</exception>
    public static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile level must lie in [0, 1].");
        }

        if (values.Count == 0)
        {
            throw new ArgumentException("Cannot take a quantile of no values.", nameof(values));
        }

        double[] sorted = values.ToArray();
        int nan = sorted.Count(double.IsNaN);
        if (nan > 0)
        {
            // In a run these are a network's outputs (Q^I, an ensemble's novelty): a learner that diverged, or a kernel
            // that returned garbage on this CPU.
            throw new ArgumentException(
                $"The values contain NaN ({nan} of {sorted.Length}): the network that computed them returned NaN, from a learner that diverged or a faulty kernel on this CPU (docs/reproducibility.md, 'Zen 5').",
                nameof(values));
        }

        Array.Sort(sorted);
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        double fraction = position - lower;
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * fraction);
    }

    /// <summary>The arithmetic mean; NaN for no values.</summary>
    public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Average();
}
