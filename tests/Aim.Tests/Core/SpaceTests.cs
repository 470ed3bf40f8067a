using Aim.Core.Random;
using Aim.Core.Spaces;

namespace Aim.Tests.Core;

public class SpaceTests
{
    [Fact]
    public void DiscreteSamplesInsideAndRejectsOutside()
    {
        var space = new Discrete(7);
        var rng = new Rng(1);
        var seen = new HashSet<int>();
        for (int i = 0; i < 500; i++)
        {
            int a = space.Sample(rng);
            Assert.True(space.Contains(a));
            seen.Add(a);
        }

        Assert.Equal(7, seen.Count);
        Assert.False(space.Contains(7));
        Assert.False(space.Contains(-1));
        Assert.True(space.TryGetOutside(out int bad));
        Assert.False(space.Contains(bad));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => space.EnsureContains(9, "action"));
        Assert.Contains("9", e.Message);
        Assert.Contains("[0, 6]", e.Message);
    }

    [Fact]
    public void DiscreteWithStartShiftsTheRange()
    {
        var space = new Discrete(3, start: -1);
        Assert.True(space.Contains(-1));
        Assert.True(space.Contains(1));
        Assert.False(space.Contains(2));
    }

    [Fact]
    public void BoxOfFloatsSamplesInsideBounds()
    {
        var space = new Box<float>(-1f, 1f, 2);
        var rng = new Rng(2);
        for (int i = 0; i < 1000; i++)
        {
            Assert.True(space.Contains(space.Sample(rng)));
        }

        Assert.False(space.Contains(new[] { 0f, 1.5f }));
        Assert.False(space.Contains(new[] { 0f, float.NaN }));
        Assert.False(space.Contains(new[] { 0f }));
        Assert.Contains("element 1 = 1.5", space.Describe(new[] { 0f, 1.5f }));
    }

    [Fact]
    public void BoxOfBytesCoversTheWholeIntegerRange()
    {
        var space = new Box<byte>(0, 10, 3, 7, 7);
        Assert.Equal(147, space.Size);
        var rng = new Rng(3);
        var seen = new HashSet<byte>();
        for (int i = 0; i < 200; i++)
        {
            byte[] sample = space.Sample(rng);
            Assert.True(space.Contains(sample));
            foreach (byte b in sample)
            {
                seen.Add(b);
            }
        }

        Assert.Equal(11, seen.Count);
        Assert.False(space.Contains(Enumerable.Repeat((byte)11, 147).ToArray()));
    }

    [Fact]
    public void BoxRejectsBadShapesAndBounds()
    {
        Assert.Throws<ArgumentException>(() => new Box<float>(0f, 1f, 0));
        Assert.Throws<ArgumentException>(() => new Box<float>(new[] { 1f }, new[] { 0f }, 1));
        Assert.Throws<ArgumentException>(() => new Box<float>(new[] { 0f }, new[] { 1f, 2f }, 1));
    }
}
