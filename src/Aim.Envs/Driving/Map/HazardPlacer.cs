using Aim.Core.Random;
using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Traffic;

namespace Aim.Envs.Driving.Map;

/// <summary>
/// Places SafeMetaDrive's accident scenes: each block after the first gets one with the accident probability; a third
/// are cone tapers, the rest a broken-down car with a warning triangle or a barrier (MetaDrive object_manager.py).
/// </summary>
internal static class HazardPlacer
{
    private const double ConeRadius = 0.2;
    private const double TriangleRadius = 0.5;
    private const double TriangleSetBack = 10;
    private const double BarrierAcross = 2.0;
    private const double BarrierAlong = 0.3;

    // Lateral offsets of the 12 cones from the lane's outer edge, 2 m apart, from 27 m to 5 m before the road end.
    private static readonly double[] s_coneTaper = [0, 1, 2, 3, 3, 3, 3, 3, 3, 2, 1, 0];

    public static StaticObstacle[] Place(
        RoadPiece[] pieces,
        IReadOnlyList<RoadBlockKind> blocks,
        int laneCount,
        double laneWidth,
        double probability,
        Rng rng,
        out HashSet<(int Block, int Lane)> accidentLanes)
    {
        var obstacles = new List<StaticObstacle>();
        accidentLanes = [];
        for (int b = 1; b < blocks.Count; b++)
        {
            if (!rng.NextBool(probability))
            {
                continue;
            }

            RoadPiece[] blockPieces = [.. pieces.Where(p => p.BlockIndex == b)];
            int lane;
            if (rng.NextDouble() < 1.0 / 3.0)
            {
                // Cones go on the block's last road (the straight after a curve's arc).
                lane = rng.NextBool() ? 0 : laneCount - 1;
                PlaceCones(blockPieces[^1], lane, laneCount, laneWidth, obstacles);
            }
            else
            {
                RoadPiece piece = blockPieces[rng.NextInt(Math.Min(2, blockPieces.Length))];
                lane = rng.NextBool() || laneCount == 1 ? laneCount - 1 : rng.NextInt(laneCount - 1);
                double s = piece.StartS + rng.NextDouble(piece.Length / 2, piece.Length);
                double lateral = (lane + 0.5) * laneWidth;
                if (rng.NextBool())
                {
                    (double length, double width) = VehicleClass.Sample(rng);
                    obstacles.Add(Make(pieces, s, lateral, length, width, ObstacleKind.BrokenDownVehicle));
                    obstacles.Add(MakeDisc(pieces, Math.Max(0, s - TriangleSetBack), lateral, TriangleRadius, ObstacleKind.WarningTriangle));
                }
                else
                {
                    obstacles.Add(Make(pieces, s, lateral, BarrierAlong, BarrierAcross, ObstacleKind.Barrier));
                }
            }

            accidentLanes.Add((b, lane));
        }

        obstacles.Sort((a, b) => a.S.CompareTo(b.S));
        return [.. obstacles];
    }

    private static void PlaceCones(RoadPiece piece, int lane, int laneCount, double laneWidth, List<StaticObstacle> obstacles)
    {
        // The outer edge is the centre line for the left-most lane and the road edge for the right-most one.
        bool leftMost = lane == 0;
        double edge = leftMost ? 0 : laneCount * laneWidth;
        for (int k = 0; k < s_coneTaper.Length; k++)
        {
            double sLocal = Math.Max(0, piece.Length - 27 + (2 * k));
            double lateral = leftMost ? edge + s_coneTaper[k] : edge - s_coneTaper[k];
            Vec2 p = piece.PointAt(sLocal, lateral);
            obstacles.Add(new StaticObstacle(Body.Disc(ObstacleKind.Cone, p, ConeRadius), piece.StartS + sLocal, lateral, ConeRadius, ConeRadius));
        }
    }

    private static StaticObstacle Make(RoadPiece[] pieces, double s, double lateral, double length, double width, ObstacleKind kind)
    {
        RoadPiece piece = PieceAt(pieces, s);
        double sLocal = s - piece.StartS;
        Body body = Body.Rectangle(kind, piece.PointAt(sLocal, lateral), piece.HeadingAt(sLocal), length, width);
        return new StaticObstacle(body, s, lateral, length / 2, width / 2);
    }

    private static StaticObstacle MakeDisc(RoadPiece[] pieces, double s, double lateral, double radius, ObstacleKind kind)
    {
        RoadPiece piece = PieceAt(pieces, s);
        Vec2 p = piece.PointAt(s - piece.StartS, lateral);
        return new StaticObstacle(Body.Disc(kind, p, radius), s, lateral, radius, radius);
    }

    private static RoadPiece PieceAt(RoadPiece[] pieces, double s) => pieces.Last(p => p.StartS <= s);
}
