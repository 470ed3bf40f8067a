using Aim.Envs.Grid;
using Aim.Experiments.Charts;
using Aim.Interactive.Charts;

namespace Aim.Tests.Interactive;

public class QValueChartsTests
{
    [Fact]
    public void BetaHistogramMarksBetaAndTheFractionAbove()
    {
        string json = OfflinePlotly.ToFigureJson(QValueCharts.BetaHistogram([0.1, 0.2, 0.3, 0.4, 0.9], beta: 0.35, title: "h"));
        Assert.Contains("\"type\":\"histogram\"", json);
        Assert.Contains("β = 0.35 (40 % above)", json);
        Assert.Contains("\"yaxis\":\"y2\"", json);
        Assert.Throws<ArgumentException>(() => QValueCharts.BetaHistogram([], 0));
    }

    [Fact]
    public void GridQDrawsValuesPathAndHelpWithAFixedRange()
    {
        GridEnv env = GridTasks.Create("lavagap-s5");
        env.Reset(1);
        var values = new double[env.Width, env.Height];
        for (int x = 0; x < env.Width; x++)
        {
            for (int y = 0; y < env.Height; y++)
            {
                values[x, y] = GridQMapStandable(env.CellAt(x, y)) ? x - y : double.NaN;
            }
        }

        string json = OfflinePlotly.ToFigureJson(QValueCharts.GridQ(
            MiniGridInterop.Encode(env), values, "Q", path: [(1, 1), (2, 1)], help: [(2, 1)], range: (-1, 1), title: "q"));
        Assert.Contains("\"name\":\"Q\"", json);
        Assert.Contains("\"zmin\":-1", json);
        Assert.Contains("\"name\":\"path\"", json);
        Assert.Contains("\"name\":\"asked for help\"", json);
        Assert.Contains("\"zmax\":9", json); // the base layer's categories are pinned to the type codes
    }

    [Fact]
    public void SliderShowsOneFrameAtATime()
    {
        GridEnv env = GridTasks.Create("empty-5x5");
        env.Reset(0);
        int[,,] layout = MiniGridInterop.Encode(env);
        var frames = new List<(string, Plotly.NET.GenericChart)>
        {
            ("a", GridCharts.Grid(layout, title: "a")),
            ("b", GridCharts.Grid(layout, title: "b")),
        };
        string json = OfflinePlotly.ToFigureJson(QValueCharts.Slider(frames, prefix: "frame "));
        Assert.Contains("\"sliders\"", json);
        Assert.Contains("\"method\":\"restyle\"", json);
        Assert.Contains("\"label\":\"b\"", json);
        Assert.Contains("\"visible\":false", json);
        Assert.Throws<ArgumentException>(() => QValueCharts.Slider([]));
    }

    private static bool GridQMapStandable(GridCell cell) => Aim.Interactive.Inspection.GridQMap.IsStandable(cell);
}
