using Aim.Core.Random;

namespace Aim.Envs.Grid.Tasks;

/// <summary>MiniGrid's FourRooms-v0: 19×19, four 9×9 rooms joined by one random gap per inner wall; random agent and goal.</summary>
internal sealed class FourRoomsGenerator(string name)
    : GridGenerator(name, 19, 19, 100, seeThroughWalls: false)
{
    public override void Generate(GridEnv grid, Rng rng)
    {
        const int Room = 9;
        grid.WallRect(0, 0, Width, Height);
        grid.VerticalLine(Room, 0, Height, GridCell.Wall);
        grid.HorizontalLine(0, Room, Width, GridCell.Wall);

        // MiniGrid cuts the gaps room by room; this is its draw order.
        grid.PutObject(Room, rng.NextInt(1, Room), GridCell.Empty);
        grid.PutObject(rng.NextInt(1, Room), Room, GridCell.Empty);
        grid.PutObject(rng.NextInt(Room + 1, 2 * Room), Room, GridCell.Empty);
        grid.PutObject(Room, rng.NextInt(Room + 1, 2 * Room), GridCell.Empty);

        grid.PlaceAgent(0, 0, Width, Height, rng);
        grid.PlaceObject(GridCell.Goal, 0, 0, Width, Height, rng);
    }
}
