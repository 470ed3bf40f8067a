using System.Runtime.InteropServices;

namespace Aim.Envs.Grid;

/// <summary>
/// The content of one grid cell as MiniGrid encodes it: object type, colour and state (4 bytes, stored in flat arrays).
/// An empty cell is <see cref="Empty"/>, encoded (1, 0, 0) like MiniGrid's <c>None</c>.
/// </summary>
/// <param name="Type">The object type.</param>
/// <param name="Color">The object's colour (0 for empty cells).</param>
/// <param name="State">The door state code (<see cref="DoorState"/>); 0 for every other object.</param>
/// <param name="Contents">
/// For a box, what toggling it reveals, packed as <c>(type &lt;&lt; 4) | colour</c>; 0 for an empty box and for every other
/// object. A box inside a box is not represented. Not part of MiniGrid's encoding.
/// </param>
/// <remarks>The field order and 4-byte size are fixed: the observation code reads cells as packed words.</remarks>
[StructLayout(LayoutKind.Sequential, Size = 4)]
public readonly record struct GridCell(GridObjectType Type, GridColor Color, byte State, byte Contents = 0)
{
    /// <summary>An empty cell (1, 0, 0).</summary>
    public static GridCell Empty => new(GridObjectType.Empty, GridColor.Red, 0);

    /// <summary>A grey wall (2, 5, 0).</summary>
    public static GridCell Wall => new(GridObjectType.Wall, GridColor.Grey, 0);

    /// <summary>The green goal (8, 1, 0).</summary>
    public static GridCell Goal => new(GridObjectType.Goal, GridColor.Green, 0);

    /// <summary>Lava (9, 0, 0).</summary>
    public static GridCell Lava => new(GridObjectType.Lava, GridColor.Red, 0);

    /// <summary>True when the agent can stand on this cell: empty, floor, goal, lava or an open door.</summary>
    public bool CanOverlap => Type switch
    {
        GridObjectType.Empty or GridObjectType.Floor or GridObjectType.Goal or GridObjectType.Lava => true,
        GridObjectType.Door => State == (byte)DoorState.Open,
        _ => false,
    };

    /// <summary>True for keys, balls and boxes.</summary>
    public bool CanPickup => Type is GridObjectType.Key or GridObjectType.Ball or GridObjectType.Box;

    /// <summary>True unless the cell blocks sight (a wall, or a door that is not open).</summary>
    public bool IsTransparent => Type != GridObjectType.Wall && !(Type == GridObjectType.Door && State != (byte)DoorState.Open);

    /// <summary>True for the empty cell.</summary>
    public bool IsEmpty => Type == GridObjectType.Empty;

    /// <summary>A door of the given colour and state.</summary>
    public static GridCell Door(GridColor color, DoorState state) => new(GridObjectType.Door, color, (byte)state);

    /// <summary>A key (default colour blue, as in MiniGrid).</summary>
    public static GridCell Key(GridColor color = GridColor.Blue) => new(GridObjectType.Key, color, 0);

    /// <summary>A ball (default colour blue, as in MiniGrid).</summary>
    public static GridCell Ball(GridColor color = GridColor.Blue) => new(GridObjectType.Ball, color, 0);

    /// <summary>A floor tile (default colour blue, as in MiniGrid).</summary>
    public static GridCell Floor(GridColor color = GridColor.Blue) => new(GridObjectType.Floor, color, 0);

    /// <summary>A box holding <paramref name="contents"/> (a key or a ball), or nothing when it is null.</summary>
    /// <exception cref="ArgumentException">The contents are not a key or a ball.</exception>
    public static GridCell Box(GridColor color, GridCell? contents = null)
    {
        if (contents is GridCell c && c.Type is not (GridObjectType.Key or GridObjectType.Ball))
        {
            throw new ArgumentException($"A box can hold a key or a ball, not {c.Type}.", nameof(contents));
        }

        byte packed = contents is GridCell k ? (byte)(((int)k.Type << 4) | (int)k.Color) : (byte)0;
        return new GridCell(GridObjectType.Box, color, 0, packed);
    }

    /// <summary>What toggling this box leaves in its cell: its contents, or an empty cell.</summary>
    public GridCell Unbox() => Contents == 0
        ? Empty
        : new GridCell((GridObjectType)(Contents >> 4), (GridColor)(Contents & 0xF), 0);

    /// <summary>Decodes MiniGrid's (type, colour, state) triple; a box decodes as an empty box.</summary>
    /// <exception cref="ArgumentException">The triple is not a valid world-cell encoding.</exception>
    public static GridCell Decode(int type, int color, int state)
    {
        if (type is < 1 or > 9 || color is < 0 or > 5 || state is < 0 or > 2 || (state != 0 && type != (int)GridObjectType.Door))
        {
            throw new ArgumentException(
                $"({type}, {color}, {state}) is not a world cell: expected type 1..9, colour 0..5 and state 0 (doors 0..2).");
        }

        return type == (int)GridObjectType.Empty ? Empty : new GridCell((GridObjectType)type, (GridColor)color, (byte)state);
    }
}
