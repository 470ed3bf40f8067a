using Aim.Envs.Driving.Geometry;

namespace Aim.Envs.Driving.Map;

/// <summary>A hazard placed on the road (cone, triangle, barrier, broken-down vehicle) with its road coordinates.</summary>
/// <param name="Body">The footprint.</param>
/// <param name="S">Arc length of its centre along the reference line.</param>
/// <param name="Lateral">Lateral offset of its centre (right positive).</param>
/// <param name="HalfAlong">Half its extent along the road.</param>
/// <param name="HalfAcross">Half its extent across the road.</param>
internal readonly record struct StaticObstacle(Body Body, double S, double Lateral, double HalfAlong, double HalfAcross)
{
    /// <summary>True when the obstacle's lateral extent reaches into [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool Covers(double from, double to) => Lateral + HalfAcross > from && Lateral - HalfAcross < to;
}
