using System.Runtime.CompilerServices;

namespace Aim.Envs.Driving.Geometry;

/// <summary>
/// A rectangle of length <see cref="HalfLength"/>·2 along its heading and width <see cref="HalfWidth"/>·2 across it:
/// the footprint of vehicles and barriers.
/// </summary>
internal readonly struct OrientedBox
{
    public OrientedBox(Vec2 center, double heading, double halfLength, double halfWidth)
    {
        Center = center;
        Heading = heading;
        Axis = Vec2.FromAngle(heading);
        HalfLength = halfLength;
        HalfWidth = halfWidth;
    }

    public Vec2 Center { get; }

    public double Heading { get; }

    /// <summary>The unit vector along the length.</summary>
    public Vec2 Axis { get; }

    public double HalfLength { get; }

    public double HalfWidth { get; }

    /// <summary>The radius of the circle around the centre that contains the box.</summary>
    public double BoundingRadius => Math.Sqrt((HalfLength * HalfLength) + (HalfWidth * HalfWidth));

    /// <summary>Corner <paramref name="i"/> (0 front-left, 1 front-right, 2 rear-right, 3 rear-left).</summary>
    public Vec2 Corner(int i)
    {
        double l = i < 2 ? HalfLength : -HalfLength;
        double w = i is 0 or 3 ? HalfWidth : -HalfWidth;
        return Center + (Axis * l) + (Axis.LeftNormal * w);
    }

    /// <summary>True when <paramref name="p"/> lies inside or on the box.</summary>
    public bool Contains(Vec2 p)
    {
        Vec2 d = p - Center;
        return Math.Abs(d.Dot(Axis)) <= HalfLength && Math.Abs(d.Cross(Axis)) <= HalfWidth;
    }

    /// <summary>Separating-axis test between two boxes (touching counts as overlap).</summary>
    public bool Overlaps(in OrientedBox other)
    {
        Vec2 d = other.Center - Center;
        return !Separated(d, Axis, this, other) && !Separated(d, Axis.LeftNormal, this, other)
            && !Separated(d, other.Axis, this, other) && !Separated(d, other.Axis.LeftNormal, this, other);
    }

    /// <summary>True when the disc of radius <paramref name="radius"/> around <paramref name="center"/> touches the box.</summary>
    public bool Overlaps(Vec2 center, double radius)
    {
        Vec2 d = center - Center;
        double u = Math.Clamp(d.Dot(Axis), -HalfLength, HalfLength);
        double v = Math.Clamp(d.Dot(Axis.LeftNormal), -HalfWidth, HalfWidth);
        Vec2 closest = (Axis * u) + (Axis.LeftNormal * v);
        return (d - closest).LengthSquared <= radius * radius;
    }

    /// <summary>
    /// Distance along the ray from <paramref name="origin"/> in unit direction <paramref name="direction"/> to the box
    /// (slab method in the box frame); 0 when the origin is inside; +∞ when the ray misses.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double RayDistance(Vec2 origin, Vec2 direction)
    {
        Vec2 o = origin - Center;
        Vec2 left = Axis.LeftNormal;
        double ox = o.Dot(Axis);
        double oy = o.Dot(left);
        double dx = direction.Dot(Axis);
        double dy = direction.Dot(left);
        double tMin = 0.0;
        double tMax = double.PositiveInfinity;
        if (!Slab(ox, dx, HalfLength, ref tMin, ref tMax) || !Slab(oy, dy, HalfWidth, ref tMin, ref tMax))
        {
            return double.PositiveInfinity;
        }

        return tMin;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Slab(double o, double d, double half, ref double tMin, ref double tMax)
    {
        if (Math.Abs(d) < 1e-12)
        {
            return Math.Abs(o) <= half;
        }

        double inv = 1.0 / d;
        double t1 = (-half - o) * inv;
        double t2 = (half - o) * inv;
        if (t1 > t2)
        {
            (t1, t2) = (t2, t1);
        }

        tMin = Math.Max(tMin, t1);
        tMax = Math.Min(tMax, t2);
        return tMin <= tMax;
    }

    private static bool Separated(Vec2 d, Vec2 axis, in OrientedBox a, in OrientedBox b)
    {
        double ra = a.ProjectedRadius(axis);
        double rb = b.ProjectedRadius(axis);
        return Math.Abs(d.Dot(axis)) > ra + rb;
    }

    private double ProjectedRadius(Vec2 axis) =>
        (HalfLength * Math.Abs(Axis.Dot(axis))) + (HalfWidth * Math.Abs(Axis.LeftNormal.Dot(axis)));
}
