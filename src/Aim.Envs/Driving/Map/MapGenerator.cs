using Aim.Core.Random;
using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Traffic;

namespace Aim.Envs.Driving.Map;

/// <summary>
/// Builds a map from its seed: the first block, then random blocks with MetaDrive's parameter ranges, rejecting any
/// block whose road would come near an earlier one (MetaDrive's BIG algorithm does the same with retries).
/// </summary>
internal static class MapGenerator
{
    // Block-type weights among the blocks this simulator has. MetaDrive's v2 distribution gives C 0.30 and S 0.10 and
    // spends the rest on junctions and ramps we do not model; S-bends stand in for that share (our decision).
    private static readonly (RoadBlockKind Kind, double Weight)[] s_blockWeights =
    [
        (RoadBlockKind.Curve, 0.5),
        (RoadBlockKind.Straight, 0.2),
        (RoadBlockKind.SBend, 0.3),
    ];

    private const int MaxAttemptsPerBlock = 20;

    // Spacing of the clearance samples along the carriageway centre.
    private const double SampleSpacing = 2.0;

    public static DrivingMap Generate(int seed, DrivingEnvOptions options)
    {
        var rng = new Rng(seed);
        int laneCount = rng.NextInt(options.MinLaneCount, options.MaxLaneCount + 1);
        var road = new RoadBuilder(laneCount, options.LaneWidth);
        var blocks = new List<RoadBlockKind> { RoadBlockKind.First };

        // MetaDrive's FirstPGBlock: roads of 10 m and 40 m (exit_length 50).
        road.AddStraight(10, 0);
        road.AddStraight(40, 0);

        int blockCount = options.BlockSequence?.Count ?? options.BlockCount;
        for (int b = 1; b <= blockCount; b++)
        {
            RoadBlockKind kind = options.BlockSequence?[b - 1] ?? SampleKind(rng);
            int before = road.Count;
            bool placed = false;
            for (int attempt = 0; attempt < MaxAttemptsPerBlock && !placed; attempt++)
            {
                AddBlock(road, kind, b, rng);
                placed = IsClear(road, before);
                if (!placed)
                {
                    road.Truncate(before);
                }
            }

            if (!placed)
            {
                // A straight can still collide after a tight turn; keep the shortest one rather than fail the seed.
                kind = RoadBlockKind.Straight;
                road.AddStraight(40, b);
            }

            blocks.Add(kind);
        }

        RoadPiece[] pieces = [.. road.Pieces];
        StaticObstacle[] obstacles = HazardPlacer.Place(pieces, blocks, laneCount, options.LaneWidth, options.AccidentProbability, rng.Split(), out HashSet<(int Block, int Lane)> accidentLanes);
        TrafficSpawn[] traffic = TrafficPlacer.Place(pieces, blocks.Count, laneCount, options.LaneWidth, options.TrafficDensity, obstacles, accidentLanes, rng.Split());
        int spawnLane = rng.NextInt(laneCount);
        return new DrivingMap(seed, laneCount, options.LaneWidth, pieces, [.. blocks], obstacles, traffic, spawnLane);
    }

    private static RoadBlockKind SampleKind(Rng rng)
    {
        double u = rng.NextDouble();
        foreach ((RoadBlockKind kind, double weight) in s_blockWeights)
        {
            if ((u -= weight) < 0)
            {
                return kind;
            }
        }

        return s_blockWeights[^1].Kind;
    }

    private static void AddBlock(RoadBuilder road, RoadBlockKind kind, int block, Rng rng)
    {
        switch (kind)
        {
            case RoadBlockKind.Straight:
                road.AddStraight(rng.NextDouble(40, 80), block);
                break;
            case RoadBlockKind.Curve:
                road.AddArc(rng.NextDouble(25, 60), Angles.Radians(rng.NextDouble(45, 135)), rng.NextBool(), block);
                road.AddStraight(rng.NextDouble(40, 80), block);
                break;
            case RoadBlockKind.SBend:
                double radius = rng.NextDouble(40, 70);
                double sweep = Angles.Radians(rng.NextDouble(20, 40));
                bool left = rng.NextBool();
                road.AddArc(radius, sweep, left, block);
                road.AddArc(radius, sweep, !left, block);
                road.AddStraight(rng.NextDouble(30, 50), block);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only Straight, Curve and SBend blocks can be appended.");
        }
    }

    /// <summary>
    /// True when every centre sample of the pieces from <paramref name="firstNew"/> on keeps a carriageway's width plus a
    /// margin away from the earlier road (ignoring the last 30 m before the joint, which the new block touches by design).
    /// </summary>
    private static bool IsClear(RoadBuilder road, int firstNew)
    {
        double centre = road.LaneCount * road.LaneWidth / 2;
        double clearance = (road.LaneCount * road.LaneWidth) + 8.0;
        double joint = road.Pieces[firstNew].StartS;
        var old = new List<Vec2>();
        for (int i = 0; i < firstNew; i++)
        {
            Sample(road.Pieces[i], centre, joint - 30, old);
        }

        var fresh = new List<Vec2>();
        for (int i = firstNew; i < road.Count; i++)
        {
            Sample(road.Pieces[i], centre, double.PositiveInfinity, fresh);
        }

        double limit = clearance * clearance;
        foreach (Vec2 p in fresh)
        {
            foreach (Vec2 q in old)
            {
                if ((p - q).LengthSquared < limit)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void Sample(RoadPiece piece, double lateral, double maxS, List<Vec2> into)
    {
        for (double s = 0; s <= piece.Length && piece.StartS + s <= maxS; s += SampleSpacing)
        {
            into.Add(piece.PointAt(s, lateral));
        }
    }
}
