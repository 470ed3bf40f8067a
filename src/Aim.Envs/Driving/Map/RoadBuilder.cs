using Aim.Envs.Driving.Geometry;

namespace Aim.Envs.Driving.Map;

/// <summary>Appends tangent-continuous pieces to a road under construction.</summary>
internal sealed class RoadBuilder
{
    private readonly List<RoadPiece> _pieces = [];

    public RoadBuilder(int laneCount, double laneWidth)
    {
        LaneCount = laneCount;
        LaneWidth = laneWidth;
    }

    public int LaneCount { get; }

    public double LaneWidth { get; }

    public IReadOnlyList<RoadPiece> Pieces => _pieces;

    /// <summary>Where the next piece starts (reference line).</summary>
    public Vec2 End { get; private set; }

    public double EndHeading { get; private set; }

    public double EndS { get; private set; }

    public int Count => _pieces.Count;

    public void AddStraight(double length, int block) =>
        Add(new StraightPiece(End, EndHeading, EndS, length, block));

    /// <summary>
    /// Adds an arc whose right-most lane centre has radius <paramref name="laneRadius"/> (MetaDrive's convention), so the
    /// reference line (the left edge) lies inside it on left turns and outside it on right turns.
    /// </summary>
    public void AddArc(double laneRadius, double sweep, bool turnsLeft, int block)
    {
        double offset = (LaneCount - 0.5) * LaneWidth;
        double radius = turnsLeft ? laneRadius - offset : laneRadius + offset;
        Add(new ArcPiece(End, EndHeading, radius, sweep, turnsLeft, EndS, block));
    }

    /// <summary>Removes pieces from index <paramref name="count"/> on (undoing a rejected block).</summary>
    public void Truncate(int count)
    {
        _pieces.RemoveRange(count, _pieces.Count - count);
        if (count == 0)
        {
            End = default;
            EndHeading = 0;
            EndS = 0;
            return;
        }

        RoadPiece last = _pieces[^1];
        End = last.PointAt(last.Length, 0);
        EndHeading = last.HeadingAt(last.Length);
        EndS = last.EndS;
    }

    private void Add(RoadPiece piece)
    {
        _pieces.Add(piece);
        End = piece.PointAt(piece.Length, 0);
        EndHeading = piece.HeadingAt(piece.Length);
        EndS = piece.EndS;
    }
}
