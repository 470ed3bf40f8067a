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
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Quantile(Array.Empty<double>(), 0.5));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Quantile(new[] { 1.0 }, 1.5));
        Assert.Contains("1.5", e.Message);
        Assert.Throws<ArgumentException>(() => Quantiles.Quantile(new[] { 1.0, double.NaN }, 0.5));
    }
}
