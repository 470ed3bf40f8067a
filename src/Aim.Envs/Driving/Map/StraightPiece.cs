using Aim.Envs.Driving.Geometry;

namespace Aim.Envs.Driving.Map;

/// <summary>A straight road.</summary>
internal sealed class StraightPiece : RoadPiece
{
    private readonly Vec2 _start;
    private readonly Vec2 _direction;
    private readonly double _heading;

    public StraightPiece(Vec2 start, double heading, double startS, double length, int blockIndex)
        : base(startS, length, blockIndex)
    {
        _start = start;
        _heading = heading;
        _direction = Vec2.FromAngle(heading);
    }

    public override double Curvature => 0.0;

    public override double Sweep => 0.0;

    public override Vec2 PointAt(double sLocal, double lateral) => _start + (_direction * sLocal) + (_direction.RightNormal * lateral);

    public override double HeadingAt(double sLocal) => _heading;

    public override void Project(Vec2 p, out double sLocal, out double lateral)
    {
        Vec2 d = p - _start;
        sLocal = d.Dot(_direction);
        lateral = d.Dot(_direction.RightNormal);
    }
}
