using Aim.Envs.Driving;
using Aim.Envs.Driving.Vehicle;

namespace Aim.Tests.Envs.Driving;

public class BicycleModelTests
{
    [Fact]
    public void StraightDrivingCoversSpeedTimesDt()
    {
        var state = new EgoState(1, 2, Math.PI / 6, 10);
        EgoState next = BicycleModel.Integrate(state, 0, 0.1);
        Assert.Equal(1 + (Math.Cos(Math.PI / 6) * 1.0), next.X, 12);
        Assert.Equal(2 + (Math.Sin(Math.PI / 6) * 1.0), next.Y, 12);
        Assert.Equal(state.Heading, next.Heading, 12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.3)]
    public void PositiveSteeringTurnsLeft(double steer)
    {
        var state = new EgoState(0, 0, 0, 5);
        for (int i = 0; i < 10; i++)
        {
            BicycleModel.Step(ref state, steer, 0.2);
        }

        Assert.Equal(Math.Sign(steer), Math.Sign(state.Heading));
        Assert.Equal(Math.Sign(steer), Math.Sign(state.Y));
        Assert.True(state.X > 0);
    }

    [Fact]
    public void LowSpeedTurnFollowsTheKinematicRadius()
    {
        // At walking pace the grip limit is inactive: the rear axle runs on a circle of radius L / tan δ.
        double delta = 0.5 * BicycleModel.MaxSteerAngle;
        double rearRadius = BicycleModel.Wheelbase / Math.Tan(delta);
        double centreRadius = Math.Sqrt((rearRadius * rearRadius) + (BicycleModel.CenterToRearAxle * BicycleModel.CenterToRearAxle));
        var state = new EgoState(0, 0, 0, 1);
        double yawRate = 0;
        for (int i = 0; i < 20; i++)
        {
            double before = state.Heading;
            state = BicycleModel.Integrate(state, delta, 0.01);
            yawRate = (state.Heading - before) / 0.01;
        }

        // The body centre, 1.417 m ahead of the rear axle, circles at radius √(R² + l_r²): yaw rate = v / that radius.
        Assert.Equal(1 / centreRadius, yawRate, 9);
    }

    [Fact]
    public void ThrottleAcceleratesBrakeStopsAndThereIsNoReverse()
    {
        var state = new EgoState(0, 0, 0, 0);
        BicycleModel.Step(ref state, 0, 1);
        Assert.Equal(BicycleModel.EngineAcceleration * 0.1, state.Speed, 9);

        state = state with { Speed = 10 };
        BicycleModel.Step(ref state, 0, -1);
        Assert.Equal(10 - (BicycleModel.MaxBrakeDeceleration * 0.1), state.Speed, 9);

        for (int i = 0; i < 20; i++)
        {
            BicycleModel.Step(ref state, 0, -1);
        }

        Assert.Equal(0, state.Speed);
        double x = state.X;
        BicycleModel.Step(ref state, 0, -1);
        Assert.Equal(x, state.X);
    }

    [Fact]
    public void EngineCutsOutAtEightyKilometresPerHour()
    {
        var state = new EgoState(0, 0, 0, BicycleModel.MaxSpeed + 0.01);
        BicycleModel.Step(ref state, 0, 1);
        Assert.True(state.Speed < BicycleModel.MaxSpeed + 0.01);
    }
}
