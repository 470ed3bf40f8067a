using Aim.Envs.Grid;
using static Aim.Tests.Envs.Grid.GridLayouts;

namespace Aim.Tests.Envs.Grid;

public class GridObservationTests
{
    [Fact]
    public void ExampleA_Empty5x5ResetViewShowsPseudoWallsAndGoal()
    {
        GridEnv env = GridTasks.Create("empty-5x5", new GridEnvOptions { FrameStack = 1 });
        byte[] obs = env.Reset(0).Observation;
        Assert.Equal(Matrix(
            "2 2 2 2 2 2 2",
            "2 2 2 2 2 2 2",
            "2 2 2 2 2 2 2",
            "2 2 2 2 2 2 2",
            "2 2 2 1 1 8 2",
            "2 2 2 1 1 1 2",
            "2 2 2 1 1 1 2"), Channel(obs, 0));
    }

    [Fact]
    public void ExampleB_ClosedDoorHidesTheGoal()
    {
        GridEnv env = Create(DoorWorld, 3, 5, 3);
        Assert.Equal(Matrix(
            "0 0 0 0 0 0 0",
            "0 0 0 0 0 0 0",
            "0 0 0 0 0 0 0",
            "0 0 0 0 0 0 0",
            "2 2 2 4 2 2 2",
            "2 1 1 1 1 1 2",
            "2 1 1 1 1 1 2"), Channel(env.Observation, 0));
        Assert.Equal(1, env.Observation[(2 * 49) + (4 * 7) + 3]);
        Assert.Equal(4, env.Observation[49 + (4 * 7) + 3]);
    }

    [Fact]
    public void ExampleC_OpenDoorShowsTheGoalAndTheCarriedKey()
    {
        // The same state as the example: a yellow key picked up on the way, agent at (3, 4) facing north, door toggled open.
        string[] rows = (string[])DoorWorld.Clone();
        rows[4] = "#..K..#";
        GridEnv env = Create(rows, 3, 5, 3);
        env.Step((int)GridAction.Pickup);
        env.Step((int)GridAction.Forward);
        byte[] obs = env.Step((int)GridAction.Toggle).Observation;
        Assert.Equal((3, 4), (env.AgentX, env.AgentY));
        Assert.Equal(Matrix(
            "0 0 0 0 0 0 0",
            "0 0 0 0 0 0 0",
            "2 2 2 2 2 2 2",
            "2 1 1 8 1 1 2",
            "2 1 1 1 1 1 2",
            "2 2 2 4 2 2 2",
            "2 1 1 5 1 1 2"), Channel(obs, 0));
        Assert.Equal(1, obs[49 + (3 * 7) + 3]);
        Assert.Equal(4, obs[49 + (5 * 7) + 3]);
        Assert.Equal(0, obs[98 + (5 * 7) + 3]);
        Assert.Equal(4, obs[49 + (6 * 7) + 3]);
    }

    [Fact]
    public void ExampleD_RotatedViewFacingEast()
    {
        GridEnv env = Create(DoorWorld, 1, 5, 0);
        Assert.Equal(Matrix(
            "0 0 0 0 0 0 0",
            "0 2 2 2 2 0 0",
            "0 2 1 1 2 0 0",
            "0 2 1 1 2 0 0",
            "0 4 1 1 2 0 0",
            "0 2 1 1 2 0 0",
            "0 2 1 1 2 0 0"), Channel(env.Observation, 0));
    }

    [Fact]
    public void PartialWallDoesNotHideWhatLiesBehindIt()
    {
        string[] rows =
        [
            "#######",
            "#..G..#",
            "#.....#",
            "#.###.#",
            "#.....#",
            "#.....#",
            "#######",
        ];
        GridEnv env = Create(rows, 3, 5, 3);
        Assert.Equal(8, env.Observation[(2 * 7) + 3]);
    }

    [Fact]
    public void FrameStackHoldsCopiesAtResetAndShiftsOldestOut()
    {
        GridEnv env = GridTasks.Create("empty-5x5");
        byte[] obs = env.Reset(0).Observation;
        Assert.Equal(12 * 49, obs.Length);
        byte[] reset = obs[..GridEnv.FrameLength];
        for (int f = 1; f < 4; f++)
        {
            Assert.Equal(reset, obs[(f * GridEnv.FrameLength)..((f + 1) * GridEnv.FrameLength)]);
        }

        var frames = new List<byte[]> { reset };
        foreach (int a in new[] { 1, 2, 0 })
        {
            obs = env.Step(a).Observation;
            frames.Add(obs[^GridEnv.FrameLength..]);
        }

        // Index [(3f + c)·49 + vy·7 + vx]: frame 0 is the oldest still held (the reset frame), frame 3 the newest.
        Assert.Equal(frames[0], obs[..GridEnv.FrameLength]);
        Assert.Equal(frames[1], obs[GridEnv.FrameLength..(2 * GridEnv.FrameLength)]);
        Assert.Equal(frames[2], obs[(2 * GridEnv.FrameLength)..(3 * GridEnv.FrameLength)]);
        Assert.NotEqual(frames[2], frames[3]);
    }

    [Fact]
    public void GetImageIsMiniGridsXMajorLayout()
    {
        GridEnv env = GridTasks.Create("empty-5x5", new GridEnvOptions { FrameStack = 2 });
        env.Reset(0);
        byte[] image = env.GetImage();
        ReadOnlySpan<byte> obs = env.Observation;
        for (int vx = 0; vx < 7; vx++)
        {
            for (int vy = 0; vy < 7; vy++)
            {
                for (int c = 0; c < 3; c++)
                {
                    Assert.Equal(obs[GridEnv.FrameLength + (c * 49) + (vy * 7) + vx], image[(((vx * 7) + vy) * 3) + c]);
                }
            }
        }

        // The goal (3, 3) is two ahead and two to the right: image[5, 4] = goal.
        Assert.Equal(8, image[((5 * 7) + 4) * 3]);
    }

    [Fact]
    public void ObserveFromMatchesTheObservationAtThatPoseWithoutChangingTheEpisode()
    {
        GridEnv env = Create(DoorWorld, 3, 5, 3, frameStack: 3);
        var counterfactual = new byte[3 * GridEnv.FrameLength];
        env.ObserveFrom(1, 5, 0, counterfactual);
        Assert.Equal((3, 5, 3), (env.AgentX, env.AgentY, env.AgentDirection));

        GridEnv other = Create(DoorWorld, 1, 5, 0, frameStack: 3);
        Assert.Equal(other.Observation.ToArray(), counterfactual);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.ObserveFrom(7, 0, 0, counterfactual));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.ObserveFrom(1, 1, 4, counterfactual));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.ObserveFrom(1, 1, 0, new byte[10]));
    }

    [Fact]
    public void CaptureAndRestoreReturnToTheSameStateAndObservation()
    {
        GridEnv env = GridTasks.Create("doorkey-8x8");
        env.Reset(3);
        env.Step(2);
        GridSnapshot snapshot = env.CaptureState();
        byte[] before = env.Observation.ToArray();
        var rng = new Aim.Core.Random.Rng(1);
        for (int i = 0; i < 20; i++)
        {
            env.Step(rng.NextInt(7));
        }

        env.RestoreState(snapshot);
        Assert.Equal(before, env.Observation.ToArray());
        Assert.Equal((snapshot.AgentX, snapshot.AgentY, snapshot.AgentDirection, 1), (env.AgentX, env.AgentY, env.AgentDirection, env.StepCount));
        Assert.Same(snapshot, env.CaptureState(snapshot));
        Assert.Throws<ArgumentException>(() => GridTasks.Create("empty-5x5").RestoreState(snapshot));
    }
}
