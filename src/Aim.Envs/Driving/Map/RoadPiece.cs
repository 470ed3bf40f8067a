using Aim.Envs.Driving.Geometry;

namespace Aim.Envs.Driving.Map;

/// <summary>
/// One road of the route (MetaDrive's "road": a straight or an arc carrying all lanes), parameterised by its
/// reference line, the left edge of the carriageway (the yellow centre line). Road coordinates are (s, lateral):
/// s along the reference line, lateral positive to the right, so lane i spans [i·w, (i+1)·w].
/// </summary>
internal abstract class RoadPiece
{
    protected RoadPiece(double startS, double length, int blockIndex)
    {
        StartS = startS;
        Length = length;
        BlockIndex = blockIndex;
    }

    /// <summary>Reference-line arc length from the start of the map to the start of this piece.</summary>
    public double StartS { get; }

    /// <summary>Length of the reference line of this piece.</summary>
    public double Length { get; }

    public double EndS => StartS + Length;

    /// <summary>Index of the block the piece belongs to.</summary>
    public int BlockIndex { get; }

    /// <summary>Signed curvature of the reference line: 1/R for a left (counter-clockwise) turn, −1/R right, 0 straight.</summary>
    public abstract double Curvature { get; }

    /// <summary>Sweep of an arc in radians (0 for straights).</summary>
    public abstract double Sweep { get; }

    /// <summary>The world point at local arc length <paramref name="sLocal"/> and lateral offset <paramref name="lateral"/>.</summary>
    public abstract Vec2 PointAt(double sLocal, double lateral);

    /// <summary>The direction of travel at local arc length <paramref name="sLocal"/>.</summary>
    public abstract double HeadingAt(double sLocal);

    /// <summary>Road coordinates of <paramref name="p"/> relative to this piece (s may fall outside [0, Length]).</summary>
    public abstract void Project(Vec2 p, out double sLocal, out double lateral);

    /// <summary>Lane length per metre of reference line at <paramref name="lateral"/> (curves make outer lanes longer).</summary>
    public double LengthScale(double lateral) => 1.0 + (Curvature * lateral);
}
