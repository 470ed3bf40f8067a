using Aim.Core.Envs;
using Aim.Core.Random;
using Aim.Core.Spaces;
using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Map;
using Aim.Envs.Driving.Rendering;
using Aim.Envs.Driving.Sensors;
using Aim.Envs.Driving.Traffic;
using Aim.Envs.Driving.Vehicle;

namespace Aim.Envs.Driving;

/// <summary>
/// A top-down 2-D twin of MetaDrive's <c>SafeMetaDriveEnv</c> as configured by AIM and PVP: drive a kinematic bicycle
/// along a procedural road of straights, curves and S-bends past accident scenes and IDM traffic to the end of the route.
/// </summary>
/// <remarks>
/// <para>Observation: 259 floats in [0, 1] in MetaDrive's layout (9 ego state, 10 navigation, 240 lidar). Action:
/// [steer, throttle/brake] in [−1, 1]²; +steer turns left, negative throttle brakes.</para>
/// <para>Arrival (+10) and leaving the road (−5) terminate; touching a vehicle or object costs 1 and −5 reward per step
/// of contact without terminating (vehicles are pushed, the ego slides along objects: <see cref="ContactModel"/>); the
/// horizon (1500) truncates, and so does standing still for <see cref="DrivingEnvOptions.StuckStepLimit"/> steps when set. The observation array is owned by the environment and
/// overwritten by the next <see cref="Reset"/> or <see cref="Step"/>.</para>
/// </remarks>
public sealed partial class DrivingEnv : IEnv<float[], float[]>, IPositioned
{
    // MetaDrive's AIM/PVP arrival window: within 5 m of the route end.
    private const double ArrivalWindow = 5;

    // The sidewalk starts 0.2 m beyond the right edge; touching it is out of road.
    private const double SidewalkGap = 0.2;

    // The ego spawns 5 m from the start of the first road, on its lane centre, at rest.
    private const double SpawnS = 5;

    private readonly DrivingEnvOptions _options;
    private readonly Dictionary<int, DrivingMap> _maps = [];
    private readonly float[] _observation;
    private readonly Box<float> _actionSpace = new(-1f, 1f, 2);
    private readonly Lidar _lidar;
    private readonly TrafficModel _traffic;
    private Body[] _bodies = [];
    private int[] _owners = [];
    private StaticObstacle[] _obstacles = [];
    private Vec2[] _obstacleVelocity = [];
    private int _staticBodies;
    private int _bodyCount;
    private Rng _rng = new(0);
    private DrivingMap? _map;
    private EgoState _ego;
    private RoadPose _pose;
    private int _navigationPiece;
    private double _steer;
    private double _throttle;
    private double _headingChange;
    private int _stuckSteps;

    /// <summary>Creates the environment; call <see cref="Reset"/> before stepping.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid.</exception>
    public DrivingEnv(DrivingEnvOptions? options = null)
    {
        _options = options ?? new DrivingEnvOptions();
        _options.Validate();
        _observation = new float[_options.ObservationSize];
        ObservationSpace = new Box<float>(0f, 1f, _options.ObservationSize);
        _lidar = new Lidar(_options.LidarRays, _options.LidarRange);
        _traffic = new TrafficModel(_options.TrafficSpeedKmh / 3.6);
    }

    /// <summary>The options the environment was built with.</summary>
    public DrivingEnvOptions Options => _options;

    /// <inheritdoc />
    public ISpace<float[]> ObservationSpace { get; }

    /// <inheritdoc />
    public ISpace<float[]> ActionSpace => _actionSpace;

    /// <summary>The current map (null before the first reset).</summary>
    public DrivingMap? Map => _map;

    /// <summary>The ego's current state.</summary>
    public EgoState Ego => _ego;

    /// <inheritdoc />
    double IPositioned.PositionX => _ego.X;

    /// <inheritdoc />
    double IPositioned.PositionY => _ego.Y;

    /// <inheritdoc />
    double IPositioned.Heading => _ego.Heading;

    /// <summary>The ego's arc length along the route (m).</summary>
    public double EgoS => _pose.S;

    /// <summary>The ego's lateral offset from the carriageway's left edge (m, right positive).</summary>
    public double EgoLateral => _pose.Lateral;

    /// <summary>Steps taken in the current episode.</summary>
    public int ElapsedSteps { get; private set; }

    /// <summary>What happened on the last step.</summary>
    public DrivingEvents LastEvents { get; private set; }

    /// <summary>Fraction of the route travelled, clamped to [0, 1] (MetaDrive's <c>route_completion</c>).</summary>
    public double RouteCompletion => _map is null ? double.NaN : Math.Clamp(_pose.S / _map.Length, 0, 1);

    /// <summary>Counts episodes started; with <see cref="ElapsedSteps"/> it identifies a state (experts cache on it).</summary>
    public long EpisodeCount { get; private set; }

    internal RoadPose Pose => _pose;

    internal TrafficModel Traffic => _traffic;

    internal ReadOnlySpan<Body> Bodies => _bodies.AsSpan(0, _bodyCount);

    /// <summary>The map's hazards where they are now (a broken-down car the ego pushed has moved).</summary>
    internal ReadOnlySpan<StaticObstacle> Obstacles => _obstacles.AsSpan(0, _staticBodies);

    /// <summary>Consecutive steps so far in which the ego moved less than <see cref="DrivingEnvOptions.StuckDistance"/>.</summary>
    public int StuckSteps => _stuckSteps;

    internal Lidar Lidar => _lidar;

    internal ReadOnlySpan<float> LidarReadings => _observation.AsSpan(StateObservation.Size);

    /// <summary>The map of <paramref name="seed"/> under these options (generated once and cached).</summary>
    public DrivingMap GetMap(int seed)
    {
        if (!_maps.TryGetValue(seed, out DrivingMap? map))
        {
            map = MapGenerator.Generate(seed, _options);
            _maps[seed] = map;
        }

        return map;
    }

    /// <inheritdoc />
    /// <remarks>The map is drawn uniformly from <see cref="DrivingEnvOptions.Maps"/> with the environment's stream.</remarks>
    public ResetResult<float[]> Reset(int? seed = null)
    {
        if (seed is int s)
        {
            _rng = new Rng(s);
        }

        DrivingMapSet maps = _options.Maps;
        return ResetToMap(maps.StartSeed + _rng.NextInt(maps.Count));
    }

    /// <summary>Starts an episode on the map of <paramref name="mapSeed"/> (for evaluating every map of a set in turn).</summary>
    public ResetResult<float[]> ResetToMap(int mapSeed)
    {
        DrivingMap map = GetMap(mapSeed);
        _map = map;
        _traffic.Reset(map);
        int capacity = map.Obstacles.Length + map.Traffic.Length;
        if (_bodies.Length < capacity)
        {
            _bodies = new Body[capacity];
            _owners = new int[capacity];
            _obstacles = new StaticObstacle[capacity];
            _obstacleVelocity = new Vec2[capacity];
        }

        for (int i = 0; i < map.Obstacles.Length; i++)
        {
            _obstacles[i] = map.Obstacles[i];
            _obstacleVelocity[i] = default;
            _bodies[i] = map.Obstacles[i].Body;
        }

        _staticBodies = map.Obstacles.Length;
        WriteTrafficBodies();

        Vec2 start = map.PointAt(SpawnS, map.LaneCenter(map.SpawnLane));
        _ego = new EgoState(start.X, start.Y, map.HeadingAt(SpawnS), 0);
        _pose = map.Locate(start, 0, out _);
        _navigationPiece = _pose.Piece;
        _steer = 0;
        _throttle = 0;
        _headingChange = 0;
        _stuckSteps = 0;
        ElapsedSteps = 0;
        LastEvents = default;
        EpisodeCount++;
        Observe();
        return new ResetResult<float[]>(_observation, new StepInfo(RouteCompletion: RouteCompletion));
    }

    /// <inheritdoc />
    public StepResult<float[]> Step(float[] action)
    {
        DrivingMap map = _map ?? throw new InvalidOperationException("Call Reset before Step.");
        _actionSpace.EnsureContains(action, nameof(action));
        _steer = action[0];
        _throttle = action[1];

        // MetaDrive's order: traffic acts on the ego's last position, then physics moves everyone.
        _traffic.Step(BicycleModel.StepSeconds, _pose.S, _pose.Lateral);
        WriteTrafficBodies();
        RollPushedObstacles();

        EgoState before = _ego;
        RoadPose poseBefore = _pose;
        BicycleModel.Step(ref _ego, _steer, _throttle);
        (bool crashVehicle, bool crashObject) = ResolveContacts();
        _pose = map.Locate(new Vec2(_ego.X, _ego.Y), _pose.Piece, out bool alongside);
        if (_options.Contact == ContactModel.StopDead && (crashVehicle || crashObject) && !Touches(EgoBox(before)))
        {
            // The earlier rigid contact: the ego stays where it was and loses its speed.
            _ego = before with { Speed = 0 };
            _pose = poseBefore;
            alongside = true;
        }

        double moved = new Vec2(_ego.X - before.X, _ego.Y - before.Y).Length;
        _stuckSteps = moved < _options.StuckDistance ? _stuckSteps + 1 : 0;
        _headingChange = _ego.Heading - before.Heading;
        _navigationPiece = Math.Max(_navigationPiece, _pose.Piece);
        bool arrived = _pose.S > map.Length - ArrivalWindow && _pose.Lateral >= 0 && _pose.Lateral <= map.RoadWidth;
        bool outOfRoad = !arrived && (!alongside || IsOffRoad(map));
        ElapsedSteps++;
        var events = new DrivingEvents(arrived, outOfRoad, crashVehicle, crashObject);
        LastEvents = events;

        double reward = Reward(map, events, poseBefore);
        bool terminated = arrived || outOfRoad;
        bool stuck = _options.StuckStepLimit > 0 && _stuckSteps >= _options.StuckStepLimit;
        bool truncated = !terminated && (ElapsedSteps >= _options.Horizon || stuck);
        Observe();
        return new StepResult<float[]>(_observation, reward, terminated, truncated, new StepInfo(arrived, events.Cost, RouteCompletion));
    }

    /// <summary>Draws a 400 × 400 top-down view centred on the ego (about 80 m across), with the lidar rays.</summary>
    public RgbFrame Render() => Render(400, 5, drawLidar: true);

    /// <summary>Draws a top-down view centred on the ego.</summary>
    /// <param name="size">Width and height in pixels.</param>
    /// <param name="pixelsPerMetre">Scale.</param>
    /// <param name="drawLidar">Draw the lidar rays that hit something.</param>
    public RgbFrame Render(int size, double pixelsPerMetre, bool drawLidar)
    {
        DrivingMap map = _map ?? throw new InvalidOperationException("Call Reset before Render.");
        var view = new WorldView(size, size, new Vec2(_ego.X, _ego.Y), pixelsPerMetre);
        return TopDownRenderer.Draw(view, map, Bodies, EgoBox(_ego), drawLidar ? this : null);
    }

    /// <summary>Draws the whole map (road, hazards, current traffic and ego) fitted into a square of <paramref name="size"/> pixels.</summary>
    public RgbFrame RenderMap(int size = 800)
    {
        DrivingMap map = _map ?? throw new InvalidOperationException("Call Reset before RenderMap.");
        return TopDownRenderer.Draw(WorldView.Fit(map, size), map, Bodies, EgoBox(_ego), lidarOf: null);
    }

    /// <summary>Outlines of the current scene for vector charts (road edges, lane lines, hazards, traffic, ego).</summary>
    public DrivingSketch Sketch()
    {
        DrivingMap map = _map ?? throw new InvalidOperationException("Call Reset before Sketch.");
        return DrivingSketch.Of(map, Bodies, EgoBox(_ego));
    }

    /// <summary>Puts the ego at road coordinates (tests place it next to hazards and road edges).</summary>
    internal void Place(double s, double lateral, double speed, double headingOffset = 0)
    {
        DrivingMap map = _map ?? throw new InvalidOperationException("Call Reset before Place.");
        Vec2 p = map.PointAt(s, lateral);
        _ego = new EgoState(p.X, p.Y, map.HeadingAt(s) + headingOffset, speed);
        _pose = map.Locate(p, map.PieceIndexAt(s), out _);
        _navigationPiece = _pose.Piece;
        _stuckSteps = 0;
        Observe();
    }

    internal static OrientedBox EgoBox(in EgoState ego) =>
        new(new Vec2(ego.X, ego.Y), ego.Heading, VehicleClass.EgoLength / 2, VehicleClass.EgoWidth / 2);

    private void WriteTrafficBodies() =>
        _bodyCount = _staticBodies + _traffic.WriteBodies(_bodies.AsSpan(_staticBodies), _owners.AsSpan(_staticBodies));

    private (bool Vehicle, bool Object) Collide(in OrientedBox ego)
    {
        bool vehicle = false;
        bool obj = false;
        double reach = ego.BoundingRadius;
        foreach (ref readonly Body body in Bodies)
        {
            double r = reach + body.BoundingRadius;
            if ((body.Center - ego.Center).LengthSquared <= r * r && body.Overlaps(ego))
            {
                vehicle |= body.IsVehicle;
                obj |= !body.IsVehicle;
            }
        }

        return (vehicle, obj);
    }

    private bool Touches(in OrientedBox ego)
    {
        (bool vehicle, bool obj) = Collide(ego);
        return vehicle || obj;
    }

    /// <summary>
    /// AIM/PVP's out-of-road rule: the centre leaves the route carriageway (out of route) or the footprint touches the
    /// sidewalk beyond the right edge.
    /// </summary>
    private bool IsOffRoad(DrivingMap map)
    {
        if (_pose.Lateral < 0 || _pose.Lateral > map.RoadWidth || _pose.S < 0)
        {
            return true;
        }

        OrientedBox box = EgoBox(_ego);
        for (int i = 0; i < 4; i++)
        {
            RoadPose corner = map.Locate(box.Corner(i), _pose.Piece, out _);
            if (corner.Lateral > map.RoadWidth + SidewalkGap)
            {
                return true;
            }
        }

        return false;
    }

    private double Reward(DrivingMap map, in DrivingEvents events, in RoadPose before)
    {
        if (events.Arrived)
        {
            return _options.SuccessReward;
        }

        if (events.OutOfRoad)
        {
            return -_options.OutOfRoadPenalty;
        }

        if (events.CrashVehicle)
        {
            return -_options.CrashVehiclePenalty;
        }

        if (events.CrashObject)
        {
            return -_options.CrashObjectPenalty;
        }

        // Progress is measured along the ego's lane, which is longer than the reference line on the outside of a curve.
        int lane = Math.Clamp((int)Math.Floor(_pose.Lateral / map.LaneWidth), 0, map.LaneCount - 1);
        double progress = (_pose.S - before.S) * map.Pieces[_pose.Piece].LengthScale(map.LaneCenter(lane));
        double speedKmh = _ego.Speed * 3.6;
        return (_options.DrivingReward * progress) + (_options.SpeedReward * speedKmh / (BicycleModel.MaxSpeed * 3.6));
    }

    private void Observe()
    {
        DrivingMap map = _map!;
        StateObservation.Write(_observation, map, _ego, _pose, _navigationPiece, _steer, _throttle, _headingChange);
        _lidar.Scan(new Vec2(_ego.X, _ego.Y), _ego.Heading, Bodies, _observation.AsSpan(StateObservation.Size));
    }
}
