using Aim.Core.Checking;
using Aim.Core.Envs;
using Aim.Envs.Grid;

namespace Aim.Tests.Envs.Grid;

public class GridTaskTests
{
    public static TheoryData<string> TaskNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in GridTasks.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void EnvCheckerPasses(string name) => EnvChecker.Check<byte[], int>(() => GridTasks.Create(name), seed: 7, steps: 300);

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void SameSeedGivesTheSameLayoutAndOtherSeedsVary(string name)
    {
        GridEnv a = GridTasks.Create(name);
        GridEnv b = GridTasks.Create(name);
        var layouts = new HashSet<string>();
        for (int seed = 0; seed < 20; seed++)
        {
            a.Reset(seed);
            b.Reset(seed);
            Assert.Equal(Fingerprint(a), Fingerprint(b));
            layouts.Add(Fingerprint(a));
        }

        bool fixedLayout = name.StartsWith("empty", StringComparison.Ordinal) || name == "lavagap-s5";
        Assert.True(fixedLayout ? layouts.Count <= 4 : layouts.Count > 1, $"{layouts.Count} distinct layouts");
    }

    [Fact]
    public void TaskParametersFollowMiniGrid()
    {
        (string Name, int Size, int MaxSteps, bool SeeThrough)[] expected =
        [
            ("empty-5x5", 5, 100, true), ("empty-6x6", 6, 144, true), ("empty-8x8", 8, 256, true), ("empty-16x16", 16, 1024, true),
            ("fourrooms", 19, 100, false), ("multiroom-n2-s4", 25, 40, false), ("multiroom-n4-s5", 25, 120, false),
            ("multiroom-6", 25, 120, false), ("doorkey-5x5", 5, 250, false), ("doorkey-8x8", 8, 640, false),
            ("lavagap-s5", 5, 100, false), ("lavagap-s7", 7, 196, false), ("lavacrossing-s9n1", 9, 324, false),
            ("lavacrossing-s9n2", 9, 324, false), ("lavacrossing-s9n3", 9, 324, false),
        ];
        Assert.Equal(expected.Select(e => e.Name), GridTasks.Names);
        foreach ((string name, int size, int maxSteps, bool seeThrough) in expected)
        {
            GridEnv env = GridTasks.Create(name);
            Assert.Equal((size, size, maxSteps, seeThrough), (env.Width, env.Height, env.MaxSteps, env.SeeThroughWalls));
        }

        Assert.Equal(50, GridTasks.Create("fourrooms", new GridEnvOptions { MaxSteps = 50 }).MaxSteps);
    }

    [Fact]
    public void UnknownTaskNameListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => GridTasks.Create("empty-7x7"));
        Assert.Contains("empty-7x7", e.Message);
        foreach (string name in GridTasks.Names)
        {
            Assert.Contains(name, e.Message);
        }
    }

    [Fact]
    public void BadOptionsAreRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GridTasks.Create("empty-5x5", new GridEnvOptions { FrameStack = 0 }));
        Assert.Contains("FrameStack", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GridTasks.Create("empty-5x5", new GridEnvOptions { MaxSteps = 0 }));
    }

    [Theory]
    [InlineData("multiroom-n2-s4", 2, 4)]
    [InlineData("multiroom-n4-s5", 6, 5)]
    [InlineData("multiroom-6", 6, 6)]
    public void MultiRoomHasNMinusOneClosedDoorsWithDistinctConsecutiveColours(string name, int rooms, int maxRoomSize)
    {
        GridEnv env = GridTasks.Create(name);
        for (int seed = 0; seed < 50; seed++)
        {
            env.Reset(seed);
            int doors = 0;
            int goals = 0;
            foreach (GridCell c in env.Cells)
            {
                doors += c.Type == GridObjectType.Door ? 1 : 0;
                goals += c.Type == GridObjectType.Goal ? 1 : 0;
                Assert.True(c.Type != GridObjectType.Door || c.State == (byte)DoorState.Closed);
            }

            Assert.Equal(rooms - 1, doors);
            Assert.Equal(1, goals);

            // No room reaches row 24 (MiniGrid's asymmetric bound).
            for (int x = 0; x < env.Width; x++)
            {
                Assert.True(env.CellAt(x, env.Height - 1).IsEmpty);
            }
        }

        Assert.InRange(maxRoomSize, 4, 6);
    }

    [Fact]
    public void DoorKeyPlacesALockedYellowDoorAboveTheLastRowAndTheKeyOnTheAgentsSide()
    {
        GridEnv env = GridTasks.Create("doorkey-8x8");
        for (int seed = 0; seed < 100; seed++)
        {
            env.Reset(seed);
            int doorX = -1;
            int keyX = -1;
            for (int y = 0; y < env.Height; y++)
            {
                for (int x = 0; x < env.Width; x++)
                {
                    GridCell c = env.CellAt(x, y);
                    if (c.Type == GridObjectType.Door)
                    {
                        Assert.Equal(GridCell.Door(GridColor.Yellow, DoorState.Locked), c);
                        Assert.InRange(y, 1, env.Height - 3);
                        doorX = x;
                    }
                    else if (c.Type == GridObjectType.Key)
                    {
                        keyX = x;
                    }
                }
            }

            Assert.InRange(doorX, 2, env.Width - 3);
            Assert.InRange(keyX, 1, doorX - 1);
            Assert.InRange(env.AgentX, 1, doorX - 1);
        }
    }

    [Theory]
    [InlineData("lavacrossing-s9n1", 1)]
    [InlineData("lavacrossing-s9n3", 3)]
    [InlineData("lavagap-s7", 1)]
    public void LavaTasksHaveOneOpeningPerRiver(string name, int rivers)
    {
        GridEnv env = GridTasks.Create(name);
        for (int seed = 0; seed < 50; seed++)
        {
            env.Reset(seed);
            int lava = env.Cells.ToArray().Count(c => c.Type == GridObjectType.Lava);
            int interior = env.Width - 2;

            // Each river covers the interior minus its opening; crossing rivers share one cell.
            Assert.InRange(lava, (rivers * (interior - 1)) - (rivers * rivers / 4), rivers * (interior - 1));
        }
    }

    [Fact]
    public void InteropRoundTripsTheEncodingAndRejectsBadCells()
    {
        GridEnv env = GridTasks.Create("multiroom-6");
        env.Reset(11);
        int[,,] encoding = MiniGridInterop.Encode(env);
        GridEnv replay = MiniGridInterop.CreateEnv(encoding, env.AgentX, env.AgentY, env.AgentDirection, env.MaxSteps);
        replay.Reset();
        Assert.Equal(env.Observation.ToArray(), replay.Observation.ToArray());
        Assert.Equal(encoding, MiniGridInterop.Encode(replay));

        var rng = new Aim.Core.Random.Rng(4);
        for (int i = 0; i < 200; i++)
        {
            int a = rng.NextInt(7);
            StepResult<byte[]> r1 = env.Step(a);
            StepResult<byte[]> r2 = replay.Step(a);
            Assert.Equal(r1.Observation, r2.Observation);
            Assert.Equal((r1.Reward, r1.Terminated, r1.Truncated), (r2.Reward, r2.Terminated, r2.Truncated));
        }

        int[,,] full = MiniGridInterop.EncodeFullyObservable(env);
        Assert.Equal(10, full[env.AgentX, env.AgentY, 0]);
        Assert.Equal(env.AgentDirection, full[env.AgentX, env.AgentY, 2]);
        GridEnv fromFull = MiniGridInterop.CreateEnv(full, env.AgentX, env.AgentY, env.AgentDirection, 10);
        fromFull.Reset();

        encoding[0, 0, 0] = 11;
        var e = Assert.Throws<ArgumentException>(() => MiniGridInterop.CreateEnv(encoding, env.AgentX, env.AgentY, 0, 10));
        Assert.Contains("(0, 0)", e.Message);
    }

    [Fact]
    public void RenderDrawsTilesAndTheAgent()
    {
        GridEnv env = GridTasks.Create("empty-5x5", new GridEnvOptions { TileSize = 32 });
        env.Reset(0);
        RgbFrame frame = env.Render();
        Assert.Equal((160, 160), (frame.Width, frame.Height));
        Assert.Equal((100, 100, 100), Pixel(frame, 16, 16));
        Assert.Equal((0, 255, 0), Pixel(frame, (3 * 32) + 16, (3 * 32) + 16));
        Assert.Equal((255, 0, 0), Pixel(frame, 32 + 16, 32 + 16));
    }

    private static (int, int, int) Pixel(RgbFrame f, int x, int y)
    {
        int i = ((y * f.Width) + x) * 3;
        return (f.Pixels[i], f.Pixels[i + 1], f.Pixels[i + 2]);
    }

    private static string Fingerprint(GridEnv env) =>
        $"{env.AgentX},{env.AgentY},{env.AgentDirection}:" + string.Concat(env.Cells.ToArray().Select(c => $"{(int)c.Type}{(int)c.Color}{c.State}"));
}
