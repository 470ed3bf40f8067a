using Aim.Core.Metrics;
using Aim.Envs.Grid;
using static Aim.Tests.Envs.Grid.GridLayouts;

namespace Aim.Tests.Envs.Grid;

public class GridSafetyCriticalTests
{
    private static readonly string[] s_lavaRight = ["######", "#..L.#", "#...G#", "######"];

    [Fact]
    public void LavaDirectlyAheadIsSafetyCritical()
    {
        GridEnv env = Create(s_lavaRight, 2, 1, 0);
        Assert.True(env.IsLavaAhead);
        Assert.True(((ISafetyCriticalState)env).IsSafetyCriticalState);
        Assert.True(Create(s_lavaRight, 4, 1, 2).IsLavaAhead); // from the other side, facing left
    }

    [Fact]
    public void LavaTwoCellsAheadBesideOrBehindIsNot()
    {
        Assert.False(Create(s_lavaRight, 1, 1, 0).IsLavaAhead); // two cells ahead
        Assert.False(Create(["######", "#....#", "#.L.G#", "######"], 2, 1, 0).IsLavaAhead); // beside: below, facing right
        Assert.False(Create(s_lavaRight, 2, 1, 2).IsLavaAhead); // behind
    }

    [Fact]
    public void TurningTowardLavaMakesTheStateSafetyCritical()
    {
        GridEnv env = Create(["######", "#....#", "#.L.G#", "######"], 2, 1, 0);
        Assert.False(env.IsLavaAhead);
        env.Step((int)GridAction.Right); // now facing down, lava below
        Assert.True(env.IsLavaAhead);
    }

    [Fact]
    public void ATaskWithoutLavaHasNoSafetyCriticalState()
    {
        GridEnv env = GridTasks.Create("multiroom-6");
        env.Reset(3);
        var expert = new Aim.Envs.Grid.Experts.ShortestPathExpert(env);
        for (int i = 0; i < 60; i++)
        {
            Assert.False(env.IsLavaAhead);
            if (env.Step(expert.Act()).Done)
            {
                break;
            }
        }
    }
}
