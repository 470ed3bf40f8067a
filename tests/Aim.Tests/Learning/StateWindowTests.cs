using Aim.Learning.Data;

namespace Aim.Tests.Learning;

public class StateWindowTests
{
    [Fact]
    public void KeepsTheNewestObservationsOnceFull()
    {
        var window = new StateWindow(capacity: 3, observationSize: 2);
        for (int i = 0; i < 5; i++)
        {
            window.Add(new float[] { i, -i });
        }

        Assert.Equal(3, window.Count);
        float[] held = window.Observations.ToArray();
        Assert.Equal(6, held.Length);
        var firsts = Enumerable.Range(0, 3).Select(r => held[2 * r]).OrderBy(v => v).ToArray();
        Assert.Equal(new float[] { 2, 3, 4 }, firsts);
        Assert.All(Enumerable.Range(0, 3), r => Assert.Equal(-held[2 * r], held[(2 * r) + 1]));
    }

    [Fact]
    public void CopiesTheObservationSoLaterChangesToTheSourceDoNotLeakIn()
    {
        var window = new StateWindow(2, 1);
        var source = new float[] { 1 };
        window.Add(source);
        source[0] = 9;
        Assert.Equal(1f, window.Observations[0]);
    }

    [Fact]
    public void RejectsAWrongLengthAndABadCapacityNamingThem()
    {
        var window = new StateWindow(2, 3);
        var error = Assert.Throws<ArgumentException>(() => window.Add(new float[2]));
        Assert.Contains("3 floats", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StateWindow(0, 3));
        window.Add(new float[3]);
        window.Clear();
        Assert.Equal(0, window.Count);
    }
}
