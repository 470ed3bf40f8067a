using Aim.Envs.Driving.Geometry;

namespace Aim.Envs.Driving.Map;

/// <summary>A circular road; <see cref="Radius"/> is the radius of its reference line (the carriageway's left edge).</summary>
internal sealed class ArcPiece : RoadPiece
{
    private readonly Vec2 _center;
    private readonly double _startAngle;
    private readonly double _startHeading;

    // +1 for a left (counter-clockwise) turn, −1 for a right turn.
    private readonly double _turn;

    public ArcPiece(Vec2 start, double startHeading, double radius, double sweep, bool turnsLeft, double startS, int blockIndex)
        : base(startS, radius * sweep, blockIndex)
    {
        if (!(radius > 0) || !(sweep > 0) || sweep >= 2 * Math.PI)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), $"An arc needs a positive radius ({radius}) and a sweep in (0, 2π) ({sweep}).");
        }

        Radius = radius;
        Sweep = sweep;
        _turn = turnsLeft ? 1.0 : -1.0;
        _startHeading = startHeading;
        Vec2 heading = Vec2.FromAngle(startHeading);
        _center = start + ((turnsLeft ? heading.LeftNormal : heading.RightNormal) * radius);
        _startAngle = (start - _center).Angle;
    }

    public double Radius { get; }

    public bool TurnsLeft => _turn > 0;

    public override double Curvature => _turn / Radius;

    public override double Sweep { get; }

    public override Vec2 PointAt(double sLocal, double lateral)
    {
        double angle = _startAngle + (_turn * sLocal / Radius);
        double r = Radius + (_turn * lateral);
        return _center + (Vec2.FromAngle(angle) * r);
    }

    public override double HeadingAt(double sLocal) => _startHeading + (_turn * sLocal / Radius);

    public override void Project(Vec2 p, out double sLocal, out double lateral)
    {
        Vec2 d = p - _center;
        // Centre the wrap on the middle of the arc so that points beyond either end get small negative or overshooting s.
        double swept = Angles.Wrap((_turn * (d.Angle - _startAngle)) - (Sweep / 2)) + (Sweep / 2);
        sLocal = swept * Radius;
        lateral = _turn * (d.Length - Radius);
    }
}
