using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Map;
using Aim.Envs.Driving.Traffic;
using Aim.Envs.Driving.Vehicle;

namespace Aim.Envs.Driving.Expert;

/// <summary>
/// The expert's deterministic planner: picks a lane with look-ahead around hazards and slower traffic, steers to it by
/// pure pursuit and sets the throttle from a target speed limited by curves and by what is ahead in its lanes.
/// </summary>
internal sealed class DrivingPlanner
{
    // The tracked lateral error is capped so that a lane change is a steady drift of about 1 m/s, not a swerve.
    private const double MaxTrackedOffset = 0.6;

    // Edge lanes are worth this many metres less: the middle lane leaves room on both sides for the steering noise.
    private const double EdgeLanePenalty = 20;

    // Lateral margin added to the ego's footprint when looking for what blocks its path (m).
    private const double PathMargin = 0.3;

    // Speed at which the ego may creep while it moves out of a blocked path (m/s).
    private const double CreepSpeed = 1.5;

    // How far ahead the footprint must be free for the ego to creep (m).
    private const double CreepLookAhead = 1.0;

    // Bumper gap kept to the blocker of the lane being left during a lane change (m).
    private const double CreepGap = 1.5;

    private readonly DrivingExpertOptions _options;
    private readonly LaneScan _scan = new();
    private int _lane = -1;
    private int _goalLane;

    public DrivingPlanner(DrivingExpertOptions options)
    {
        _options = options;
    }

    /// <summary>The lane the planner is steering to.</summary>
    public int Lane => _lane;

    /// <summary>The lane the planner wants to end up in (it moves there one lane at a time).</summary>
    public int GoalLane => _goalLane;

    /// <summary>Forgets the lane choice (a new episode).</summary>
    public void Reset() => _lane = -1;

    /// <summary>The planner's action in the environment's current state.</summary>
    public (double Steer, double Throttle) Plan(DrivingEnv env)
    {
        DrivingMap map = env.Map ?? throw new InvalidOperationException("Reset the environment before asking the expert.");
        EgoState ego = env.Ego;
        double s = env.EgoS;
        double lateral = env.EgoLateral;
        int occupied = Math.Clamp((int)Math.Floor(lateral / map.LaneWidth), 0, map.LaneCount - 1);
        if (_lane < 0)
        {
            _lane = occupied;
            _goalLane = occupied;
        }

        _scan.Update(map, env.Obstacles, env.Traffic.Vehicles, s, ego.Speed, _options.LookAhead);
        ChooseLanes(map, ego.Speed, lateral);
        double targetSpeed = TargetSpeed(env, map, ego, s, lateral);
        return (Steer(map, ego, s, lateral), Throttle(ego.Speed, targetSpeed));
    }

    private void ChooseLanes(DrivingMap map, double speed, double lateral)
    {
        // A lane's worth is the free road ahead, counting a moving leader as the distance it will have covered in 3 s.
        double best = double.NegativeInfinity;
        int bestLane = _goalLane;
        for (int lane = 0; lane < map.LaneCount; lane++)
        {
            double worth = Worth(map, lane) - (0.5 * Math.Abs(lane - _lane));
            if (worth > best)
            {
                best = worth;
                bestLane = lane;
            }
        }

        if (bestLane != _goalLane && best > Worth(map, _goalLane) + _options.LaneChangeGain)
        {
            _goalLane = bestLane;
        }

        // Move one lane at a time, and only once the ego has settled in the lane it was moving to.
        bool settled = Math.Abs(lateral - map.LaneCenter(_lane)) < 0.5;
        if (_goalLane != _lane && settled)
        {
            int next = _lane + Math.Sign(_goalLane - _lane);
            if (_scan.BesideFree[next] && _scan.Gap[next] > Math.Max(8, speed))
            {
                _lane = next;
            }
        }
    }

    private double Worth(DrivingMap map, int lane)
    {
        double gap = _scan.Gap[lane];
        bool edge = map.LaneCount > 2 && (lane == 0 || lane == map.LaneCount - 1);
        return Math.Min(_options.LookAhead, gap + (3 * _scan.LeaderSpeed[lane])) - (edge ? EdgeLanePenalty : 0);
    }

    private double TargetSpeed(DrivingEnv env, DrivingMap map, EgoState ego, double s, double lateral)
    {
        double a = _options.PlanningDeceleration;
        double target = _options.CruiseSpeedKmh / 3.6;

        // Curves ahead: the lane's radius sets a speed; approach it with the planning deceleration.
        double horizon = s + _options.LookAhead;
        for (int i = map.PieceIndexAt(s); i < map.Pieces.Count && map.Pieces[i].StartS < horizon; i++)
        {
            RoadPiece piece = map.Pieces[i];
            double curvature = Math.Abs(piece.Curvature / piece.LengthScale(lateral));
            if (curvature > 0)
            {
                double curveSpeed = Math.Sqrt(_options.CurveAcceleration / curvature);
                double distance = Math.Max(0, piece.StartS - s);
                target = Math.Min(target, Math.Sqrt((curveSpeed * curveSpeed) + (2 * a * distance)));
            }
        }

        // Whatever blocks the lanes the ego is in or moving into.
        // Whatever blocks the ego's own path (the lateral extent of its body and of its front corners, which lead
        // where it is heading) or the lane it is moving to.
        double headingError = Angles.Wrap(ego.Heading - map.HeadingAt(s));
        double halfWidth = VehicleClass.EgoWidth / 2;
        double front = lateral - ((VehicleClass.EgoLength / 2) * Math.Sin(headingError));
        double across = halfWidth * Math.Cos(headingError);
        double from = Math.Min(lateral - halfWidth, front - across) - PathMargin;
        double to = Math.Max(lateral + halfWidth, front + across) + PathMargin;
        (double gap, double speed) = _scan.NearestIn(from, to);
        bool changing = Math.Abs(lateral - map.LaneCenter(_lane)) > 0.5;
        target = Math.Min(target, FollowSpeed(gap, speed, a, changing ? CreepGap : _options.StandstillGap));
        target = Math.Min(target, FollowSpeed(_scan.Gap[_lane], _scan.LeaderSpeed[_lane], a, _options.StandstillGap));

        // A stopped car cannot steer sideways: when the lane it is heading for is open, creep on while nothing is in the way.
        if (target < CreepSpeed && _scan.Gap[_lane] > _options.StandstillGap && IsFreeAhead(env, ego, CreepLookAhead))
        {
            target = CreepSpeed;
        }

        return target;
    }

    /// <summary>True when the ego's footprint moved <paramref name="distance"/> metres along its heading touches nothing.</summary>
    private static bool IsFreeAhead(DrivingEnv env, EgoState ego, double distance)
    {
        Vec2 step = Vec2.FromAngle(ego.Heading) * distance;
        OrientedBox moved = DrivingEnv.EgoBox(ego with { X = ego.X + step.X, Y = ego.Y + step.Y });
        foreach (ref readonly Body body in env.Bodies)
        {
            if (body.Overlaps(moved))
            {
                return false;
            }
        }

        return true;
    }

    private static double FollowSpeed(double gap, double leaderSpeed, double deceleration, double standstillGap)
    {
        double room = gap - standstillGap;
        return room <= 0 ? Math.Min(leaderSpeed, 0) : Math.Sqrt((leaderSpeed * leaderSpeed) + (2 * deceleration * room));
    }

    private double Steer(DrivingMap map, EgoState ego, double s, double lateral)
    {
        // Lateral tracking with curvature feed-forward: the leftward offset y from the target lane obeys
        // y'' = v²(κ − κ_lane), so κ = κ_lane − (ω²/v²)·y − (2ζω/v)·sin(ψ − ψ_lane) makes it a damped oscillator.
        // A stiff loop keeps the expert's steering noise from building up into lane departures.
        const double omega = 3.0;
        const double zeta = 0.9;
        RoadPiece piece = map.Pieces[map.PieceIndexAt(s)];
        double laneCurvature = piece.Curvature / piece.LengthScale(lateral);
        double headingError = Angles.Wrap(ego.Heading - map.HeadingAt(s));
        double offset = Math.Clamp(lateral - map.LaneCenter(_lane), -MaxTrackedOffset, MaxTrackedOffset);
        double v = Math.Max(ego.Speed, 2.0);
        double curvature = laneCurvature + (omega * omega / (v * v) * offset) - (2 * zeta * omega / v * Math.Sin(headingError));
        double angle = Math.Atan(curvature * BicycleModel.Wheelbase);
        return Math.Clamp(angle / BicycleModel.MaxSteerAngle, -1, 1);
    }

    private static double Throttle(double speed, double target)
    {
        if (target < 0.5)
        {
            return -1;
        }

        double error = target - speed;
        // A positive bias holds speed against the braking half of the throttle noise, which decelerates 8× harder.
        return Math.Clamp((0.5 * error) + 0.35, -1, 1);
    }
}
