using Aim.Core.Random;

namespace Aim.Tests.Core;

public class RngTests
{
    [Fact]
    public void SameSeedGivesSameStream()
    {
        var a = new Rng(42);
        var b = new Rng(42);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentStreams()
    {
        Assert.NotEqual(new Rng(1).NextUInt64(), new Rng(2).NextUInt64());
    }

    [Fact]
    public void SplitIsReproducibleAndIndependentOfParent()
    {
        var parentA = new Rng(7);
        var parentB = new Rng(7);
        Rng childA = parentA.Split();
        Rng childB = parentB.Split();
        Assert.Equal(childA.NextUInt64(), childB.NextUInt64());
        Assert.NotEqual(parentA.NextUInt64(), childA.NextUInt64());
    }

    [Fact]
    public void NextIntIsUniformAndInRange()
    {
        var rng = new Rng(3);
        var counts = new int[6];
        for (int i = 0; i < 60_000; i++)
        {
            counts[rng.NextInt(2, 8) - 2]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void GaussianHasUnitMomentsAndDoubleIsInUnitInterval()
    {
        var rng = new Rng(11);
        double sum = 0, sumSq = 0;
        const int n = 100_000;
        for (int i = 0; i < n; i++)
        {
            double g = rng.NextGaussian();
            sum += g;
            sumSq += g * g;
            double u = rng.NextDouble();
            Assert.InRange(u, 0.0, 0.9999999999);
        }

        Assert.InRange(sum / n, -0.02, 0.02);
        Assert.InRange((sumSq / n) - ((sum / n) * (sum / n)), 0.97, 1.03);
    }

    [Fact]
    public void BadArgumentsNameTheValue()
    {
        var rng = new Rng(0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(5, 5));
        Assert.Contains("[5, 5)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextBool(1.5));
        Assert.Throws<ArgumentException>(() => rng.Choice(Array.Empty<int>()));
    }

    [Fact]
    public void ShuffleIsAPermutation()
    {
        var items = Enumerable.Range(0, 50).ToArray();
        new Rng(5).Shuffle<int>(items);
        Assert.Equal(Enumerable.Range(0, 50), items.Order());
        Assert.NotEqual(Enumerable.Range(0, 50), items);
    }
}
