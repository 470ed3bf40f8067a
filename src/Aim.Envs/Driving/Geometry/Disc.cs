using System.Runtime.CompilerServices;

namespace Aim.Envs.Driving.Geometry;

/// <summary>Ray casting against discs: the footprint of traffic cones and warning triangles.</summary>
internal static class Disc
{
    /// <summary>
    /// Distance along the ray from <paramref name="origin"/> in unit direction <paramref name="direction"/> to the disc;
    /// 0 when the origin is inside; +∞ when the ray misses.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RayDistance(Vec2 center, double radius, Vec2 origin, Vec2 direction)
    {
        Vec2 f = origin - center;
        double c = f.LengthSquared - (radius * radius);
        if (c <= 0)
        {
            return 0.0;
        }

        double b = f.Dot(direction);
        double discriminant = (b * b) - c;
        if (b > 0 || discriminant < 0)
        {
            return double.PositiveInfinity;
        }

        return -b - Math.Sqrt(discriminant);
    }
}
