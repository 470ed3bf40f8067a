using Aim.Envs.Driving.Geometry;

namespace Aim.Envs.Driving.Sensors;

/// <summary>
/// MetaDrive's 2-D lidar: rays from the vehicle centre, ray i at heading + i·360°/n (counter-clockwise, ray 0 straight
/// ahead), reporting hit distance / range, 1 when nothing is hit. It sees vehicles and traffic objects, not road edges.
/// </summary>
/// <remarks>
/// Instead of casting every ray at every object, each object within range is cast only by the rays inside the angular
/// interval its bounding circle subtends, so a scan costs a few dozen ray tests and no allocations.
/// </remarks>
internal sealed class Lidar
{
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly double _spacing;

    public Lidar(int rays, double range)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(range);
        Rays = rays;
        Range = range;
        _spacing = 2 * Math.PI / rays;
        _cos = new double[rays];
        _sin = new double[rays];
        for (int i = 0; i < rays; i++)
        {
            _cos[i] = Math.Cos(i * _spacing);
            _sin[i] = Math.Sin(i * _spacing);
        }
    }

    public int Rays { get; }

    public double Range { get; }

    /// <summary>The angle of ray <paramref name="i"/> relative to the heading (radians).</summary>
    public double RayAngle(int i) => i * _spacing;

    /// <summary>Writes one normalised distance per ray into <paramref name="output"/>.</summary>
    public void Scan(Vec2 origin, double heading, ReadOnlySpan<Body> bodies, Span<float> output)
    {
        if (output.Length != Rays)
        {
            throw new ArgumentException($"The output holds {output.Length} values; the lidar has {Rays} rays.", nameof(output));
        }

        output.Fill(1f);
        double ch = Math.Cos(heading);
        double sh = Math.Sin(heading);
        for (int b = 0; b < bodies.Length; b++)
        {
            ref readonly Body body = ref bodies[b];
            Vec2 d = body.Center - origin;
            double r = body.BoundingRadius;
            double reach = Range + r;
            double dist2 = d.LengthSquared;
            if (dist2 >= reach * reach)
            {
                continue;
            }

            int first;
            int last;
            double dist = Math.Sqrt(dist2);
            if (dist <= r)
            {
                first = 0;
                last = Rays - 1;
            }
            else
            {
                double centre = Math.Atan2(d.Y, d.X) - heading;
                double half = Math.Asin(r / dist);
                first = (int)Math.Ceiling((centre - half) / _spacing);
                last = (int)Math.Floor((centre + half) / _spacing);
            }

            for (int k = first; k <= last; k++)
            {
                int i = k % Rays;
                if (i < 0)
                {
                    i += Rays;
                }

                var direction = new Vec2((_cos[i] * ch) - (_sin[i] * sh), (_sin[i] * ch) + (_cos[i] * sh));
                double t = body.RayDistance(origin, direction);
                if (t < Range)
                {
                    float value = (float)(t / Range);
                    if (value < output[i])
                    {
                        output[i] = value;
                    }
                }
            }
        }
    }
}
