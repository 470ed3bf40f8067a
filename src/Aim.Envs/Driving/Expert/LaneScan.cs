using Aim.Envs.Driving.Map;
using Aim.Envs.Driving.Traffic;

namespace Aim.Envs.Driving.Expert;

/// <summary>
/// What lies ahead of and beside the ego, read from the true state: for every lane the nearest thing the ego would have
/// to stop for (hazard, parked or slower traffic) and whether the lane is free beside the ego for a lane change, and
/// for any lateral band the nearest blocker ahead in it.
/// </summary>
internal sealed class LaneScan
{
    // Half the ego's width plus a margin: an object within this distance of a lane centre blocks that lane.
    private const double LaneClearance = (VehicleClass.EgoWidth / 2) + 0.35;

    private readonly double[] _gap = new double[4];
    private readonly double[] _leaderSpeed = new double[4];
    private readonly bool[] _besideFree = new bool[4];
    private readonly List<Blocker> _blockers = [];

    /// <summary>Bumper gap to the nearest blocker ahead in each lane (+∞ when none within the look-ahead; negative when alongside).</summary>
    public ReadOnlySpan<double> Gap => _gap;

    /// <summary>Speed of that blocker (0 for hazards and parked vehicles).</summary>
    public ReadOnlySpan<double> LeaderSpeed => _leaderSpeed;

    /// <summary>True when no vehicle or hazard is beside the ego or closing in from behind in the lane.</summary>
    public ReadOnlySpan<bool> BesideFree => _besideFree;

    public void Update(DrivingMap map, ReadOnlySpan<StaticObstacle> obstacles, ReadOnlySpan<TrafficVehicle> traffic, double egoS, double egoSpeed, double lookAhead)
    {
        double egoFront = egoS + (VehicleClass.EgoLength / 2);
        double egoRear = egoS - (VehicleClass.EgoLength / 2);
        _blockers.Clear();
        for (int lane = 0; lane < map.LaneCount; lane++)
        {
            _gap[lane] = double.PositiveInfinity;
            _leaderSpeed[lane] = 0;
            _besideFree[lane] = true;
        }

        foreach (StaticObstacle o in obstacles)
        {
            if (o.S + o.HalfAlong < egoRear - 2 || o.S - o.HalfAlong > egoFront + lookAhead)
            {
                continue;
            }

            var blocker = new Blocker(o.S - o.HalfAlong - egoFront, 0, o.Lateral - o.HalfAcross, o.Lateral + o.HalfAcross);
            _blockers.Add(blocker);
            for (int lane = 0; lane < map.LaneCount; lane++)
            {
                double centre = map.LaneCenter(lane);
                if (o.Covers(centre - LaneClearance, centre + LaneClearance))
                {
                    Consider(lane, blocker.Gap, 0);
                    if (o.S + o.HalfAlong > egoRear - 4 && o.S - o.HalfAlong < egoFront + 8)
                    {
                        _besideFree[lane] = false;
                    }
                }
            }
        }

        foreach (ref readonly TrafficVehicle v in traffic)
        {
            if (v.Removed || v.S + v.HalfLength < egoRear - 30 || v.S - v.HalfLength > egoFront + lookAhead)
            {
                continue;
            }

            double rear = v.S - v.HalfLength;
            double front = v.S + v.HalfLength;
            if (front > egoRear - 2)
            {
                double centre = map.LaneCenter(v.Lane);
                _blockers.Add(new Blocker(rear - egoFront, v.Speed, centre - (v.Width / 2), centre + (v.Width / 2)));
                Consider(v.Lane, rear - egoFront, v.Speed);
            }

            // Beside us, or close behind and not slower than us (it would run into a cut-in).
            double behindMargin = 6 + (Math.Max(0, v.Speed - egoSpeed) * 3);
            if (front > egoRear - behindMargin && rear < egoFront + 6)
            {
                _besideFree[v.Lane] = false;
            }
        }
    }

    /// <summary>The nearest blocker ahead whose lateral extent reaches into [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public (double Gap, double Speed) NearestIn(double from, double to)
    {
        double gap = double.PositiveInfinity;
        double speed = 0;
        foreach (Blocker b in _blockers)
        {
            if (b.Gap < gap && b.LateralMax > from && b.LateralMin < to)
            {
                gap = b.Gap;
                speed = b.Speed;
            }
        }

        return (gap, speed);
    }

    private void Consider(int lane, double gap, double speed)
    {
        if (gap < _gap[lane])
        {
            _gap[lane] = gap;
            _leaderSpeed[lane] = speed;
        }
    }

    private readonly record struct Blocker(double Gap, double Speed, double LateralMin, double LateralMax);
}
