namespace Aim.Envs.Driving.Traffic;

/// <summary>
/// The state of one traffic vehicle: it keeps its lane, so its arc length, speed and (after a push) its offset from
/// the lane centre are the whole state.
/// </summary>
internal struct TrafficVehicle
{
    public double S;
    public double Speed;
    public int Lane;

    /// <summary>Offset from the lane centre (m, right positive); only a push by the ego moves it off the centre.</summary>
    public double Offset;

    /// <summary>Mass in kg (its class's); decides how far the ego pushes it.</summary>
    public double Mass;
    public double HalfLength;
    public double Width;
    public double TriggerS;

    /// <summary>Driving (triggered by the ego) rather than parked.</summary>
    public bool Active;

    /// <summary>Left the route past its end; no longer simulated or seen.</summary>
    public bool Removed;
}
