namespace Aim.Envs.Driving.Geometry;

/// <summary>The footprint of an object that the lidar sees and the ego can hit: a disc or an oriented box.</summary>
internal readonly struct Body
{
    private Body(ObstacleKind kind, OrientedBox box, double discRadius, bool isDisc)
    {
        Kind = kind;
        Box = box;
        DiscRadius = discRadius;
        IsDisc = isDisc;
        BoundingRadius = isDisc ? discRadius : box.BoundingRadius;
    }

    public ObstacleKind Kind { get; }

    /// <summary>The box footprint (for discs: a degenerate box holding only the centre).</summary>
    public OrientedBox Box { get; }

    public double DiscRadius { get; }

    public bool IsDisc { get; }

    public Vec2 Center => Box.Center;

    /// <summary>Radius of a circle around <see cref="Center"/> containing the footprint (broad phase).</summary>
    public double BoundingRadius { get; }

    /// <summary>True when hitting this body is a vehicle crash rather than an object crash.</summary>
    public bool IsVehicle => Kind is ObstacleKind.BrokenDownVehicle or ObstacleKind.TrafficVehicle;

    public static Body Disc(ObstacleKind kind, Vec2 center, double radius) => new(kind, new OrientedBox(center, 0, 0, 0), radius, isDisc: true);

    public static Body Rectangle(ObstacleKind kind, Vec2 center, double heading, double length, double width) =>
        new(kind, new OrientedBox(center, heading, length / 2, width / 2), 0, isDisc: false);

    /// <summary>The same footprint moved by <paramref name="shift"/> (a vehicle pushed by the ego).</summary>
    public Body Translated(Vec2 shift) => new(Kind, new OrientedBox(Box.Center + shift, Box.Heading, Box.HalfLength, Box.HalfWidth), DiscRadius, IsDisc);

    /// <summary>Distance along a unit ray to the footprint (0 inside, +∞ on a miss).</summary>
    public double RayDistance(Vec2 origin, Vec2 direction) =>
        IsDisc ? Geometry.Disc.RayDistance(Box.Center, DiscRadius, origin, direction) : Box.RayDistance(origin, direction);

    /// <summary>True when the footprint touches <paramref name="box"/>.</summary>
    public bool Overlaps(in OrientedBox box) => IsDisc ? box.Overlaps(Box.Center, DiscRadius) : box.Overlaps(Box);
}
