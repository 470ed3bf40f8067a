using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Traffic;

namespace Aim.Envs.Driving.Map;

/// <summary>
/// A generated road: a chain of straight and circular pieces carrying the same lanes, the hazards on it and where its
/// traffic waits. Road coordinates are (s, lateral): s is the arc length along the carriageway's left edge (the yellow
/// centre line), lateral is positive to the right, so lane i (0 = left-most) spans [i·w, (i+1)·w].
/// </summary>
public sealed class DrivingMap
{
    private readonly RoadPiece[] _pieces;
    private readonly RoadBlockKind[] _blocks;

    internal DrivingMap(
        int seed,
        int laneCount,
        double laneWidth,
        RoadPiece[] pieces,
        RoadBlockKind[] blocks,
        StaticObstacle[] obstacles,
        TrafficSpawn[] traffic,
        int spawnLane)
    {
        Seed = seed;
        LaneCount = laneCount;
        LaneWidth = laneWidth;
        _pieces = pieces;
        _blocks = blocks;
        Obstacles = obstacles;
        Traffic = traffic;
        SpawnLane = spawnLane;
        Length = pieces[^1].EndS;
    }

    /// <summary>The map seed that generated this map.</summary>
    public int Seed { get; }

    /// <summary>Lanes of the carriageway.</summary>
    public int LaneCount { get; }

    /// <summary>Lane width in metres.</summary>
    public double LaneWidth { get; }

    /// <summary>Width of the carriageway (<see cref="LaneCount"/> × <see cref="LaneWidth"/>).</summary>
    public double RoadWidth => LaneCount * LaneWidth;

    /// <summary>Route length in metres along the carriageway's left edge; the destination is its end.</summary>
    public double Length { get; }

    /// <summary>The blocks in order, starting with <see cref="RoadBlockKind.First"/>.</summary>
    public IReadOnlyList<RoadBlockKind> Blocks => _blocks;

    /// <summary>The lane the ego starts in.</summary>
    public int SpawnLane { get; }

    /// <summary>Number of static hazards (cones, triangles, barriers, broken-down vehicles) on the map.</summary>
    public int HazardCount => Obstacles.Length;

    /// <summary>Number of traffic vehicles waiting on the map at the start of an episode.</summary>
    public int TrafficCount => Traffic.Length;

    internal IReadOnlyList<RoadPiece> Pieces => _pieces;

    internal StaticObstacle[] Obstacles { get; }

    internal TrafficSpawn[] Traffic { get; }

    /// <summary>The world position of road coordinates (s is clamped to the route).</summary>
    public (double X, double Y) ToWorld(double s, double lateral)
    {
        Vec2 p = PointAt(s, lateral);
        return (p.X, p.Y);
    }

    /// <summary>The direction of travel (radians, counter-clockwise from +x) at arc length <paramref name="s"/>.</summary>
    public double HeadingAt(double s)
    {
        RoadPiece piece = _pieces[PieceIndexAt(s)];
        return piece.HeadingAt(Math.Clamp(s - piece.StartS, 0, piece.Length));
    }

    /// <summary>The lateral offset of the centre of <paramref name="lane"/>.</summary>
    public double LaneCenter(int lane) => (lane + 0.5) * LaneWidth;

    /// <summary>
    /// Road coordinates of a world point. Returns false when the point is not alongside any piece of the route
    /// (before its start, past its end, or beside a gap between pieces).
    /// </summary>
    public bool TryLocate(double x, double y, out double s, out double lateral)
    {
        RoadPose pose = Locate(new Vec2(x, y), 0, out bool alongside);
        s = pose.S;
        lateral = pose.Lateral;
        return alongside;
    }

    internal Vec2 PointAt(double s, double lateral)
    {
        RoadPiece piece = _pieces[PieceIndexAt(s)];
        return piece.PointAt(Math.Clamp(s - piece.StartS, 0, piece.Length), lateral);
    }

    internal int PieceIndexAt(double s)
    {
        int lo = 0;
        int hi = _pieces.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_pieces[mid].StartS <= s)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// Localises <paramref name="p"/>: tries the piece <paramref name="hint"/> and its neighbours first (the ego moves at
    /// most a few metres per step), then every piece, picking the one the point lies alongside and nearest to.
    /// </summary>
    internal RoadPose Locate(Vec2 p, int hint, out bool alongside)
    {
        hint = Math.Clamp(hint, 0, _pieces.Length - 1);
        if (TryPiece(p, hint, out RoadPose pose) || (hint + 1 < _pieces.Length && TryPiece(p, hint + 1, out pose))
            || (hint > 0 && TryPiece(p, hint - 1, out pose)))
        {
            alongside = true;
            return pose;
        }

        double bestScore = double.PositiveInfinity;
        RoadPose best = default;
        for (int i = 0; i < _pieces.Length; i++)
        {
            RoadPiece piece = _pieces[i];
            piece.Project(p, out double sLocal, out double lateral);
            double overshoot = Math.Max(0, Math.Max(-sLocal, sLocal - piece.Length));
            double outside = Math.Max(0, Math.Max(-lateral, lateral - RoadWidth));
            double score = overshoot + outside;
            if (score < bestScore)
            {
                bestScore = score;
                best = new RoadPose(i, piece.StartS + sLocal, lateral);
            }
        }

        alongside = bestScore == 0 || IsAlongside(best);
        return best;
    }

    private bool IsAlongside(RoadPose pose)
    {
        RoadPiece piece = _pieces[pose.Piece];
        double sLocal = pose.S - piece.StartS;
        return sLocal >= 0 && sLocal <= piece.Length;
    }

    private bool TryPiece(Vec2 p, int index, out RoadPose pose)
    {
        RoadPiece piece = _pieces[index];
        piece.Project(p, out double sLocal, out double lateral);
        pose = new RoadPose(index, piece.StartS + sLocal, lateral);

        // A generous lateral band: on the inside of an arc, points far off the road may project onto it from the centre.
        double band = Math.Min(RoadWidth, 10.0);
        return sLocal >= 0 && sLocal <= piece.Length && lateral >= -band && lateral <= RoadWidth + band;
    }
}
