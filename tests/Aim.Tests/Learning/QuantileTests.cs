using Aim.Learning.Stats;

namespace Aim.Tests.Learning;

public class QuantileTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 5.0)]
    [InlineData(0.5, 3.0)]
    [InlineData(0.95, 4.8)]
    [InlineData(0.1, 1.4)]
    public void MatchesNumpyLinearInterpolation(double q, double expected)
    {
        // np.quantile([5, 1, 3, 2, 4], q) with the default "linear" method.
        Assert.Equal(expected, Quantiles.Quantile(new[] { 5.0, 1, 3, 2, 4 }, q), 12);
    }

    [Fact]
    public void AgreesWithMathNetsR7DefinitionToTheLastUlps()
    {
        // The same rule as MathNet.Numerics' R7; the two round the interpolation fraction differently (see Quantiles), so
        // they agree to rounding on the scale of the values, not bit for bit.
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            double[] values = Enumerable.Range(0, random.Next(1, 200)).Select(_ => (random.NextDouble() - 0.3) * 1000).ToArray();
            foreach (double q in new[] { 0.0, 0.05, 0.1, 0.5, 0.9, 0.95, 1.0 })
            {
                double expected = MathNet.Numerics.Statistics.Statistics.QuantileCustom(values, q, MathNet.Numerics.Statistics.QuantileDefinition.R7);
                Assert.Equal(expected, Quantiles.Quantile(values, q), values.Max(Math.Abs) * 1e-12);
            }
        }
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Quantile(Array.Empty<double>(), 0.5));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Quantile(new[] { 1.0 }, 1.5));
        Assert.Contains("1.5", e.Message);
        Assert.Throws<ArgumentException>(() => Quantiles.Quantile(new[] { 1.0, double.NaN }, 0.5));
    }
}
