using Aim.Core.Random;

namespace Aim.Envs.Grid.Tasks;

/// <summary>
/// MiniGrid's MultiRoom: a chain of rooms on a 25×25 grid without an outer border, joined by closed doors whose
/// consecutive colours differ; the agent starts in the first room and the goal lies in the last.
/// </summary>
internal sealed class MultiRoomGenerator : GridGenerator
{
    private const int Size = 25;
    private const int MinRoomSize = 4;

    // MiniGrid's COLOR_NAMES sorted alphabetically: blue, green, grey, purple, red, yellow.
    private static readonly GridColor[] s_sortedColors =
        [GridColor.Blue, GridColor.Green, GridColor.Grey, GridColor.Purple, GridColor.Red, GridColor.Yellow];

    private readonly int _minRooms;
    private readonly int _maxRooms;
    private readonly int _maxRoomSize;
    private readonly List<Room> _rooms = [];
    private readonly List<Room> _attempt = [];

    public MultiRoomGenerator(string name, int minRooms, int maxRooms, int maxRoomSize, int? maxSteps = null)
        : base(name, Size, Size, maxSteps ?? (20 * maxRooms), seeThroughWalls: false)
    {
        if (minRooms < 1 || maxRooms < minRooms || maxRoomSize < MinRoomSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRoomSize), $"MultiRoom({minRooms}, {maxRooms}, {maxRoomSize}) needs 1 ≤ minRooms ≤ maxRooms and maxRoomSize ≥ {MinRoomSize}.");
        }

        _minRooms = minRooms;
        _maxRooms = maxRooms;
        _maxRoomSize = maxRoomSize;
    }

    public override void Generate(GridEnv grid, Rng rng)
    {
        int n = rng.NextInt(_minRooms, _maxRooms + 1);
        _rooms.Clear();
        while (_rooms.Count < n)
        {
            _attempt.Clear();
            int startX = rng.NextInt(0, Size - 2);
            int startY = rng.NextInt(0, Size - 2);
            PlaceRoom(n, entryWall: 2, startX, startY, rng);
            if (_attempt.Count > _rooms.Count)
            {
                _rooms.Clear();
                _rooms.AddRange(_attempt);
            }
        }

        int previousColor = -1;
        for (int i = 0; i < _rooms.Count; i++)
        {
            Room room = _rooms[i];
            grid.WallRect(room.X, room.Y, room.W, room.H);
            if (i > 0)
            {
                int count = previousColor < 0 ? s_sortedColors.Length : s_sortedColors.Length - 1;
                int pick = rng.NextInt(count);
                if (previousColor >= 0 && pick >= previousColor)
                {
                    pick++;
                }

                grid.PutObject(room.DoorX, room.DoorY, GridCell.Door(s_sortedColors[pick], DoorState.Closed));
                previousColor = pick;
            }
        }

        Room first = _rooms[0];
        Room last = _rooms[^1];
        grid.PlaceAgent(first.X, first.Y, first.W, first.H, rng);
        grid.PlaceObject(GridCell.Goal, last.X, last.Y, last.W, last.H, rng);
    }

    private bool PlaceRoom(int numLeft, int entryWall, int doorX, int doorY, Rng rng)
    {
        int w = rng.NextInt(MinRoomSize, _maxRoomSize + 1);
        int h = rng.NextInt(MinRoomSize, _maxRoomSize + 1);
        int x;
        int y;
        if (_attempt.Count == 0)
        {
            (x, y) = (doorX, doorY);
        }
        else
        {
            switch (entryWall)
            {
                case 0:
                    x = doorX - w + 1;
                    y = rng.NextInt(doorY - h + 2, doorY);
                    break;
                case 1:
                    x = rng.NextInt(doorX - w + 2, doorX);
                    y = doorY - h + 1;
                    break;
                case 2:
                    x = doorX;
                    y = rng.NextInt(doorY - h + 2, doorY);
                    break;
                default:
                    x = rng.NextInt(doorX - w + 2, doorX);
                    y = doorY;
                    break;
            }
        }

        // MiniGrid's bounds test is asymmetric (a room may touch the last column but never the last row).
        if (x < 0 || y < 0 || x + w > Size || y + h >= Size)
        {
            return false;
        }

        // Every earlier room except the parent must be separated; the test is MiniGrid's, asymmetric too.
        for (int i = 0; i < _attempt.Count - 1; i++)
        {
            Room o = _attempt[i];
            bool separated = x + w < o.X || o.X + o.W <= x || y + h < o.Y || o.Y + o.H <= y;
            if (!separated)
            {
                return false;
            }
        }

        _attempt.Add(new Room(x, y, w, h, doorX, doorY));
        if (numLeft == 1)
        {
            return true;
        }

        for (int attempt = 0; attempt < 8; attempt++)
        {
            // A uniform choice among the three walls other than the entry wall, in sorted order.
            int exitWall = rng.NextInt(3);
            if (exitWall >= entryWall)
            {
                exitWall++;
            }

            (int ex, int ey) = exitWall switch
            {
                0 => (x + w - 1, y + rng.NextInt(1, h - 1)),
                1 => (x + rng.NextInt(1, w - 1), y + h - 1),
                2 => (x, y + rng.NextInt(1, h - 1)),
                _ => (x + rng.NextInt(1, w - 1), y),
            };

            if (PlaceRoom(numLeft - 1, (exitWall + 2) % 4, ex, ey, rng))
            {
                break;
            }
        }

        return true;
    }

    private readonly record struct Room(int X, int Y, int W, int H, int DoorX, int DoorY);
}
