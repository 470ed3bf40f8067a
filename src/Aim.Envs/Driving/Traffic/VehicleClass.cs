namespace Aim.Envs.Driving.Traffic;

/// <summary>MetaDrive's traffic vehicle classes with their footprints and spawn probabilities.</summary>
internal static class VehicleClass
{
    // S, M, L, XL: length and width in metres and mass in kg (MetaDrive vehicle_type.py), drawn 0.2 / 0.3 / 0.3 / 0.2.
    private static readonly (double Length, double Width, double Mass, double Cumulative)[] s_classes =
    [
        (4.3, 1.7, 800, 0.2),
        (4.6, 1.85, 1200, 0.5),
        (4.87, 2.046, 1300, 0.8),
        (5.74, 2.3, 1600, 1.0),
    ];

    /// <summary>The ego's footprint (MetaDrive's DefaultVehicle).</summary>
    public const double EgoLength = 4.515;

    /// <inheritdoc cref="EgoLength"/>
    public const double EgoWidth = 1.852;

    /// <summary>The ego's mass in kg (MetaDrive's DefaultVehicle).</summary>
    public const double EgoMass = 1100;

    /// <summary>Draws a class with MetaDrive's mix and returns its footprint.</summary>
    public static (double Length, double Width) Sample(Aim.Core.Random.Rng rng)
    {
        double u = rng.NextDouble();
        foreach ((double length, double width, _, double cumulative) in s_classes)
        {
            if (u < cumulative)
            {
                return (length, width);
            }
        }

        return (s_classes[^1].Length, s_classes[^1].Width);
    }

    /// <summary>The mass of the class whose footprint is <paramref name="length"/> long (the nearest class).</summary>
    public static double MassOf(double length)
    {
        double best = double.PositiveInfinity;
        double mass = s_classes[0].Mass;
        foreach ((double l, _, double m, _) in s_classes)
        {
            if (Math.Abs(l - length) < best)
            {
                best = Math.Abs(l - length);
                mass = m;
            }
        }

        return mass;
    }
}
