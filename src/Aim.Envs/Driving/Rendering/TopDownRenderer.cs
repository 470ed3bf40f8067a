using Aim.Core.Envs;
using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Map;

namespace Aim.Envs.Driving.Rendering;

/// <summary>Rasterises the road, lane markings, hazards, traffic, ego and (optionally) lidar rays into an <see cref="RgbFrame"/>.</summary>
internal static class TopDownRenderer
{
    private const double LineHalfWidth = 0.12;
    private const double DashPeriod = 6;

    public static RgbFrame Draw(WorldView view, DrivingMap map, ReadOnlySpan<Body> bodies, in OrientedBox ego, DrivingEnv? lidarOf)
    {
        var frame = new RgbFrame(view.Width, view.Height);
        DrawRoad(frame, view, map);
        if (lidarOf is not null)
        {
            DrawLidar(frame, view, lidarOf);
        }

        foreach (ref readonly Body body in bodies)
        {
            DrawBody(frame, view, body);
        }

        DrawEgo(frame, view, ego);
        return frame;
    }

    private static void DrawRoad(RgbFrame frame, WorldView view, DrivingMap map)
    {
        double width = map.RoadWidth;
        // Lines are at least one pixel wide however far the view zooms out.
        double half = Math.Max(LineHalfWidth, 0.6 / view.PixelsPerMetre);
        int hint = 0;
        for (int py = 0; py < frame.Height; py++)
        {
            for (int px = 0; px < frame.Width; px++)
            {
                RoadPose pose = map.Locate(view.ToWorld(px, py), hint, out bool alongside);
                hint = pose.Piece;
                (byte R, byte G, byte B) c = alongside ? RoadColour(map, pose, width, half) : Palette.Grass;
                frame.Set(px, py, c.R, c.G, c.B);
            }
        }
    }

    private static (byte R, byte G, byte B) RoadColour(DrivingMap map, RoadPose pose, double width, double half)
    {
        double lateral = pose.Lateral;
        if (lateral < -half || lateral > width + 2.2)
        {
            return Palette.Grass;
        }

        if (lateral > width + 0.2)
        {
            return Palette.Sidewalk;
        }

        if (Math.Abs(lateral) <= half)
        {
            return Palette.CentreLine;
        }

        if (Math.Abs(lateral - width) <= half)
        {
            return Palette.LaneLine;
        }

        if (lateral > width)
        {
            return Palette.Asphalt;
        }

        double nearest = Math.Round(lateral / map.LaneWidth) * map.LaneWidth;
        if (Math.Abs(lateral - nearest) <= half && pose.S % DashPeriod < DashPeriod / 2)
        {
            return Palette.LaneLine;
        }

        return pose.S > map.Length - 1 ? Palette.Destination : Palette.Asphalt;
    }

    private static void DrawLidar(RgbFrame frame, WorldView view, DrivingEnv env)
    {
        ReadOnlySpan<float> readings = env.LidarReadings;
        var origin = new Vec2(env.Ego.X, env.Ego.Y);
        for (int i = 0; i < readings.Length; i++)
        {
            if (readings[i] >= 1f)
            {
                continue;
            }

            Vec2 end = origin + (Vec2.FromAngle(env.Ego.Heading + env.Lidar.RayAngle(i)) * (readings[i] * env.Lidar.Range));
            DrawLine(frame, view, origin, end, Palette.Lidar);
        }
    }

    private static void DrawLine(RgbFrame frame, WorldView view, Vec2 a, Vec2 b, (byte R, byte G, byte B) c)
    {
        (double x0, double y0) = view.ToPixel(a);
        (double x1, double y1) = view.ToPixel(b);
        int steps = (int)Math.Ceiling(Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0))) + 1;
        for (int k = 0; k <= steps; k++)
        {
            double t = (double)k / steps;
            frame.Set((int)(x0 + ((x1 - x0) * t)), (int)(y0 + ((y1 - y0) * t)), c.R, c.G, c.B);
        }
    }

    private static void DrawBody(RgbFrame frame, WorldView view, Body body)
    {
        (byte R, byte G, byte B) c = Palette.Of(body.Kind);
        // Small objects get at least a 3-pixel blob so they stay visible on whole-map views.
        double minRadius = 1.5 / view.PixelsPerMetre;
        Fill(frame, view, body.Center, body.BoundingRadius + minRadius, p =>
            body.IsDisc ? (p - body.Center).Length <= Math.Max(body.DiscRadius, minRadius) : Grown(body.Box, minRadius).Contains(p), c);
    }

    private static void DrawEgo(RgbFrame frame, WorldView view, in OrientedBox ego)
    {
        OrientedBox body = ego;
        Fill(frame, view, body.Center, body.BoundingRadius, body.Contains, Palette.Ego);
        var front = new OrientedBox(ego.Center + (ego.Axis * (ego.HalfLength * 0.7)), ego.Heading, ego.HalfLength * 0.3, ego.HalfWidth * 0.8);
        Fill(frame, view, front.Center, front.BoundingRadius, front.Contains, Palette.EgoFront);
    }

    private static OrientedBox Grown(in OrientedBox box, double minHalf) =>
        new(box.Center, box.Heading, Math.Max(box.HalfLength, minHalf), Math.Max(box.HalfWidth, minHalf));

    private static void Fill(RgbFrame frame, WorldView view, Vec2 centre, double radius, Func<Vec2, bool> inside, (byte R, byte G, byte B) c)
    {
        (double cx, double cy) = view.ToPixel(centre);
        int r = (int)Math.Ceiling(radius * view.PixelsPerMetre) + 1;
        for (int py = (int)cy - r; py <= (int)cy + r; py++)
        {
            for (int px = (int)cx - r; px <= (int)cx + r; px++)
            {
                if (inside(view.ToWorld(px, py)))
                {
                    frame.Set(px, py, c.R, c.G, c.B);
                }
            }
        }
    }
}
