using Aim.Envs.Grid;
using Aim.Experiments.Charts;
using Aim.Interactive.Charts;

namespace Aim.Tests.Interactive;

public class GridChartsTests
{
    [Fact]
    public void GridFigureHoldsCellsObjectsAgentAndValueOverlay()
    {
        GridEnv env = GridTasks.Create("doorkey-5x5");
        env.Reset(2);
        var values = new double[env.Width, env.Height];
        for (int x = 0; x < env.Width; x++)
        {
            for (int y = 0; y < env.Height; y++)
            {
                values[x, y] = env.CellAt(x, y).CanOverlap ? 0.125 * (x + y) : double.NaN;
            }
        }

        string json = OfflinePlotly.ToFigureJson(GridCharts.Grid(
            MiniGridInterop.Encode(env), env.AgentX, env.AgentY, env.AgentDirection, values, "max Q", "doorkey"));
        Assert.Contains("\"type\":\"heatmap\"", json);
        Assert.Contains("\"name\":\"max Q\"", json);
        Assert.Contains("0.375", json);
        Assert.Contains("null", json);
        Assert.DoesNotContain("NaN", json);
        Assert.Contains("yellow door, locked", json);
        Assert.Contains("yellow key", json);
        Assert.Contains("\"name\":\"agent\"", json);
        Assert.Contains("doorkey", json);

        var e = Assert.Throws<ArgumentException>(() => GridCharts.Grid(MiniGridInterop.Encode(env), values: new double[2, 2]));
        Assert.Contains("2×2", e.Message);
    }
}
