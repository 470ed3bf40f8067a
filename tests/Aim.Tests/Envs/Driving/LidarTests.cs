using Aim.Envs.Driving;
using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Sensors;

namespace Aim.Tests.Envs.Driving;

public class LidarTests
{
    private readonly Lidar _lidar = new(240, 50);
    private readonly float[] _readings = new float[240];

    [Fact]
    public void EmptySceneReadsOneEverywhere()
    {
        _lidar.Scan(new Vec2(3, 4), 0.7, [], _readings);
        Assert.All(_readings, r => Assert.Equal(1f, r));
    }

    [Fact]
    public void RaysStartAheadAndTurnCounterClockwise()
    {
        Body[] bodies =
        [
            Body.Disc(ObstacleKind.Cone, new Vec2(10, 0), 1),                                  // ahead: ray 0 at 9 m
            Body.Disc(ObstacleKind.WarningTriangle, new Vec2(0, 20), 2),                       // left: ray 60 at 18 m
            Body.Rectangle(ObstacleKind.BrokenDownVehicle, new Vec2(-15, 0), 0, 4, 2),         // behind: ray 120 at 13 m
            Body.Rectangle(ObstacleKind.TrafficVehicle, new Vec2(0, -30), Math.PI / 2, 4, 2),  // right: ray 180 at 28 m
        ];
        _lidar.Scan(new Vec2(0, 0), 0, bodies, _readings);
        Assert.Equal(9f / 50, _readings[0], 5);
        Assert.Equal(18f / 50, _readings[60], 5);
        Assert.Equal(13f / 50, _readings[120], 5);
        Assert.Equal(28f / 50, _readings[180], 5);

        // Ray 2 (3°) meets the cone off-centre.
        double offset = 10 * Math.Sin(3 * Math.PI / 180);
        double expected = (10 * Math.Cos(3 * Math.PI / 180)) - Math.Sqrt(1 - (offset * offset));
        Assert.Equal((float)(expected / 50), _readings[2], 5);

        // Ray 122 (183°) meets the rear box's face x = −13 at 13 / cos 3°.
        Assert.Equal((float)(13 / Math.Cos(3 * Math.PI / 180) / 50), _readings[122], 5);
        Assert.Equal(1f, _readings[30]);
        Assert.Equal(1f, _readings[90]);
    }

    [Fact]
    public void RaysFollowTheHeading()
    {
        // Heading north: an object to the north is straight ahead (ray 0), one to the east is on the right (ray 180).
        Body[] bodies = [Body.Disc(ObstacleKind.Cone, new Vec2(5, 15), 1), Body.Disc(ObstacleKind.Cone, new Vec2(25, 5), 1)];
        _lidar.Scan(new Vec2(5, 5), Math.PI / 2, bodies, _readings);
        Assert.Equal(9f / 50, _readings[0], 5);
        Assert.Equal(19f / 50, _readings[180], 5);
    }

    [Fact]
    public void NearerObjectsOccludeFartherOnesAndRangeIsFifty()
    {
        Body[] bodies =
        [
            Body.Disc(ObstacleKind.Cone, new Vec2(30, 0), 1),
            Body.Disc(ObstacleKind.Cone, new Vec2(10, 0), 1),
            Body.Disc(ObstacleKind.Cone, new Vec2(0, 51.5), 1),
        ];
        _lidar.Scan(new Vec2(0, 0), 0, bodies, _readings);
        Assert.Equal(9f / 50, _readings[0], 5);
        Assert.Equal(1f, _readings[60]);
    }

    [Fact]
    public void OriginInsideAnObjectReadsZeroOnEveryRay()
    {
        _lidar.Scan(new Vec2(0, 0), 0, [Body.Rectangle(ObstacleKind.Barrier, new Vec2(0.2, 0), 0, 3, 3)], _readings);
        Assert.All(_readings, r => Assert.Equal(0f, r));
    }

    [Fact]
    public void EnvLidarSeesHazardsButNotRoadEdges()
    {
        var env = new DrivingEnv(new DrivingEnvOptions { AccidentProbability = 0, TrafficDensity = 0, Maps = DrivingMaps.Single(5) });
        float[] obs = env.Reset(0).Observation;
        Assert.All(obs.AsSpan(19).ToArray(), r => Assert.Equal(1f, r));

        // A hazard on a straight with nothing else in the 20 m before it on its line: ray 0 reads its near edge.
        var hazards = new DrivingEnv(new DrivingEnvOptions { AccidentProbability = 1, TrafficDensity = 0, Maps = DrivingMaps.Train });
        for (int seed = 100; seed < 150; seed++)
        {
            hazards.ResetToMap(seed);
            var map = hazards.Map!;
            foreach (var o in map.Obstacles)
            {
                int piece = map.PieceIndexAt(o.S);
                bool straight = map.Pieces[piece].Curvature == 0 && map.PieceIndexAt(o.S - 20) == piece;
                bool clear = !map.Obstacles.Any(q => q.S < o.S && q.S > o.S - 21 && q.Covers(o.Lateral - 1, o.Lateral + 1));
                if (straight && clear)
                {
                    hazards.Place(o.S - 20, o.Lateral, 0);
                    Assert.Equal(20 - o.HalfAlong, hazards.LidarReadings[0] * 50, 3);
                    return;
                }
            }
        }

        Assert.Fail("No training map has a hazard on a straight.");
    }
}
