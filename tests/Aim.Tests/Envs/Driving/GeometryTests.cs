using Aim.Envs.Driving.Geometry;

namespace Aim.Tests.Envs.Driving;

public class GeometryTests
{
    [Fact]
    public void BoxesOverlapWhenTouchingAndSeparateWhenApart()
    {
        var a = new OrientedBox(new Vec2(0, 0), 0, 2, 1);
        Assert.True(a.Overlaps(new OrientedBox(new Vec2(4, 0), 0, 2, 1)));
        Assert.False(a.Overlaps(new OrientedBox(new Vec2(4.01, 0), 0, 2, 1)));
        Assert.False(a.Overlaps(new OrientedBox(new Vec2(0, 2.01), 0, 2, 1)));
    }

    [Fact]
    public void RotatedBoxUsesItsOwnAxes()
    {
        // A 45° square with half side 1 reaches √2 along x: it touches a box whose face is at x = 2.4 only when closer.
        var diamond = new OrientedBox(new Vec2(0, 0), Math.PI / 4, 1, 1);
        Assert.True(diamond.Overlaps(new OrientedBox(new Vec2(3.4, 0), 0, 2, 1)));
        Assert.False(diamond.Overlaps(new OrientedBox(new Vec2(3.45, 0), 0, 2, 1)));
        Assert.True(diamond.Contains(new Vec2(1.4, 0)));
        Assert.False(diamond.Contains(new Vec2(1.0, 1.0)));
    }

    [Fact]
    public void DiscOverlapUsesTheClosestPointOfTheBox()
    {
        var box = new OrientedBox(new Vec2(0, 0), 0, 2, 1);
        Assert.True(box.Overlaps(new Vec2(2.5, 0), 0.5));
        Assert.False(box.Overlaps(new Vec2(2.51, 0), 0.5));
        // Near the corner (2, 1) the distance is Euclidean, not per axis.
        Assert.False(box.Overlaps(new Vec2(2.4, 1.4), 0.5));
        Assert.True(box.Overlaps(new Vec2(2.3, 1.3), 0.5));
    }

    [Fact]
    public void RayDistancesMatchAnalyticValues()
    {
        var origin = new Vec2(0, 0);
        Assert.Equal(9.0, Disc.RayDistance(new Vec2(10, 0), 1, origin, new Vec2(1, 0)), 12);
        // A ray passing at offset 0.6 from the centre of a unit disc enters at 10 − √(1 − 0.36).
        Assert.Equal(10 - 0.8, Disc.RayDistance(new Vec2(10, 0.6), 1, origin, new Vec2(1, 0)), 12);
        Assert.Equal(double.PositiveInfinity, Disc.RayDistance(new Vec2(-10, 0), 1, origin, new Vec2(1, 0)));
        Assert.Equal(0.0, Disc.RayDistance(new Vec2(0.5, 0), 1, origin, new Vec2(1, 0)));

        var box = new OrientedBox(new Vec2(15, 0), 0, 2, 1);
        Assert.Equal(13.0, box.RayDistance(origin, new Vec2(1, 0)), 12);
        double angle = 3 * Math.PI / 180;
        Assert.Equal(13 / Math.Cos(angle), box.RayDistance(origin, Vec2.FromAngle(angle)), 9);
        Assert.Equal(double.PositiveInfinity, box.RayDistance(origin, Vec2.FromAngle(0.2)));
    }
}
