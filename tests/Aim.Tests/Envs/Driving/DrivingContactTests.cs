using Aim.Core.Envs;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Map;
using Aim.Envs.Driving.Traffic;

namespace Aim.Tests.Envs.Driving;

/// <summary>Contact like MetaDrive's rigid bodies: vehicles are pushed, the ego slides along static objects.</summary>
public class DrivingContactTests
{
    private static readonly float[] s_coast = [0f, 0f];
    private static readonly float[] s_throttle = [0f, 1f];

    [Fact]
    public void HeadOnIntoABarrierStopsTheEgoAtItsSurfaceAndCostsOnePerStep()
    {
        (DrivingEnv env, StaticObstacle barrier) = WithHazard(ObstacleKind.Barrier, ContactModel.Physical);

        // 4 cm short of contact at 10 m/s: the next step would drive about 1 m into it.
        env.Place(barrier.S - barrier.HalfAlong - 2.3, barrier.Lateral, 10);
        StepResult<float[]> step = env.Step(s_coast);
        Assert.True(env.LastEvents.CrashObject);
        Assert.False(env.LastEvents.CrashVehicle);
        Assert.Equal(1.0, step.Info.Cost);
        Assert.Equal(-5.0, step.Reward);
        Assert.False(step.Terminated);
        Assert.Equal(0.0, env.Ego.Speed, 6);
        Assert.False(Overlapping(env));
        Assert.Equal(barrier.Body.Center, env.Bodies[IndexOf(env, barrier)].Center);   // barriers do not move
    }

    [Fact]
    public void AGlancingContactSlidesAlongAStaticObjectKeepingMostOfTheSpeed()
    {
        foreach (ContactModel model in new[] { ContactModel.Physical, ContactModel.StopDead })
        {
            (DrivingEnv env, StaticObstacle barrier) = WithHazard(ObstacleKind.Barrier, model);

            // 4 cm behind the barrier, its right side 10 cm in line with the barrier's left end, driving along the road at
            // 10 m/s: the next step clips the barrier's end.
            double lateral = barrier.Lateral - barrier.HalfAcross - (VehicleClass.EgoWidth / 2) + 0.1;
            env.Place(barrier.S - barrier.HalfAlong - 2.3, lateral, 10);
            double s = env.EgoS;
            env.Step(s_coast);
            Assert.True(env.LastEvents.CrashObject);
            if (model == ContactModel.Physical)
            {
                Assert.True(env.Ego.Speed > 9.9, $"speed {env.Ego.Speed}");
                Assert.InRange(env.EgoS - s, 0.9, 1.1);
                Assert.False(Overlapping(env));
            }
            else
            {
                Assert.Equal(0.0, env.Ego.Speed);   // the earlier model: stopped dead by a 10 cm graze
            }
        }
    }

    [Fact]
    public void AnEgoThatHitAnObjectHeadOnCanSteerFreeUnlessContactPinsIt()
    {
        foreach (ContactModel model in new[] { ContactModel.Physical, ContactModel.StopDead })
        {
            (DrivingEnv env, StaticObstacle triangle) = WithHazard(ObstacleKind.WarningTriangle, model);
            env.Place(triangle.S - triangle.HalfAlong - 2.3, triangle.Lateral, 5);
            env.Step(s_coast);
            Assert.True(env.LastEvents.CrashObject);

            // Full lock and full throttle: pressing the front against the post turns the car until a corner slides past it
            // (Physical, slowly: the face normal stays head-on until then); the earlier model undoes every move.
            float[] escape = [triangle.Lateral > env.Map!.RoadWidth / 2 ? 1f : -1f, 1f];
            var start = new Vec2(env.Ego.X, env.Ego.Y);
            bool free = false;
            for (int i = 0; i < 400 && !free; i++)
            {
                env.Step(escape);
                free = !env.LastEvents.Crash && (new Vec2(env.Ego.X, env.Ego.Y) - start).Length > 2;
            }

            Assert.Equal(model == ContactModel.Physical, free);
            if (model == ContactModel.StopDead)
            {
                Assert.True((new Vec2(env.Ego.X, env.Ego.Y) - start).Length < 0.1);   // pinned where it first touched
            }
        }
    }

    [Fact]
    public void TheEgoPushesABrokenDownCarAndTheExpertSeesWhereItIsNow()
    {
        (DrivingEnv physical, StaticObstacle car) = WithHazard(ObstacleKind.BrokenDownVehicle, ContactModel.Physical);
        (DrivingEnv passThrough, _) = WithHazard(ObstacleKind.BrokenDownVehicle, ContactModel.PassThrough);
        foreach (DrivingEnv env in new[] { physical, passThrough })
        {
            env.Place(car.S - car.HalfAlong - 2.3, car.Lateral, 8);
            env.Step(s_throttle);
            Assert.True(env.LastEvents.CrashVehicle);
            Assert.False(env.LastEvents.CrashObject);
        }

        int index = IndexOf(physical, car);
        double pushed = physical.Obstacles[index].S - car.S;
        Assert.True(pushed > 0.2, $"pushed {pushed} m");                  // moved forward, along the road
        Assert.Equal(car.Lateral, physical.Obstacles[index].Lateral, 1);
        Assert.False(Overlapping(physical));
        Assert.InRange(physical.Ego.Speed, 1.0, 7.0);                        // shared momentum: slower, still moving
        Assert.Equal(car.S, passThrough.Obstacles[index].S);                // nothing moves when contact is off

        // Pushing on keeps both moving: the ego is never pinned behind a car.
        double s = physical.EgoS;
        for (int i = 0; i < 20; i++)
        {
            physical.Step(s_throttle);
        }

        Assert.True(physical.EgoS - s > 2, $"moved {physical.EgoS - s} m in 2 s of pushing");
        Assert.False(Overlapping(physical));
    }

    [Fact]
    public void TheEgoPushesATrafficVehicleAlongItsLane()
    {
        var options = new DrivingEnvOptions { AccidentProbability = 0, TrafficDensity = 0.2, Contact = ContactModel.Physical, Maps = DrivingMaps.Train };
        var env = new DrivingEnv(options);
        var reference = new DrivingEnv(options with { Contact = ContactModel.PassThrough });
        env.ResetToMap(DrivingMaps.Train.StartSeed);
        reference.ResetToMap(DrivingMaps.Train.StartSeed);
        DrivingMap map = env.Map!;

        // A vehicle on a straight, so that 2.3 m behind its centre in road coordinates is 2.3 m behind it in its lane.
        int index = 0;
        while (Math.Abs(map.HeadingAt(env.Traffic.Vehicles[index].S) - map.HeadingAt(env.Traffic.Vehicles[index].S - 10)) > 1e-9)
        {
            index++;
        }

        TrafficVehicle target = env.Traffic.Vehicles[index];
        foreach (DrivingEnv e in new[] { env, reference })
        {
            e.Place(target.S - target.HalfLength - 2.3, map.LaneCenter(target.Lane), 8);
            e.Step(s_throttle);
            Assert.True(e.LastEvents.CrashVehicle);
        }

        Assert.True(env.Traffic.Vehicles[index].S - reference.Traffic.Vehicles[index].S > 0.2);
        Assert.Equal(0, env.Traffic.Vehicles[index].Offset, 6);         // pushed straight along its lane
        Assert.False(Overlapping(env));
    }

    [Fact]
    public void StandingStillTruncatesTheEpisodeAfterTheStuckLimit()
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy with { StuckStepLimit = 5 });
        env.Reset(0);
        for (int i = 1; i < 5; i++)
        {
            StepResult<float[]> step = env.Step(s_coast);
            Assert.False(step.Done);
            Assert.Equal(i, env.StuckSteps);
        }

        StepResult<float[]> last = env.Step(s_coast);
        Assert.True(last.Truncated);
        Assert.False(last.Terminated);

        // Moving resets the count; without a limit standing still never ends the episode early.
        env.Reset(0);
        for (int i = 0; i < 30; i++)
        {
            Assert.False(env.Step(s_throttle).Done);
        }

        Assert.Equal(0, env.StuckSteps);
        var unlimited = new DrivingEnv(DrivingEnvOptions.Toy);
        unlimited.Reset(0);
        for (int i = 0; i < 50; i++)
        {
            Assert.False(unlimited.Step(s_coast).Done);
        }
    }

    [Fact]
    public void BadContactOptionsAreRefusedByName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DrivingEnv(new DrivingEnvOptions { StuckStepLimit = -1 }));
        Assert.Contains("StuckStepLimit", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new DrivingEnv(new DrivingEnvOptions { Contact = (ContactModel)7 }));
        Assert.Contains("Contact", e.Message);
    }

    [Fact]
    public void PenetrationGivesTheShortestWayOut()
    {
        var box = new OrientedBox(new Vec2(0, 0), 0, 2, 1);

        // A box overlapping 0.3 m from the right (+x): leave towards −x by 0.3 m.
        Assert.True(Penetration.Of(box, Body.Rectangle(ObstacleKind.Barrier, new Vec2(2.7, 0), 0, 2, 4), out Vec2 n, out double depth));
        Assert.Equal(-1, n.X, 9);
        Assert.Equal(0.3, depth, 9);

        // A disc touching the top face 0.1 m deep: leave downwards.
        Assert.True(Penetration.Of(box, Body.Disc(ObstacleKind.Cone, new Vec2(0.5, 1.4), 0.5), out n, out depth));
        Assert.Equal(-1, n.Y, 9);
        Assert.Equal(0.1, depth, 9);

        // A disc whose centre is inside, near the left end: leave to +x through the nearest face.
        Assert.True(Penetration.Of(box, Body.Disc(ObstacleKind.Cone, new Vec2(-1.8, 0), 0.2), out n, out depth));
        Assert.Equal(1, n.X, 9);
        Assert.Equal(0.4, depth, 9);

        Assert.False(Penetration.Of(box, Body.Disc(ObstacleKind.Cone, new Vec2(0, 1.6), 0.5), out _, out _));
        Assert.False(Penetration.Of(box, Body.Rectangle(ObstacleKind.Barrier, new Vec2(0, 3), 0.3, 2, 2), out _, out _));
    }

    private static (DrivingEnv Env, StaticObstacle Hazard) WithHazard(ObstacleKind kind, ContactModel model)
    {
        var env = new DrivingEnv(new DrivingEnvOptions { AccidentProbability = 1, TrafficDensity = 0, Contact = model, Maps = DrivingMaps.Train });
        foreach (int seed in DrivingMaps.Train.Seeds)
        {
            env.ResetToMap(seed);
            foreach (StaticObstacle o in env.Map!.Obstacles)
            {
                // Away from the road's ends and its edges, so only the contact decides what happens.
                if (o.Body.Kind == kind && o.S > 30 && o.Lateral > 2 && o.Lateral < env.Map.RoadWidth - 2)
                {
                    return (env, o);
                }
            }
        }

        throw new InvalidOperationException($"No training map has a {kind} in a middle position.");
    }

    private static int IndexOf(DrivingEnv env, StaticObstacle hazard)
    {
        for (int i = 0; i < env.Map!.Obstacles.Length; i++)
        {
            if (env.Map.Obstacles[i] == hazard)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Overlapping(DrivingEnv env)
    {
        OrientedBox ego = DrivingEnv.EgoBox(env.Ego);
        foreach (Body body in env.Bodies)
        {
            if (body.Overlaps(ego))
            {
                return true;
            }
        }

        return false;
    }
}
