namespace Aim.Envs.Driving.Geometry;

/// <summary>Angle helpers (radians).</summary>
internal static class Angles
{
    /// <summary>Wraps <paramref name="angle"/> into (−π, π].</summary>
    public static double Wrap(double angle)
    {
        angle = Math.IEEERemainder(angle, 2 * Math.PI);
        return angle <= -Math.PI ? angle + (2 * Math.PI) : angle;
    }

    public static double Degrees(double radians) => radians * (180.0 / Math.PI);

    public static double Radians(double degrees) => degrees * (Math.PI / 180.0);
}
