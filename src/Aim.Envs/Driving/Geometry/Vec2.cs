using System.Runtime.CompilerServices;

namespace Aim.Envs.Driving.Geometry;

/// <summary>A 2-D point or vector in metres (world frame: x east, y north, angles counter-clockwise from +x).</summary>
internal readonly record struct Vec2(double X, double Y)
{
    public static Vec2 operator +(Vec2 a, Vec2 b) => new(a.X + b.X, a.Y + b.Y);

    public static Vec2 operator -(Vec2 a, Vec2 b) => new(a.X - b.X, a.Y - b.Y);

    public static Vec2 operator *(Vec2 a, double k) => new(a.X * k, a.Y * k);

    public static Vec2 operator *(double k, Vec2 a) => new(a.X * k, a.Y * k);

    public static Vec2 operator -(Vec2 a) => new(-a.X, -a.Y);

    public double Length => Math.Sqrt((X * X) + (Y * Y));

    public double LengthSquared => (X * X) + (Y * Y);

    /// <summary>The unit vector at <paramref name="angle"/> radians.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 FromAngle(double angle) => new(Math.Cos(angle), Math.Sin(angle));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Dot(Vec2 b) => (X * b.X) + (Y * b.Y);

    /// <summary>The z component of the 3-D cross product: positive when <paramref name="b"/> lies counter-clockwise of this.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Cross(Vec2 b) => (X * b.Y) - (Y * b.X);

    /// <summary>This vector turned 90° clockwise (the right-hand normal of a heading vector).</summary>
    public Vec2 RightNormal => new(Y, -X);

    /// <summary>This vector turned 90° counter-clockwise (the left-hand normal of a heading vector).</summary>
    public Vec2 LeftNormal => new(-Y, X);

    /// <summary>"(x, y)" in metres; the record's generated text would recurse through the normal vectors.</summary>
    public override string ToString() => FormattableString.Invariant($"({X:F3}, {Y:F3})");

    /// <summary>The angle of this vector, counter-clockwise from +x, in (−π, π].</summary>
    public double Angle => Math.Atan2(Y, X);
}
