using Aim.Core.Random;
using Aim.Envs.Driving.Map;

namespace Aim.Envs.Driving.Traffic;

/// <summary>
/// Chooses where traffic waits (MetaDrive's trigger-mode traffic manager): slots every 10 m on every lane of each block
/// after the first, except lanes holding the block's accident; ⌊⌊lane metres / 10⌋ × density⌋ vehicles per block.
/// </summary>
internal static class TrafficPlacer
{
    private const double SlotSpacing = 10;

    // A slot this close (along the road) to a hazard in its lane is skipped, so parked traffic never starts in contact.
    private const double HazardClearance = 8;

    public static TrafficSpawn[] Place(
        RoadPiece[] pieces,
        int blockCount,
        int laneCount,
        double laneWidth,
        double density,
        StaticObstacle[] obstacles,
        HashSet<(int Block, int Lane)> accidentLanes,
        Rng rng)
    {
        var spawns = new List<TrafficSpawn>();
        for (int b = 1; b < blockCount; b++)
        {
            RoadPiece[] blockPieces = [.. pieces.Where(p => p.BlockIndex == b)];
            double start = blockPieces[0].StartS;
            double end = blockPieces[^1].EndS;
            double laneMetres = 0;
            for (int lane = 0; lane < laneCount; lane++)
            {
                laneMetres += blockPieces.Sum(p => p.Length * p.LengthScale((lane + 0.5) * laneWidth));
            }

            int count = (int)Math.Floor(Math.Floor(laneMetres / SlotSpacing) * density);
            if (count == 0)
            {
                continue;
            }

            var slots = new List<(double S, int Lane)>();
            for (int lane = 0; lane < laneCount; lane++)
            {
                if (accidentLanes.Contains((b, lane)))
                {
                    continue;
                }

                for (double s = start; s < end; s += SlotSpacing)
                {
                    if (!NearHazard(obstacles, s, lane, laneWidth))
                    {
                        slots.Add((s, lane));
                    }
                }
            }

            (double S, int Lane)[] shuffled = [.. slots];
            rng.Shuffle(shuffled.AsSpan());

            // The previous block's exit road triggers this block's traffic.
            double trigger = pieces.Last(p => p.BlockIndex == b - 1).StartS;
            foreach ((double s, int lane) in shuffled.Take(count))
            {
                (double length, double width) = VehicleClass.Sample(rng);
                spawns.Add(new TrafficSpawn(s, lane, length, width, trigger));
            }
        }

        spawns.Sort((a, b) => a.S.CompareTo(b.S));
        return [.. spawns];
    }

    private static bool NearHazard(StaticObstacle[] obstacles, double s, int lane, double laneWidth)
    {
        foreach (StaticObstacle o in obstacles)
        {
            if (Math.Abs(o.S - s) < HazardClearance && o.Covers(lane * laneWidth, (lane + 1) * laneWidth))
            {
                return true;
            }
        }

        return false;
    }
}
