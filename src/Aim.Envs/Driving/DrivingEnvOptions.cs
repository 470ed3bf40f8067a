using Aim.Envs.Driving.Map;

namespace Aim.Envs.Driving;

/// <summary>
/// Options of <see cref="DrivingEnv"/>. Defaults reproduce the AIM/PVP MetaDrive training configuration
/// (<c>SafeMetaDriveEnv</c> with AIM's human-in-the-loop overrides) as far as a 2-D twin can; each property names its source.
/// </summary>
public sealed record DrivingEnvOptions
{
    /// <summary>The maps a reset draws from. Default <see cref="DrivingMaps.Train"/> (seeds 100–149, AIM's training set).</summary>
    public DrivingMapSet Maps { get; init; } = DrivingMaps.Train;

    /// <summary>Random blocks after the first one. Default 3 (MetaDrive <c>map=3</c>, AIM and PVP).</summary>
    public int BlockCount { get; init; } = 3;

    /// <summary>
    /// A fixed block sequence after the first block, replacing the random choice (like MetaDrive's map strings such as
    /// "COT"); block parameters are still drawn from the map seed. Default null (random blocks).
    /// </summary>
    public IReadOnlyList<RoadBlockKind>? BlockSequence { get; init; }

    /// <summary>Fewest lanes a map may have. Default 3 (MetaDrive <c>lane_num</c> 3); set 2 for maps of 2–3 lanes.</summary>
    public int MinLaneCount { get; init; } = 3;

    /// <summary>Most lanes a map may have (the count is drawn per map). Default 3 (MetaDrive <c>lane_num</c>).</summary>
    public int MaxLaneCount { get; init; } = 3;

    /// <summary>Lane width in metres. Default 3.5 (MetaDrive <c>lane_width</c>).</summary>
    public double LaneWidth { get; init; } = 3.5;

    /// <summary>Fraction of 10-m lane slots holding a traffic vehicle. Default 0.06 (AIM and PVP <c>traffic_density</c>).</summary>
    public double TrafficDensity { get; init; } = 0.06;

    /// <summary>Probability that a block gets an accident scene (cones, or a broken-down car or barrier). Default 0.8 (SafeMetaDrive).</summary>
    public double AccidentProbability { get; init; } = 0.8;

    /// <summary>Traffic cruise speed in km/h. Default 30 (MetaDrive IDM <c>NORMAL_SPEED</c>).</summary>
    public double TrafficSpeedKmh { get; init; } = 30;

    /// <summary>Steps before the episode is truncated. Default 1500 (AIM <c>horizon</c>).</summary>
    public int Horizon { get; init; } = 1500;

    /// <summary>Lidar rays, evenly spread over 360° starting straight ahead, counter-clockwise. Default 240 (MetaDrive).</summary>
    public int LidarRays { get; init; } = 240;

    /// <summary>Lidar range in metres. Default 50 (MetaDrive).</summary>
    public double LidarRange { get; init; } = 50;

    /// <summary>Reward per metre of lane progress. Default 1.0 (MetaDrive <c>driving_reward</c>).</summary>
    public double DrivingReward { get; init; } = 1.0;

    /// <summary>Reward per step at full speed (scaled by speed / max speed). Default 0.1 (MetaDrive <c>speed_reward</c>).</summary>
    public double SpeedReward { get; init; } = 0.1;

    /// <summary>Reward on arrival, replacing the step's dense reward. Default 10 (MetaDrive <c>success_reward</c>).</summary>
    public double SuccessReward { get; init; } = 10;

    /// <summary>Penalty for leaving the road, replacing the dense reward. Default 5 (MetaDrive <c>out_of_road_penalty</c>).</summary>
    public double OutOfRoadPenalty { get; init; } = 5;

    /// <summary>Penalty per step of contact with a vehicle. Default 5 (MetaDrive <c>crash_vehicle_penalty</c>).</summary>
    public double CrashVehiclePenalty { get; init; } = 5;

    /// <summary>Penalty per step of contact with an object. Default 5 (MetaDrive <c>crash_object_penalty</c>).</summary>
    public double CrashObjectPenalty { get; init; } = 5;

    /// <summary>
    /// How contact with vehicles and objects is resolved. Default <see cref="ContactModel.Physical"/>: vehicles are
    /// pushed and the ego slides along static objects, as MetaDrive's Bullet bodies behave (cones, triangles and
    /// barriers are static there, vehicles dynamic). Cost and penalty are paid per step of contact whatever the model.
    /// </summary>
    public ContactModel Contact { get; init; } = ContactModel.Physical;

    /// <summary>
    /// Truncate the episode after this many consecutive steps in which the ego's centre moved less than
    /// <see cref="StuckDistance"/>. Default 0: never (MetaDrive has no such rule and ends only at the horizon). The
    /// training environments of the driving tasks set it (<c>TaskCatalog</c>), so a stuck learner does not spend a
    /// training budget standing still; evaluation keeps MetaDrive's horizon.
    /// </summary>
    public int StuckStepLimit { get; init; }

    /// <summary>Distance in metres below which a step counts as not moving for <see cref="StuckStepLimit"/>. Default 0.05 (0.5 m/s).</summary>
    public double StuckDistance { get; init; } = 0.05;

    /// <summary>
    /// The toy map of the case-study figures (our counterpart of AIM's "COT" toy run): one map (seed 100) of a curve,
    /// an S-bend and a curve, accidents as usual, no traffic.
    /// </summary>
    public static DrivingEnvOptions Toy { get; } = new()
    {
        Maps = DrivingMaps.Single(100),
        BlockSequence = [RoadBlockKind.Curve, RoadBlockKind.SBend, RoadBlockKind.Curve],
        TrafficDensity = 0,
    };

    /// <summary>The observation length: 9 ego entries, 10 navigation entries and one per lidar ray (259 by default).</summary>
    public int ObservationSize => 19 + LidarRays;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Maps, nameof(Maps));
        Require(BlockCount >= 0, nameof(BlockCount), BlockCount, "must be non-negative");
        Require(MinLaneCount >= 1 && MinLaneCount <= MaxLaneCount, nameof(MinLaneCount), MinLaneCount, $"must lie in [1, {nameof(MaxLaneCount)} = {MaxLaneCount}]");
        Require(MaxLaneCount <= 4, nameof(MaxLaneCount), MaxLaneCount, "must be at most 4 (the observation normalises by MetaDrive's 3 lanes + 1)");
        Require(LaneWidth >= 2.5 && LaneWidth <= 4.5, nameof(LaneWidth), LaneWidth, "must lie in [2.5, 4.5] m (4.5 = MetaDrive's MAX_LANE_WIDTH)");
        Require(TrafficDensity >= 0 && TrafficDensity <= 1, nameof(TrafficDensity), TrafficDensity, "must lie in [0, 1]");
        Require(AccidentProbability >= 0 && AccidentProbability <= 1, nameof(AccidentProbability), AccidentProbability, "must lie in [0, 1]");
        Require(TrafficSpeedKmh > 0 && TrafficSpeedKmh <= 80, nameof(TrafficSpeedKmh), TrafficSpeedKmh, "must lie in (0, 80]");
        Require(Horizon > 0, nameof(Horizon), Horizon, "must be positive");
        Require(LidarRays > 0, nameof(LidarRays), LidarRays, "must be positive");
        Require(LidarRange > 0, nameof(LidarRange), LidarRange, "must be positive");
        Require(StuckStepLimit >= 0, nameof(StuckStepLimit), StuckStepLimit, "must be non-negative (0 turns the rule off)");
        Require(StuckDistance >= 0 && double.IsFinite(StuckDistance), nameof(StuckDistance), StuckDistance, "must be a non-negative number of metres");
        Require(Enum.IsDefined(Contact), nameof(Contact), Contact, "is not a contact model");
        foreach (double value in new[] { DrivingReward, SpeedReward, SuccessReward, OutOfRoadPenalty, CrashVehiclePenalty, CrashObjectPenalty })
        {
            Require(double.IsFinite(value), "reward", value, "rewards and penalties must be finite");
        }

        if (BlockSequence is { } sequence && sequence.Contains(RoadBlockKind.First))
        {
            throw new ArgumentOutOfRangeException(nameof(BlockSequence), "The first block is implicit; the sequence may only hold Straight, Curve and SBend.");
        }
    }

    private static void Require(bool condition, string name, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} {rule}.");
        }
    }
}
