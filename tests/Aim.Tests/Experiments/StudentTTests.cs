using Aim.Experiments.Results;

namespace Aim.Tests.Experiments;

public class StudentTTests
{
    // Two-sided critical values t((1 + confidence) / 2, df), computed to 20 digits with mpmath (root of the regularised
    // incomplete beta CDF). The old table held three decimals up to 30 df and a two-term expansion beyond, off by
    // 8.8e-5 at 31 df and 2.1e-5 at 50 df.
    [Theory]
    [InlineData(1, 0.95, 12.706204736174705)]
    [InlineData(2, 0.95, 4.3026527297494639)]
    [InlineData(10, 0.95, 2.2281388519862747)]
    [InlineData(30, 0.95, 2.0422724563012383)]
    [InlineData(31, 0.95, 2.0395134463964085)]
    [InlineData(50, 0.95, 2.0085591121007611)]
    [InlineData(50, 0.99, 2.6777932709408442)]
    [InlineData(60, 0.90, 1.6706488649046365)]
    [InlineData(100, 0.95, 1.9839715185235523)]
    [InlineData(1000, 0.99, 2.5807546980659511)]
    public void TwoSidedCriticalValuesMatchHighPrecisionReferences(int degreesOfFreedom, double confidence, double expected)
    {
        Assert.Equal(expected, StudentT.TwoSidedCritical(confidence, degreesOfFreedom), 1e-9);
    }

    [Fact]
    public void Quantile975IsTheTwoSided95PercentValue()
    {
        Assert.Equal(StudentT.TwoSidedCritical(0.95, 7), StudentT.Quantile975(7));
        Assert.Equal(4.3026527297494639, StudentT.Quantile975(2), 1e-9);
        Assert.Equal(-StudentT.Quantile(0.975, 5), StudentT.Quantile(0.025, 5), 1e-9);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile975(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(double.NaN, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.TwoSidedCritical(95, 5));
    }
}
