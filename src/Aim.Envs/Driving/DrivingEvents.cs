namespace Aim.Envs.Driving;

/// <summary>What happened on the last step (MetaDrive's termination info keys).</summary>
/// <param name="Arrived">The ego reached the destination (<c>arrive_dest</c>); the episode terminates.</param>
/// <param name="OutOfRoad">The ego left the route carriageway or touched the sidewalk (<c>out_of_road</c>); the episode terminates.</param>
/// <param name="CrashVehicle">The ego touched a traffic or broken-down vehicle (<c>crash_vehicle</c>); costs 1, does not terminate.</param>
/// <param name="CrashObject">The ego touched a cone, triangle or barrier (<c>crash_object</c>); costs 1, does not terminate.</param>
public readonly record struct DrivingEvents(bool Arrived, bool OutOfRoad, bool CrashVehicle, bool CrashObject)
{
    /// <summary>Any crash (MetaDrive's <c>crash</c>).</summary>
    public bool Crash => CrashVehicle || CrashObject;

    /// <summary>The safety cost of the step: 1 when out of road or crashing, else 0 (SafeMetaDrive's cost function).</summary>
    public double Cost => OutOfRoad || CrashVehicle || CrashObject ? 1.0 : 0.0;
}
