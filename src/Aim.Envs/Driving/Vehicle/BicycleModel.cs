using Aim.Envs.Driving.Geometry;

namespace Aim.Envs.Driving.Vehicle;

/// <summary>
/// The ego's dynamics: a kinematic bicycle referenced at the body centre, integrated in 5 substeps of 0.02 s per
/// 0.1 s step like MetaDrive's physics, with accelerations calibrated to MetaDrive's DefaultVehicle under Bullet.
/// </summary>
internal static class BicycleModel
{
    /// <summary>Seconds per environment step (MetaDrive: 0.02 s physics step × decision repeat 5).</summary>
    public const double StepSeconds = 0.1;

    /// <summary>Physics substeps per environment step.</summary>
    public const int Substeps = 5;

    /// <summary>Axle distance of MetaDrive's DefaultVehicle (m).</summary>
    public const double Wheelbase = 2.469;

    /// <summary>Distance from the body centre back to the rear axle (m).</summary>
    public const double CenterToRearAxle = 1.417;

    /// <summary>Front-wheel angle at steering ±1 (DefaultVehicle <c>max_steering</c> 40°).</summary>
    public static readonly double MaxSteerAngle = Angles.Radians(40);

    /// <summary>Acceleration at full throttle: 4 wheels × 800 N (mean of U[750, 850]) / 1100 kg.</summary>
    public const double EngineAcceleration = 4 * 800.0 / 1100.0;

    /// <summary>Deceleration with zero throttle (Bullet's rolling friction with brake value 2).</summary>
    public const double CoastDeceleration = 0.36;

    /// <summary>Deceleration per unit of brake command (0.18 × B_max, B_max = 130, the mean of U[80, 180]).</summary>
    public const double BrakeDecelerationPerUnit = 0.18 * 130;

    /// <summary>The tyres' grip limit on braking (m/s²).</summary>
    public const double MaxBrakeDeceleration = 17.5;

    /// <summary>Lateral acceleration the tyres can hold (0.9 g); sharper turns are limited to it.</summary>
    public const double LateralGrip = 0.9 * 9.81;

    /// <summary>Above this speed the engine gives no force (80 km/h).</summary>
    public const double MaxSpeed = 80 / 3.6;

    /// <summary>Advances <paramref name="state"/> by one environment step under a clipped action.</summary>
    /// <param name="state">The ego state, updated in place.</param>
    /// <param name="steer">Steering in [−1, 1]; +1 is full left.</param>
    /// <param name="throttleBrake">Throttle (positive) or brake (negative) in [−1, 1].</param>
    public static void Step(ref EgoState state, double steer, double throttleBrake)
    {
        // MetaDrive checks the speed limit once per step, before the substeps.
        double acceleration = Acceleration(throttleBrake, state.Speed);
        double steerAngle = steer * MaxSteerAngle;
        double h = StepSeconds / Substeps;
        for (int k = 0; k < Substeps; k++)
        {
            double speed = Math.Max(0, state.Speed + (acceleration * h));
            state = state with { Speed = speed };
            state = Integrate(state, steerAngle, h);
        }
    }

    /// <summary>The longitudinal acceleration a throttle/brake command produces at <paramref name="speed"/>.</summary>
    public static double Acceleration(double throttleBrake, double speed)
    {
        if (throttleBrake > 0 && speed < MaxSpeed)
        {
            return throttleBrake * EngineAcceleration;
        }

        if (throttleBrake < 0)
        {
            return -Math.Min(-throttleBrake * BrakeDecelerationPerUnit, MaxBrakeDeceleration);
        }

        return -CoastDeceleration;
    }

    /// <summary>Moves the body at constant speed for <paramref name="dt"/> seconds with front-wheel angle <paramref name="steerAngle"/>.</summary>
    public static EgoState Integrate(EgoState state, double steerAngle, double dt)
    {
        double v = state.Speed;
        if (v > 0)
        {
            // Limit the front-wheel angle so that v²·κ stays within the tyres' lateral grip.
            double maxTan = LateralGrip * Wheelbase / (v * v);
            double tan = Math.Clamp(Math.Tan(steerAngle), -maxTan, maxTan);
            double slip = Math.Atan(CenterToRearAxle / Wheelbase * tan);
            double yawRate = v * Math.Cos(slip) * tan / Wheelbase;
            double course = state.Heading + slip;
            return new EgoState(
                state.X + (v * Math.Cos(course) * dt),
                state.Y + (v * Math.Sin(course) * dt),
                state.Heading + (yawRate * dt),
                v);
        }

        return state;
    }
}
