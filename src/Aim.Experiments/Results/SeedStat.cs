using System.Globalization;

namespace Aim.Experiments.Results;

/// <summary>
/// A statistic over seeds: mean, sample standard deviation (n − 1), the half-width of the 95 % confidence interval of
/// the mean and the number of finite values it summarises.
/// </summary>
/// <remarks>
/// The interval is t-based: half-width = t(0.975, n − 1) · s / √n, with Student's t (not the normal 1.96), because
/// comparisons here have 3–10 seeds, where the normal interval is far too narrow (n = 3: t = 4.30 against 1.96).
/// With one value the spread and the interval are NaN.
/// </remarks>
/// <param name="Mean">Mean over the finite values (NaN when there are none).</param>
/// <param name="Std">Sample standard deviation (NaN below two values).</param>
/// <param name="Ci95">Half-width of the t-based 95 % confidence interval of the mean (NaN below two values).</param>
/// <param name="Count">Number of finite values.</param>
public readonly record struct SeedStat(double Mean, double Std, double Ci95, int Count)
{
    /// <summary>The statistic of <paramref name="values"/>, ignoring NaN and infinite values.</summary>
    public static SeedStat Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] finite = values.Where(double.IsFinite).ToArray();
        int n = finite.Length;
        if (n == 0)
        {
            return new SeedStat(double.NaN, double.NaN, double.NaN, 0);
        }

        double mean = finite.Average();
        if (n == 1)
        {
            return new SeedStat(mean, double.NaN, double.NaN, 1);
        }

        double std = Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        return FromMoments(mean, std, n);
    }

    /// <summary>The statistic from a mean, a sample standard deviation and a count (the interval is computed).</summary>
    public static SeedStat FromMoments(double mean, double std, int count) =>
        new(mean, count < 2 ? double.NaN : std, count < 2 ? double.NaN : StudentT.Quantile975(count - 1) * std / Math.Sqrt(count), count);

    /// <summary>"mean ± std" with <paramref name="format"/> (just the mean with one value, "–" with none).</summary>
    public string Format(string format = "0.00")
    {
        if (Count == 0)
        {
            return "–";
        }

        string mean = Mean.ToString(format, CultureInfo.InvariantCulture);
        return double.IsFinite(Std) ? $"{mean} ± {Std.ToString(format, CultureInfo.InvariantCulture)}" : mean;
    }

    /// <inheritdoc />
    public override string ToString() => Format();
}
