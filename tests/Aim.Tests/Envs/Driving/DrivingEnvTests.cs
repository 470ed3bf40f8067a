using Aim.Core.Checking;
using Aim.Core.Envs;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Map;

namespace Aim.Tests.Envs.Driving;

public class DrivingEnvTests
{
    private static readonly float[] s_coast = [0f, 0f];

    [Fact]
    public void CheckerPasses()
    {
        EnvChecker.Check<float[], float[]>(() => new DrivingEnv(), seed: 3, steps: 300);
        EnvChecker.Check<float[], float[]>(() => new DrivingEnv(DrivingEnvOptions.Toy), seed: 4, steps: 100);
    }

    [Fact]
    public void ObservationHasMetaDrivesLayout()
    {
        var env = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Single(1000) });
        float[] obs = env.Reset(0).Observation;
        DrivingMap map = env.Map!;
        Assert.Equal(259, obs.Length);
        double lateral = map.LaneCenter(map.SpawnLane);
        Assert.Equal(lateral / 18, obs[0], 5);
        Assert.Equal((map.RoadWidth - lateral) / 18, obs[1], 5);
        Assert.Equal(0.5f, obs[2], 5);          // aligned with the lane
        Assert.Equal(1f / 81, obs[3], 6);       // at rest
        Assert.Equal(0.5f, obs[4]);
        Assert.Equal(0.5f, obs[5]);
        Assert.Equal(0.5f, obs[6]);
        Assert.Equal(0f, obs[7]);
        Assert.Equal(0.5f, obs[8], 5);          // on the lane centre

        // Checkpoint 1: the carriageway centre at the end of the 10 m first road, 5 m ahead of the spawn point.
        Assert.Equal(((5 / 50.0) + 1) / 2, obs[9], 5);
        Assert.Equal((((lateral - (map.RoadWidth / 2)) / 50) + 1) / 2, obs[10], 5);
        Assert.Equal(0f, obs[11]);
        Assert.Equal(0.5f, obs[12]);
        Assert.Equal(0.5f, obs[13]);
        Assert.Equal(((45 / 50.0) + 1) / 2, obs[14], 5);  // the 40 m road ends 45 m ahead
    }

    [Fact]
    public void ActionEntriesAreReported()
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy);
        env.Reset(0);
        float[] obs = env.Step([0.5f, -0.25f]).Observation;
        Assert.Equal(0.75f, obs[5], 6);
        Assert.Equal(0.375f, obs[6], 6);
        Assert.Equal((float)((0.5 / 60) + 1) / 2, obs[4], 6);
    }

    [Theory]
    [InlineData(float.NaN, 0f)]
    [InlineData(0f, 1.5f)]
    [InlineData(-1.01f, 0f)]
    public void InvalidActionsThrowNamingTheValue(float steer, float throttle)
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy);
        env.Reset(0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([steer, throttle]));
        Assert.Contains(float.IsNaN(steer) ? "NaN" : (steer != 0 ? steer : throttle).ToString(System.Globalization.CultureInfo.CurrentCulture), e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([0f, 0f, 0f]));
    }

    [Fact]
    public void StepBeforeResetThrows()
    {
        Assert.Throws<InvalidOperationException>(() => new DrivingEnv().Step(s_coast));
    }

    [Fact]
    public void InvalidOptionsAreNamed()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DrivingEnv(new DrivingEnvOptions { TrafficDensity = 1.5 }));
        Assert.Contains("TrafficDensity", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrivingMapSet(5, 0));
    }

    [Fact]
    public void HittingABrokenDownCarIsAVehicleCrash()
    {
        var env = new DrivingEnv(new DrivingEnvOptions { AccidentProbability = 1, TrafficDensity = 0, Maps = DrivingMaps.Train });
        foreach (int seed in DrivingMaps.Train.Seeds)
        {
            env.ResetToMap(seed);
            var car = env.Map!.Obstacles.FirstOrDefault(o => o.Body.Kind == ObstacleKind.BrokenDownVehicle);
            if (car.Body.Kind != ObstacleKind.BrokenDownVehicle)
            {
                continue;
            }

            // Alongside the car, half a lane over: the footprints overlap sideways.
            env.Place(car.S, car.Lateral + 1.2, 0);
            StepResult<float[]> step = env.Step(s_coast);
            Assert.True(env.LastEvents.CrashVehicle);
            Assert.Equal(1.0, step.Info.Cost);
            return;
        }

        Assert.Fail("No training map has a broken-down car.");
    }

    [Theory]
    [InlineData(-0.3, true)]     // centre over the yellow line
    [InlineData(0.95, false)]    // inside the left lane
    [InlineData(-0.5, true)]
    public void CrossingTheCentreLineIsOutOfRoad(double lateral, bool outOfRoad)
    {
        AssertOutOfRoad(lateral, outOfRoad);
    }

    [Theory]
    [InlineData(0.6, true)]      // corners 0.33 m onto the sidewalk strip (0.2 m beyond the edge)
    [InlineData(1.2, false)]     // corners 0.27 m inside the edge
    public void TouchingTheSidewalkIsOutOfRoad(double insideRightEdge, bool outOfRoad)
    {
        AssertOutOfRoad(3 * 3.5 - insideRightEdge, outOfRoad);
    }

    [Fact]
    public void ArrivalTerminatesWithSuccess()
    {
        var env = new DrivingEnv(new DrivingEnvOptions { TrafficDensity = 0, AccidentProbability = 0, Maps = DrivingMaps.Single(1002) });
        env.Reset(0);
        DrivingMap map = env.Map!;
        env.Place(map.Length - 5.5, map.LaneCenter(1), 10);
        StepResult<float[]> step = env.Step(s_coast);
        Assert.True(step.Terminated);
        Assert.True(step.Info.IsSuccess);
        Assert.Equal(10.0, step.Reward);
        Assert.Equal(0.0, step.Info.Cost);
        Assert.True(step.Info.RouteCompletion > 0.98);
    }

    [Fact]
    public void HorizonTruncates()
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy with { Horizon = 3 });
        env.Reset(0);
        Assert.False(env.Step(s_coast).Done);
        Assert.False(env.Step(s_coast).Done);
        StepResult<float[]> last = env.Step(s_coast);
        Assert.True(last.Truncated);
        Assert.False(last.Terminated);
    }

    [Fact]
    public void RouteCompletionGrowsAlongTheRoadAndRewardPaysProgress()
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy);
        env.Reset(0);
        DrivingMap map = env.Map!;
        double previous = -1;
        for (double s = 5; s < map.Length - 6; s += 7)
        {
            env.Place(s, map.LaneCenter(1), 0);
            Assert.Equal(s / map.Length, env.RouteCompletion, 6);
            Assert.True(env.RouteCompletion > previous);
            previous = env.RouteCompletion;
        }

        // Driving on a straight in the middle lane at 10 m/s with no throttle: progress ≈ 1 m per step plus the speed bonus.
        env.Place(20, map.LaneCenter(1), 10);
        StepResult<float[]> step = env.Step(s_coast);
        double expected = (10 - (0.36 * 0.1)) * 0.1;
        double bonus = 0.1 * (env.Ego.Speed * 3.6) / 80;
        Assert.Equal(expected + bonus, step.Reward, 2);
    }

    [Fact]
    public void RoadCoordinatesRoundTripOnEveryPiece()
    {
        var env = new DrivingEnv();
        foreach (int seed in new[] { 1000, 1001, 1002, 1003 })
        {
            DrivingMap map = env.GetMap(seed);
            for (double s = 0.5; s < map.Length; s += 3.1)
            {
                for (double lateral = 0.2; lateral < map.RoadWidth; lateral += 2.5)
                {
                    (double x, double y) = map.ToWorld(s, lateral);
                    Assert.True(map.TryLocate(x, y, out double s2, out double lateral2));
                    Assert.Equal(s, s2, 6);
                    Assert.Equal(lateral, lateral2, 6);
                }
            }
        }
    }

    [Fact]
    public void SameSeedGivesSameMapAndTrajectory()
    {
        var a = new DrivingEnv();
        var b = new DrivingEnv();
        Assert.Equal(a.GetMap(1007).Length, b.GetMap(1007).Length);
        Assert.Equal(a.GetMap(1007).Blocks, b.GetMap(1007).Blocks);
        Assert.NotEqual(a.GetMap(1007).Length, a.GetMap(1008).Length);

        float[] oa = (float[])a.Reset(11).Observation.Clone();
        float[] ob = (float[])b.Reset(11).Observation.Clone();
        Assert.Equal(oa, ob);
        Assert.Equal(a.Map!.Seed, b.Map!.Seed);
        var rng = new Aim.Core.Random.Rng(5);
        for (int t = 0; t < 200; t++)
        {
            float[] action = [(float)rng.NextDouble(-0.1, 0.1), (float)rng.NextDouble(0, 1)];
            StepResult<float[]> ra = a.Step(action);
            StepResult<float[]> rb = b.Step(action);
            Assert.Equal(ra.Observation, rb.Observation);
            Assert.Equal(ra.Reward, rb.Reward);
            if (ra.Done)
            {
                break;
            }
        }
    }

    [Fact]
    public void MapsKeepTheirRoadsApartAndHazardsOnTheRoad()
    {
        var env = new DrivingEnv();
        foreach (int seed in DrivingMaps.Train.Seeds.Concat(DrivingMaps.Test.Seeds))
        {
            DrivingMap map = env.GetMap(seed);
            Assert.Equal(4, map.Blocks.Count);
            Assert.InRange(map.Length, 150, 900);
            foreach (var o in map.Obstacles)
            {
                Assert.InRange(o.Lateral, 0, map.RoadWidth);
                Assert.True(map.TryLocate(o.Body.Center.X, o.Body.Center.Y, out double s, out double lateral));
                Assert.Equal(o.S, s, 6);
                Assert.Equal(o.Lateral, lateral, 6);
            }

            // Points of the carriageway centre more than 60 m apart along the route are never close in the plane.
            var samples = Enumerable.Range(0, (int)(map.Length / 4)).Select(i => (S: i * 4.0, P: map.ToWorld(i * 4.0, map.RoadWidth / 2))).ToArray();
            foreach (var p in samples)
            {
                foreach (var q in samples.Where(q => q.S > p.S + 60))
                {
                    double d = Math.Sqrt(Math.Pow(p.P.X - q.P.X, 2) + Math.Pow(p.P.Y - q.P.Y, 2));
                    Assert.True(d > map.RoadWidth + 2, $"Map {seed}: s = {p.S} and {q.S} are {d:F1} m apart.");
                }
            }
        }
    }

    [Fact]
    public void ToyMapHasItsFixedBlocksAndNoTraffic()
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy);
        env.Reset(0);
        Assert.Equal([RoadBlockKind.First, RoadBlockKind.Curve, RoadBlockKind.SBend, RoadBlockKind.Curve], env.Map!.Blocks);
        Assert.Equal(0, env.Map.TrafficCount);
        Assert.Equal(100, env.Map.Seed);
    }

    [Fact]
    public void ResetDrawsMapsFromTheSet()
    {
        var env = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Test });
        var seen = new HashSet<int>();
        env.Reset(1);
        for (int i = 0; i < 60; i++)
        {
            Assert.True(DrivingMaps.Test.Contains(env.Map!.Seed));
            seen.Add(env.Map.Seed);
            env.Reset();
        }

        Assert.True(seen.Count > 20);
    }

    private static void AssertOutOfRoad(double lateral, bool outOfRoad)
    {
        var env = new DrivingEnv(new DrivingEnvOptions { TrafficDensity = 0, AccidentProbability = 0, Maps = DrivingMaps.Single(1002) });
        env.Reset(0);
        env.Place(20, lateral, 1);
        StepResult<float[]> step = env.Step(s_coast);
        Assert.Equal(outOfRoad, env.LastEvents.OutOfRoad);
        Assert.Equal(outOfRoad, step.Terminated);
        Assert.Equal(outOfRoad ? 1.0 : 0.0, step.Info.Cost);
        Assert.Equal(outOfRoad ? -5.0 : step.Reward, step.Reward);
    }
}
