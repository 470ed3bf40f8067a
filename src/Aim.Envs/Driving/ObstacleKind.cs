namespace Aim.Envs.Driving;

/// <summary>What an object on the road is; decides its footprint and whether hitting it is a vehicle or an object crash.</summary>
public enum ObstacleKind
{
    /// <summary>A traffic cone: a disc of radius 0.2 m (MetaDrive's cone scene places 12 of them in a taper).</summary>
    Cone,

    /// <summary>A warning triangle: a disc of radius 0.5 m placed 10 m behind a broken-down vehicle.</summary>
    WarningTriangle,

    /// <summary>A barrier: 2.0 m across the lane by 0.3 m along it.</summary>
    Barrier,

    /// <summary>A parked, broken-down vehicle (hitting it is a vehicle crash).</summary>
    BrokenDownVehicle,

    /// <summary>A moving traffic vehicle (hitting it is a vehicle crash).</summary>
    TrafficVehicle,
}
