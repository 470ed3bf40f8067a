using Aim.Core.Random;

namespace Aim.Envs.Grid.Tasks;

/// <summary>MiniGrid's LavaGapS*-v0: a lava column with one gap between the agent at (1, 1) and the goal.</summary>
internal sealed class LavaGapGenerator(string name, int size)
    : GridGenerator(name, size, size, 4 * size * size, seeThroughWalls: false)
{
    public override void Generate(GridEnv grid, Rng rng)
    {
        grid.WallRect(0, 0, Width, Height);
        grid.PutAgent(1, 1, 0);
        grid.PutObject(Width - 2, Height - 2, GridCell.Goal);
        int gapX = rng.NextInt(2, Width - 2);
        int gapY = rng.NextInt(1, Height - 1);
        grid.VerticalLine(gapX, 1, Height - 2, GridCell.Lava);
        grid.PutObject(gapX, gapY, GridCell.Empty);
    }
}
