using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Map;

namespace Aim.Envs.Driving.Rendering;

/// <summary>Maps world metres to frame pixels (north up): a centre, a scale and a frame size.</summary>
internal readonly record struct WorldView(int Width, int Height, Vec2 Center, double PixelsPerMetre)
{
    public Vec2 ToWorld(double px, double py) =>
        new(Center.X + ((px + 0.5 - (Width / 2.0)) / PixelsPerMetre), Center.Y - ((py + 0.5 - (Height / 2.0)) / PixelsPerMetre));

    public (double X, double Y) ToPixel(Vec2 p) =>
        (((p.X - Center.X) * PixelsPerMetre) + (Width / 2.0), ((Center.Y - p.Y) * PixelsPerMetre) + (Height / 2.0));

    /// <summary>A square view of <paramref name="size"/> pixels holding the whole road with its sidewalks.</summary>
    public static WorldView Fit(DrivingMap map, int size)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (double s = 0; s <= map.Length; s += 2)
        {
            foreach (double lateral in new[] { -2.0, map.RoadWidth + 3 })
            {
                Vec2 p = map.PointAt(s, lateral);
                minX = Math.Min(minX, p.X);
                maxX = Math.Max(maxX, p.X);
                minY = Math.Min(minY, p.Y);
                maxY = Math.Max(maxY, p.Y);
            }
        }

        double extent = Math.Max(maxX - minX, maxY - minY) + 10;
        return new WorldView(size, size, new Vec2((minX + maxX) / 2, (minY + maxY) / 2), size / extent);
    }
}
