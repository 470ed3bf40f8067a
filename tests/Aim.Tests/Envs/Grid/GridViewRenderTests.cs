using Aim.Core.Envs;
using Aim.Envs.Grid;

namespace Aim.Tests.Envs.Grid;

/// <summary>The play page's pictures of the grid: the visible cells lightened, and the agent's own 7 × 7 view.</summary>
public sealed class GridViewRenderTests
{
    [Fact]
    public void HighlightingLightensExactlyTheCellsTheAgentSees()
    {
        GridEnv env = GridTasks.Create("empty-8x8");
        env.Reset(0);
        RgbFrame plain = env.Render();
        RgbFrame lit = env.Render(highlightView: true);
        int tile = env.Options.TileSize;
        int ax = env.AgentX;
        int ay = env.AgentY;
        int fx = GridDirection.Dx(env.AgentDirection);
        int fy = GridDirection.Dy(env.AgentDirection);

        // The cell ahead of the agent (inside an empty room) is seen; the cell behind it is not.
        (int X, int Y) ahead = (ax + fx, ay + fy);
        (int X, int Y) behind = (ax - fx, ay - fy);
        Assert.True(Brightness(lit, ahead, tile) > Brightness(plain, ahead, tile));
        if ((uint)behind.X < (uint)env.Width && (uint)behind.Y < (uint)env.Height)
        {
            Assert.Equal(Brightness(plain, behind, tile), Brightness(lit, behind, tile));
        }

        Assert.Equal(plain.Pixels, env.Render(highlightView: false).Pixels);
    }

    [Fact]
    public void TheViewShowsTheAgentAtTheBottomMiddleFacingUp()
    {
        GridEnv env = GridTasks.Create("empty-8x8");
        env.Reset(0);
        const int Tile = 10;
        RgbFrame view = env.RenderView(Tile);
        Assert.Equal((7 * Tile, 7 * Tile), (view.Width, view.Height));

        // The agent is drawn red in its cell (3, 6); the tip of the triangle points up.
        int i = (((6 * Tile) + 2) * view.Width + (3 * Tile) + (Tile / 2)) * 3;
        Assert.Equal((255, 0, 0), (view.Pixels[i], view.Pixels[i + 1], view.Pixels[i + 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.RenderView(1));
    }

    private static long Brightness(RgbFrame frame, (int X, int Y) cell, int tile)
    {
        long sum = 0;
        for (int y = cell.Y * tile; y < (cell.Y + 1) * tile; y++)
        {
            for (int x = cell.X * tile; x < (cell.X + 1) * tile; x++)
            {
                int i = ((y * frame.Width) + x) * 3;
                sum += frame.Pixels[i] + frame.Pixels[i + 1] + frame.Pixels[i + 2];
            }
        }

        return sum;
    }
}
