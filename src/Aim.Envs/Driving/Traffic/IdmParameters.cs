namespace Aim.Envs.Driving.Traffic;

/// <summary>
/// Parameters of the intelligent driver model (Treiber et al. 2000) driving the traffic. MetaDrive's IDM policy uses
/// the same structure with its own unit quirks; these are standard IDM values with MetaDrive's 30 km/h cruise speed.
/// </summary>
internal static class IdmParameters
{
    /// <summary>Maximum acceleration (m/s²).</summary>
    public const double MaxAcceleration = 2.0;

    /// <summary>Comfortable deceleration (m/s²).</summary>
    public const double ComfortableDeceleration = 3.0;

    /// <summary>Strongest deceleration the model may command (m/s²).</summary>
    public const double MaxDeceleration = 9.0;

    /// <summary>Acceleration exponent δ.</summary>
    public const double Exponent = 4.0;

    /// <summary>Bumper-to-bumper distance kept when standing (m).</summary>
    public const double MinimumGap = 4.0;

    /// <summary>Desired time headway (s).</summary>
    public const double TimeHeadway = 1.5;

    /// <summary>How far ahead a vehicle looks for a leader (m), as in MetaDrive's 30 m plus margin for higher speeds.</summary>
    public const double LookAhead = 50.0;
}
