namespace Aim.Envs.Driving.Geometry;

/// <summary>
/// How deep two footprints overlap and along which direction they separate fastest (the minimum translation vector),
/// the narrow phase of the ego's contact resolution (<see cref="ContactModel.Physical"/>).
/// </summary>
internal static class Penetration
{
    /// <summary>
    /// True when <paramref name="body"/> overlaps <paramref name="box"/>; then <paramref name="normal"/> is the unit
    /// direction that moves <paramref name="box"/> out of <paramref name="body"/> fastest and <paramref name="depth"/>
    /// the distance it must move (0 when they only touch).
    /// </summary>
    public static bool Of(in OrientedBox box, in Body body, out Vec2 normal, out double depth) =>
        body.IsDisc ? BoxDisc(box, body.Center, body.DiscRadius, out normal, out depth) : BoxBox(box, body.Box, out normal, out depth);

    /// <summary>Separating-axis test over the four face normals, keeping the axis of least overlap.</summary>
    private static bool BoxBox(in OrientedBox a, in OrientedBox b, out Vec2 normal, out double depth)
    {
        Vec2 d = a.Center - b.Center;
        normal = default;
        depth = double.PositiveInfinity;
        Span<Vec2> axes = [a.Axis, a.Axis.LeftNormal, b.Axis, b.Axis.LeftNormal];
        foreach (Vec2 axis in axes)
        {
            double along = d.Dot(axis);
            double overlap = ProjectedRadius(a, axis) + ProjectedRadius(b, axis) - Math.Abs(along);
            if (overlap < 0)
            {
                depth = 0;
                return false;
            }

            if (overlap < depth)
            {
                depth = overlap;
                normal = along >= 0 ? axis : -axis;
            }
        }

        return true;
    }

    /// <summary>The disc against the closest point of the box; a centre inside the box leaves by the nearest face.</summary>
    private static bool BoxDisc(in OrientedBox box, Vec2 center, double radius, out Vec2 normal, out double depth)
    {
        Vec2 left = box.Axis.LeftNormal;
        Vec2 d = center - box.Center;
        double u = d.Dot(box.Axis);
        double v = d.Dot(left);
        double cu = Math.Clamp(u, -box.HalfLength, box.HalfLength);
        double cv = Math.Clamp(v, -box.HalfWidth, box.HalfWidth);
        Vec2 closest = box.Center + (box.Axis * cu) + (left * cv);
        Vec2 away = closest - center;
        double distance = away.Length;
        if (cu != u || cv != v)
        {
            // Centre outside the box: the box moves away from the disc along the line between them.
            depth = radius - distance;
            normal = distance > 0 ? away * (1 / distance) : box.Axis;
            return depth >= 0;
        }

        // Centre inside the box: leave through the face the centre is nearest to.
        double alongGap = box.HalfLength - Math.Abs(u);
        double acrossGap = box.HalfWidth - Math.Abs(v);
        if (alongGap < acrossGap)
        {
            normal = u >= 0 ? -box.Axis : box.Axis;
            depth = alongGap + radius;
        }
        else
        {
            normal = v >= 0 ? -left : left;
            depth = acrossGap + radius;
        }

        return true;
    }

    private static double ProjectedRadius(in OrientedBox box, Vec2 axis) =>
        (box.HalfLength * Math.Abs(box.Axis.Dot(axis))) + (box.HalfWidth * Math.Abs(box.Axis.LeftNormal.Dot(axis)));
}
