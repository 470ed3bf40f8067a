using Aim.Core.Random;

namespace Aim.Envs.Grid.Tasks;

/// <summary>MiniGrid's Empty-NxN-v0: a walled room, the agent at (1, 1) facing east, the goal in the far corner. No RNG.</summary>
internal sealed class EmptyGenerator(string name, int size)
    : GridGenerator(name, size, size, 4 * size * size, seeThroughWalls: true)
{
    public override void Generate(GridEnv grid, Rng rng)
    {
        grid.WallRect(0, 0, Width, Height);
        grid.PutObject(Width - 2, Height - 2, GridCell.Goal);
        grid.PutAgent(1, 1, 0);
    }
}
