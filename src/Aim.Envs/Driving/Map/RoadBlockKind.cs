namespace Aim.Envs.Driving.Map;

/// <summary>The kinds of road block a map is built from (MetaDrive's PG blocks, restricted to those without junctions).</summary>
public enum RoadBlockKind
{
    /// <summary>The first block (MetaDrive's "I"): straight roads of 10 m and 40 m where the ego spawns.</summary>
    First,

    /// <summary>A straight (MetaDrive's "S") of 40–80 m.</summary>
    Straight,

    /// <summary>A curve (MetaDrive's "C"): an arc of radius 25–60 m and 45–135°, left or right, then a 40–80 m straight.</summary>
    Curve,

    /// <summary>An S-bend (our addition): two opposite arcs of radius 40–70 m and 20–40° each, then a 30–50 m straight.</summary>
    SBend,
}
