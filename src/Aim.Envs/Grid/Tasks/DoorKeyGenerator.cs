using Aim.Core.Random;

namespace Aim.Envs.Grid.Tasks;

/// <summary>
/// MiniGrid's DoorKey-NxN-v0: a wall column with a locked yellow door splits the room; the yellow key lies on the
/// agent's side; the goal is in the far corner.
/// </summary>
internal sealed class DoorKeyGenerator(string name, int size)
    : GridGenerator(name, size, size, 10 * size * size, seeThroughWalls: false)
{
    public override void Generate(GridEnv grid, Rng rng)
    {
        grid.WallRect(0, 0, Width, Height);
        grid.PutObject(Width - 2, Height - 2, GridCell.Goal);
        int split = rng.NextInt(2, Width - 2);
        grid.VerticalLine(split, 0, Height, GridCell.Wall);
        grid.PlaceAgent(0, 0, split, Height, rng);

        // MiniGrid draws the door row from [1, width - 2), so it is never the row next to the bottom wall.
        int doorRow = rng.NextInt(1, Width - 2);
        grid.PutObject(split, doorRow, GridCell.Door(GridColor.Yellow, DoorState.Locked));
        grid.PlaceObject(GridCell.Key(GridColor.Yellow), 0, 0, split, Height, rng);
    }
}
