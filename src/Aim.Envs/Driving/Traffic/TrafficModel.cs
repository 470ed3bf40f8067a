using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Map;
using Aim.Envs.Driving.Vehicle;

namespace Aim.Envs.Driving.Traffic;

/// <summary>
/// Lane-keeping IDM traffic: each vehicle follows its lane's centre, accelerating towards the cruise speed and braking
/// for the nearest vehicle, hazard or ego ahead in its lane. Vehicles are parked until the ego reaches their trigger and
/// are removed when they drive past the end of the route.
/// </summary>
internal sealed class TrafficModel
{
    // How fast a pushed, driving vehicle steers back to its lane centre (m/s).
    private const double RecentreSpeed = 0.5;


    private TrafficVehicle[] _vehicles = [];
    private DrivingMap? _map;

    // Per lane, the rear arc lengths of the hazards reaching into the lane, ascending.
    private double[][] _laneHazards = [];

    public TrafficModel(double cruiseSpeed)
    {
        CruiseSpeed = cruiseSpeed;
    }

    /// <summary>Cruise speed in m/s.</summary>
    public double CruiseSpeed { get; }

    public int Count { get; private set; }

    public ReadOnlySpan<TrafficVehicle> Vehicles => _vehicles.AsSpan(0, Count);

    public void Reset(DrivingMap map)
    {
        if (!ReferenceEquals(map, _map))
        {
            _map = map;
            _laneHazards = BuildLaneHazards(map);
            if (_vehicles.Length < map.Traffic.Length)
            {
                _vehicles = new TrafficVehicle[map.Traffic.Length];
            }
        }

        Count = map.Traffic.Length;
        for (int i = 0; i < Count; i++)
        {
            TrafficSpawn spawn = map.Traffic[i];
            _vehicles[i] = new TrafficVehicle
            {
                S = spawn.S,
                Lane = spawn.Lane,
                HalfLength = spawn.Length / 2,
                Width = spawn.Width,
                Mass = VehicleClass.MassOf(spawn.Length),
                TriggerS = spawn.TriggerS,
            };
        }
    }

    /// <summary>Advances every triggered vehicle by <paramref name="dt"/> seconds given the ego's road position.</summary>
    public void Step(double dt, double egoS, double egoLateral)
    {
        DrivingMap map = _map ?? throw new InvalidOperationException("Reset the traffic before stepping it.");
        double laneWidth = map.LaneWidth;
        for (int i = 0; i < Count; i++)
        {
            ref TrafficVehicle v = ref _vehicles[i];
            if (v.Removed)
            {
                continue;
            }

            if (!v.Active)
            {
                if (egoS < v.TriggerS)
                {
                    // Parked, but a push by the ego sets it rolling: it coasts to a stop like an unbraked car.
                    v.Speed = Math.Max(0, v.Speed - (BicycleModel.CoastDeceleration * dt));
                    v.S += v.Speed * dt;
                    continue;
                }

                v.Active = true;
            }

            double front = v.S + v.HalfLength;
            double gap = double.PositiveInfinity;
            double leaderSpeed = 0;
            for (int j = 0; j < Count; j++)
            {
                ref TrafficVehicle other = ref _vehicles[j];
                if (j == i || other.Removed || other.Lane != v.Lane || other.S <= v.S)
                {
                    continue;
                }

                double g = other.S - other.HalfLength - front;
                if (g < gap)
                {
                    gap = g;
                    leaderSpeed = other.Speed;
                }
            }

            double hazard = NextHazard(_laneHazards[v.Lane], front) - front;
            if (hazard < gap)
            {
                gap = hazard;
                leaderSpeed = 0;
            }

            // The ego counts as a leader when its centre is in this lane or within half a metre of it.
            double laneCentre = (v.Lane + 0.5) * laneWidth;
            if (egoS > v.S && Math.Abs(egoLateral - laneCentre) < (laneWidth / 2) + 0.5)
            {
                double g = egoS - (VehicleClass.EgoLength / 2) - front;
                if (g < gap)
                {
                    gap = g;
                    leaderSpeed = 0;
                }
            }

            // A driving vehicle that was pushed off its lane centre steers back to it.
            v.Offset -= Math.Sign(v.Offset) * Math.Min(Math.Abs(v.Offset), RecentreSpeed * dt);

            double acceleration = Idm(v.Speed, gap, leaderSpeed);
            v.Speed = Math.Max(0, v.Speed + (acceleration * dt));
            v.S += v.Speed * dt;
            if (v.S - v.HalfLength > map.Length)
            {
                v.Removed = true;
            }
        }
    }

    /// <summary>
    /// Writes the footprints of the vehicles still on the road and, in <paramref name="owners"/>, the index of the
    /// vehicle each footprint belongs to; returns how many.
    /// </summary>
    public int WriteBodies(Span<Body> into, Span<int> owners)
    {
        DrivingMap map = _map!;
        int n = 0;
        for (int i = 0; i < Count; i++)
        {
            ref TrafficVehicle v = ref _vehicles[i];
            if (v.Removed)
            {
                continue;
            }

            Vec2 centre = map.PointAt(v.S, map.LaneCenter(v.Lane) + v.Offset);
            owners[n] = i;
            into[n++] = Body.Rectangle(ObstacleKind.TrafficVehicle, centre, map.HeadingAt(v.S), 2 * v.HalfLength, v.Width);
        }

        return n;
    }

    /// <summary>
    /// Applies a push by the ego to vehicle <paramref name="index"/>: its footprint moved by <paramref name="displacement"/>
    /// (split into progress along its lane and offset across it) and its velocity changed by <paramref name="deltaVelocity"/>
    /// (the part along its lane: traffic keeps its heading).
    /// </summary>
    public void Push(int index, Vec2 displacement, Vec2 deltaVelocity)
    {
        DrivingMap map = _map!;
        ref TrafficVehicle v = ref _vehicles[index];
        Vec2 along = Vec2.FromAngle(map.HeadingAt(v.S));
        v.S += displacement.Dot(along);
        v.Offset += displacement.Dot(along.RightNormal);
        v.Speed = Math.Max(0, v.Speed + deltaVelocity.Dot(along));
    }

    /// <summary>The velocity of vehicle <paramref name="index"/> in the world frame.</summary>
    public Vec2 Velocity(int index)
    {
        ref TrafficVehicle v = ref _vehicles[index];
        return Vec2.FromAngle(_map!.HeadingAt(v.S)) * v.Speed;
    }

    private double Idm(double speed, double gap, double leaderSpeed)
    {
        double free = 1 - Math.Pow(speed / CruiseSpeed, IdmParameters.Exponent);
        double interaction = 0;
        if (gap < IdmParameters.LookAhead)
        {
            double desired = IdmParameters.MinimumGap + (speed * IdmParameters.TimeHeadway)
                + (speed * (speed - leaderSpeed) / (2 * Math.Sqrt(IdmParameters.MaxAcceleration * IdmParameters.ComfortableDeceleration)));
            double ratio = Math.Max(0, desired) / Math.Max(gap, 0.1);
            interaction = ratio * ratio;
        }

        double a = IdmParameters.MaxAcceleration * (free - interaction);
        return Math.Clamp(a, -IdmParameters.MaxDeceleration, IdmParameters.MaxAcceleration);
    }

    private static double NextHazard(double[] rears, double front)
    {
        foreach (double rear in rears)
        {
            if (rear > front - 1)
            {
                return rear;
            }
        }

        return double.PositiveInfinity;
    }

    private static double[][] BuildLaneHazards(DrivingMap map)
    {
        var lanes = new double[map.LaneCount][];
        for (int lane = 0; lane < map.LaneCount; lane++)
        {
            // Shrink the lane a little so a cone on the lane line does not stop both neighbours.
            double from = (lane * map.LaneWidth) + 0.3;
            double to = ((lane + 1) * map.LaneWidth) - 0.3;
            lanes[lane] = [.. map.Obstacles.Where(o => o.Covers(from, to)).Select(o => o.S - o.HalfAlong).Order()];
        }

        return lanes;
    }
}
