namespace Aim.Envs.Driving.Expert;

/// <summary>
/// Options of <see cref="DrivingExpert"/>: the planner's driving style and the Gaussian noise on its executed action.
/// Defaults are our decisions, tuned on the training maps; the noise matches AIM's PPO expert.
/// </summary>
public sealed record DrivingExpertOptions
{
    /// <summary>Standard deviation of the executed steering around the planner's mean. Default 0.136 (AIM expert: exp(−1.99)).</summary>
    public double SteerStd { get; init; } = 0.136;

    /// <summary>Standard deviation of the executed throttle/brake. Default 0.458 (AIM expert: exp(−0.78)).</summary>
    public double ThrottleStd { get; init; } = 0.458;

    /// <summary>Cruise speed in km/h. Default 45 (the AIM expert's median speed on MetaDrive is about 45 km/h).</summary>
    public double CruiseSpeedKmh { get; init; } = 45;

    /// <summary>Lateral acceleration the planner accepts in curves (m/s²); sets curve speeds. Default 2.5.</summary>
    public double CurveAcceleration { get; init; } = 2.5;

    /// <summary>Deceleration the planner plans with for curves and obstacles (m/s²). Default 3.5.</summary>
    public double PlanningDeceleration { get; init; } = 3.5;

    /// <summary>How far ahead lanes are scanned for hazards and slower traffic (m). Default 80.</summary>
    public double LookAhead { get; init; } = 80;

    /// <summary>Bumper distance kept to a standing obstacle (m). Default 6.</summary>
    public double StandstillGap { get; init; } = 6;

    /// <summary>A lane must offer this many metres more free road before the planner changes to it. Default 15.</summary>
    public double LaneChangeGain { get; init; } = 15;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        Check(SteerStd >= 0 && double.IsFinite(SteerStd), nameof(SteerStd), SteerStd);
        Check(ThrottleStd >= 0 && double.IsFinite(ThrottleStd), nameof(ThrottleStd), ThrottleStd);
        Check(CruiseSpeedKmh > 0 && CruiseSpeedKmh <= 80, nameof(CruiseSpeedKmh), CruiseSpeedKmh);
        Check(CurveAcceleration > 0, nameof(CurveAcceleration), CurveAcceleration);
        Check(PlanningDeceleration > 0, nameof(PlanningDeceleration), PlanningDeceleration);
        Check(LookAhead > 0, nameof(LookAhead), LookAhead);
        Check(StandstillGap >= 0, nameof(StandstillGap), StandstillGap);
        Check(LaneChangeGain >= 0, nameof(LaneChangeGain), LaneChangeGain);
    }

    private static void Check(bool ok, string name, double value)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range.");
        }
    }
}
