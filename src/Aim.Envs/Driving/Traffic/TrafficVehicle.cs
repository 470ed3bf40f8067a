namespace Aim.Envs.Driving.Traffic;

/// <summary>The state of one traffic vehicle: it keeps its lane, so its arc length and speed are the whole state.</summary>
internal struct TrafficVehicle
{
    public double S;
    public double Speed;
    public int Lane;
    public double HalfLength;
    public double Width;
    public double TriggerS;

    /// <summary>Driving (triggered by the ego) rather than parked.</summary>
    public bool Active;

    /// <summary>Left the route past its end; no longer simulated or seen.</summary>
    public bool Removed;
}
