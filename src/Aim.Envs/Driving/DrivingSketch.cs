using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Map;

namespace Aim.Envs.Driving;

/// <summary>
/// Vector outlines of a driving scene in world metres, for charts: every shape is an array of (x, y) points; polygons
/// repeat their first point at the end.
/// </summary>
/// <param name="RoadEdges">The carriageway's left edge (yellow centre line) and right edge, each a polyline.</param>
/// <param name="LaneLines">The dividing lines between lanes, each a polyline.</param>
/// <param name="Hazards">Outlines of cones, triangles, barriers and broken-down vehicles.</param>
/// <param name="Vehicles">Outlines of the traffic vehicles.</param>
/// <param name="Ego">The ego's outline.</param>
public sealed record DrivingSketch(
    IReadOnlyList<(double X, double Y)[]> RoadEdges,
    IReadOnlyList<(double X, double Y)[]> LaneLines,
    IReadOnlyList<(double X, double Y)[]> Hazards,
    IReadOnlyList<(double X, double Y)[]> Vehicles,
    (double X, double Y)[] Ego)
{
    private const double Spacing = 2;

    internal static DrivingSketch Of(DrivingMap map, ReadOnlySpan<Body> bodies, in OrientedBox ego)
    {
        var edges = new List<(double X, double Y)[]> { Line(map, 0), Line(map, map.RoadWidth) };
        var lanes = new List<(double X, double Y)[]>();
        for (int k = 1; k < map.LaneCount; k++)
        {
            lanes.Add(Line(map, k * map.LaneWidth));
        }

        var hazards = new List<(double X, double Y)[]>();
        var vehicles = new List<(double X, double Y)[]>();
        foreach (ref readonly Body body in bodies)
        {
            (body.Kind == ObstacleKind.TrafficVehicle ? vehicles : hazards).Add(Outline(body));
        }

        return new DrivingSketch(edges, lanes, hazards, vehicles, Outline(ego));
    }

    private static (double X, double Y)[] Line(DrivingMap map, double lateral)
    {
        int n = (int)Math.Ceiling(map.Length / Spacing);
        var points = new (double X, double Y)[n + 1];
        for (int i = 0; i <= n; i++)
        {
            points[i] = map.ToWorld(Math.Min(i * Spacing, map.Length), lateral);
        }

        return points;
    }

    private static (double X, double Y)[] Outline(in Body body)
    {
        if (!body.IsDisc)
        {
            return Outline(body.Box);
        }

        var points = new (double X, double Y)[13];
        for (int i = 0; i < points.Length; i++)
        {
            Vec2 p = body.Center + (Vec2.FromAngle(i * Math.PI / 6) * body.DiscRadius);
            points[i] = (p.X, p.Y);
        }

        return points;
    }

    private static (double X, double Y)[] Outline(in OrientedBox box)
    {
        var points = new (double X, double Y)[5];
        for (int i = 0; i < 5; i++)
        {
            Vec2 p = box.Corner(i % 4);
            points[i] = (p.X, p.Y);
        }

        return points;
    }
}
