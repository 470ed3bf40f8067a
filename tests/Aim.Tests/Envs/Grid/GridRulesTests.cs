using Aim.Core.Envs;
using Aim.Envs.Grid;
using static Aim.Tests.Envs.Grid.GridLayouts;

namespace Aim.Tests.Envs.Grid;

public class GridRulesTests
{
    [Fact]
    public void Empty5x5TestVectorReachesTheGoalOnStep5()
    {
        GridEnv env = GridTasks.Create("empty-5x5");
        env.Reset(0);
        (int X, int Y, int Dir)[] expected = [(2, 1, 0), (3, 1, 0), (3, 1, 1), (3, 2, 1), (3, 3, 1)];
        int[] actions = [2, 2, 1, 2, 2];
        StepResult<byte[]> last = default;
        for (int i = 0; i < actions.Length; i++)
        {
            last = env.Step(actions[i]);
            Assert.Equal(expected[i], (env.AgentX, env.AgentY, env.AgentDirection));
            Assert.Equal(i == 4, last.Terminated);
        }

        Assert.Equal(1.0 - (0.9 * (5.0 / 100)), last.Reward);
        Assert.Equal(0.955, last.Reward, 12);
        Assert.True(last.Info.IsSuccess);
        Assert.False(last.Truncated);
        Assert.Equal(0.0, last.Info.Cost);
    }

    [Fact]
    public void GoalOnTheLastStepIsBothTerminatedAndTruncatedWithMiniGridsExactReward()
    {
        GridEnv env = GridTasks.Create("empty-5x5", new GridEnvOptions { MaxSteps = 5 });
        env.Reset(0);
        StepResult<byte[]> last = default;
        foreach (int a in new[] { 2, 2, 1, 2, 2 })
        {
            last = env.Step(a);
        }

        Assert.Equal(0.09999999999999998, last.Reward);
        Assert.True(last.Terminated);
        Assert.True(last.Truncated);
    }

    [Fact]
    public void RewardUsesMiniGridsOperationOrder()
    {
        for (int k = 1; k <= 120; k++)
        {
            GridEnv env = Create(["###", "#.#", "#G#", "###"], 1, 1, 1, maxSteps: 120);
            for (int i = 1; i < k; i++)
            {
                env.Step((int)GridAction.Done);
            }

            Assert.Equal(1.0 - (0.9 * ((double)k / 120)), env.Step((int)GridAction.Forward).Reward);
        }
    }

    [Fact]
    public void StepLimitTruncatesAtTheLimitAndAfter()
    {
        GridEnv env = GridTasks.Create("empty-5x5");
        env.Reset(0);
        for (int i = 1; i <= 101; i++)
        {
            StepResult<byte[]> r = env.Step((int)GridAction.Left);
            Assert.Equal(i >= 100, r.Truncated);
            Assert.False(r.Terminated);
        }
    }

    [Fact]
    public void ForwardIntoAWallOrAClosedDoorDoesNotMove()
    {
        GridEnv env = Create(DoorWorld, 3, 4, 3);
        env.Step((int)GridAction.Forward);
        Assert.Equal((3, 4), (env.AgentX, env.AgentY));
        env.Step((int)GridAction.Left);
        env.Step((int)GridAction.Forward);
        env.Step((int)GridAction.Forward);
        env.Step((int)GridAction.Forward);
        Assert.Equal((1, 4), (env.AgentX, env.AgentY));
    }

    [Fact]
    public void ToggleOpensAndClosesAnUnlockedDoorWithoutAKey()
    {
        GridEnv env = Create(DoorWorld, 3, 4, 3);
        env.Step((int)GridAction.Toggle);
        Assert.Equal(GridCell.Door(GridColor.Yellow, DoorState.Open), env.CellAt(3, 3));
        env.Step((int)GridAction.Forward);
        Assert.Equal((3, 3), (env.AgentX, env.AgentY));
        env.Step((int)GridAction.Forward);
        env.Step((int)GridAction.Right);
        env.Step((int)GridAction.Right);
        env.Step((int)GridAction.Toggle);
        Assert.Equal(GridCell.Door(GridColor.Yellow, DoorState.Closed), env.CellAt(3, 3));
    }

    [Fact]
    public void LockedDoorOpensOnlyWithAKeyOfItsColourAndNeverRelocks()
    {
        string[] rows = ["#####", "#.k.#", "#...#", "##X##", "#.G.#", "#####"];
        GridEnv env = Create(rows, 2, 2, 1);
        env.Step((int)GridAction.Toggle);
        Assert.Equal(DoorState.Locked, (DoorState)env.CellAt(2, 3).State);

        // A blue key does not open the yellow door.
        env.Step((int)GridAction.Left);
        env.Step((int)GridAction.Left);
        env.Step((int)GridAction.Pickup);
        Assert.Equal(GridCell.Key(GridColor.Blue), env.Carrying);
        env.Step((int)GridAction.Right);
        env.Step((int)GridAction.Right);
        env.Step((int)GridAction.Toggle);
        Assert.Equal(DoorState.Locked, (DoorState)env.CellAt(2, 3).State);

        string[] yellow = ["#####", "#.K.#", "#...#", "##X##", "#.G.#", "#####"];
        env = Create(yellow, 2, 2, 3);
        env.Step((int)GridAction.Pickup);
        env.Step((int)GridAction.Right);
        env.Step((int)GridAction.Right);
        env.Step((int)GridAction.Toggle);
        Assert.Equal(GridCell.Door(GridColor.Yellow, DoorState.Open), env.CellAt(2, 3));
        Assert.Equal(GridCell.Key(GridColor.Yellow), env.Carrying);
        env.Step((int)GridAction.Toggle);
        Assert.Equal(DoorState.Closed, (DoorState)env.CellAt(2, 3).State);
        env.Step((int)GridAction.Toggle);
        env.Step((int)GridAction.Forward);
        StepResult<byte[]> r = env.Step((int)GridAction.Forward);
        Assert.True(r.Terminated);
        Assert.True(r.Info.IsSuccess);
    }

    [Fact]
    public void LavaTerminatesWithCostAndNoReward()
    {
        GridEnv env = Create(["#####", "#.L.#", "#..G#", "#####"], 1, 1, 0);
        StepResult<byte[]> r = env.Step((int)GridAction.Forward);
        Assert.True(r.Terminated);
        Assert.False(r.Truncated);
        Assert.Equal(0.0, r.Reward);
        Assert.False(r.Info.IsSuccess);
        Assert.Equal(1.0, r.Info.Cost);
        Assert.Equal((2, 1), (env.AgentX, env.AgentY));
    }

    [Fact]
    public void PickupNeverSwapsAndDropOnlyOntoEmptyCells()
    {
        GridEnv env = Create(["######", "#.Bk.#", "#..G.#", "######"], 1, 1, 0);
        env.Step((int)GridAction.Pickup);
        Assert.Equal(GridCell.Ball(), env.Carrying);
        Assert.True(env.CellAt(2, 1).IsEmpty);
        env.Step((int)GridAction.Forward);
        env.Step((int)GridAction.Pickup);
        Assert.Equal(GridCell.Ball(), env.Carrying);
        Assert.Equal(GridObjectType.Key, env.CellAt(3, 1).Type);
        env.Step((int)GridAction.Drop);
        Assert.Equal(GridCell.Ball(), env.Carrying);
        env.Step((int)GridAction.Right);
        env.Step((int)GridAction.Drop);
        Assert.Equal(GridCell.Ball(), env.CellAt(2, 2));
        Assert.True(env.Carrying.IsEmpty);
    }

    [Fact]
    public void ToggleABoxRevealsItsContents()
    {
        GridEnv env = Create(["#####", "#.C.#", "#..G#", "#####"], 1, 1, 0);
        env.Step((int)GridAction.Toggle);
        Assert.True(env.CellAt(2, 1).IsEmpty);

        env.Reset();
        Assert.Equal(GridObjectType.Box, env.CellAt(2, 1).Type);
    }

    [Fact]
    public void NoEpisodeGuardAfterTermination()
    {
        GridEnv env = Create(["#####", "#.G.#", "#####"], 1, 1, 0);
        Assert.True(env.Step((int)GridAction.Forward).Terminated);
        StepResult<byte[]> after = env.Step((int)GridAction.Forward);
        Assert.Equal((3, 1), (env.AgentX, env.AgentY));
        Assert.False(after.Terminated);
    }

    [Fact]
    public void BadActionsAndStepBeforeResetThrowClearErrors()
    {
        GridEnv env = GridTasks.Create("empty-5x5");
        var early = Assert.Throws<InvalidOperationException>(() => env.Step(0));
        Assert.Contains("Reset", early.Message);
        env.Reset(0);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(7));
        Assert.Contains("7", bad.Message);
        Assert.Contains("[0, 6]", bad.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(-1));
    }

    [Fact]
    public void StepWithoutObservationFollowsTheSameRules()
    {
        GridEnv a = GridTasks.Create("multiroom-6");
        GridEnv b = GridTasks.Create("multiroom-6");
        a.Reset(5);
        b.ResetWithoutObservation(5);
        var rng = new Aim.Core.Random.Rng(2);
        for (int i = 0; i < 300; i++)
        {
            int action = rng.NextInt(7);
            StepResult<byte[]> ra = a.Step(action);
            StepResult<byte[]> rb = b.StepWithoutObservation(action);
            Assert.Equal((ra.Reward, ra.Terminated, ra.Truncated, ra.Info), (rb.Reward, rb.Terminated, rb.Truncated, rb.Info));
            if (ra.Done)
            {
                a.Reset();
                b.ResetWithoutObservation();
            }
        }

        Assert.Equal(a.RefreshObservation(), b.RefreshObservation());
    }
}
