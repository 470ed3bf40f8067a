namespace Aim.Experiments.Results;

/// <summary>Quantiles of Student's t distribution for confidence intervals of a mean (MathNet.Numerics' inverse CDF).</summary>
public static class StudentT
{
    /// <summary>
    /// The <paramref name="probability"/>-quantile of t with <paramref name="degreesOfFreedom"/> (location 0, scale 1),
    /// from MathNet.Numerics' <c>StudentT.InvCDF</c> (a root of the regularised incomplete beta CDF, absolute error
    /// below about 1e-11).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="probability"/> is outside (0, 1), or <paramref name="degreesOfFreedom"/> is not positive.
    /// </exception>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A quantile's probability must lie in (0, 1).");
        }

        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive.");
        }

        return MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, probability);
    }

    /// <summary>
    /// The critical value of a two-sided interval at <paramref name="confidence"/> (0.95 for 95 %): the (1 + confidence) / 2
    /// quantile, so that mean ± value · s / √n covers the true mean with that probability.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="confidence"/> is outside (0, 1), or <paramref name="degreesOfFreedom"/> is not positive.
    /// </exception>
    public static double TwoSidedCritical(double confidence, double degreesOfFreedom)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence level must lie in (0, 1).");
        }

        return Quantile((1 + confidence) / 2, degreesOfFreedom);
    }

    /// <summary>The 0.975 quantile of t with <paramref name="degreesOfFreedom"/>: the critical value of a two-sided 95 % interval.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is below 1.</exception>
    public static double Quantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return Quantile(0.975, degreesOfFreedom);
    }
}
