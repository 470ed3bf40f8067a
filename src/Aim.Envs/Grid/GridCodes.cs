namespace Aim.Envs.Grid;

/// <summary>Object types, with MiniGrid's integer codes (<c>OBJECT_TO_IDX</c>).</summary>
public enum GridObjectType : byte
{
    /// <summary>A cell the agent cannot see (egocentric observations only).</summary>
    Unseen = 0,

    /// <summary>An empty cell (MiniGrid's <c>None</c>).</summary>
    Empty = 1,

    /// <summary>A wall: blocks movement and sight.</summary>
    Wall = 2,

    /// <summary>A floor tile: walkable, coloured.</summary>
    Floor = 3,

    /// <summary>A door: open, closed or locked (see <see cref="DoorState"/>).</summary>
    Door = 4,

    /// <summary>A key: can be picked up; unlocks a locked door of its colour.</summary>
    Key = 5,

    /// <summary>A ball: can be picked up.</summary>
    Ball = 6,

    /// <summary>A box: can be picked up; toggling replaces it with its contents.</summary>
    Box = 7,

    /// <summary>The goal: stepping onto it ends the episode with a positive reward.</summary>
    Goal = 8,

    /// <summary>Lava: stepping onto it ends the episode with reward 0 and cost 1.</summary>
    Lava = 9,

    /// <summary>The agent (only in fully observable encodings, never inside the world grid).</summary>
    Agent = 10,
}

/// <summary>Colours, with MiniGrid's integer codes (<c>COLOR_TO_IDX</c>).</summary>
public enum GridColor : byte
{
    /// <summary>Red (also the colour code of empty cells and lava).</summary>
    Red = 0,

    /// <summary>Green (the goal's colour).</summary>
    Green = 1,

    /// <summary>Blue (the default colour of keys, balls and floor).</summary>
    Blue = 2,

    /// <summary>Purple.</summary>
    Purple = 3,

    /// <summary>Yellow (DoorKey's door and key).</summary>
    Yellow = 4,

    /// <summary>Grey (walls).</summary>
    Grey = 5,
}

/// <summary>Door states, with MiniGrid's integer codes (<c>STATE_TO_IDX</c>).</summary>
public enum DoorState : byte
{
    /// <summary>Open: walkable and transparent.</summary>
    Open = 0,

    /// <summary>Closed: toggling opens it without a key.</summary>
    Closed = 1,

    /// <summary>Locked: toggling while carrying a key of the door's colour unlocks and opens it.</summary>
    Locked = 2,
}

/// <summary>The seven actions, with MiniGrid's integer codes.</summary>
public enum GridAction
{
    /// <summary>Turn counter-clockwise on screen.</summary>
    Left = 0,

    /// <summary>Turn clockwise on screen.</summary>
    Right = 1,

    /// <summary>Move to the front cell when it can be overlapped.</summary>
    Forward = 2,

    /// <summary>Pick up the object in the front cell when nothing is carried.</summary>
    Pickup = 3,

    /// <summary>Drop the carried object onto the front cell when that cell is empty.</summary>
    Drop = 4,

    /// <summary>Toggle the object in the front cell (doors, boxes).</summary>
    Toggle = 5,

    /// <summary>Do nothing (still consumes a step).</summary>
    Done = 6,
}

/// <summary>Direction helpers: 0 east, 1 south, 2 west, 3 north; y grows downwards (MiniGrid's <c>DIR_TO_VEC</c>).</summary>
public static class GridDirection
{
    /// <summary>The x step of a move in direction <paramref name="dir"/> (0..3).</summary>
    public static int Dx(int dir) => dir switch
    {
        0 => 1,
        2 => -1,
        _ => 0,
    };

    /// <summary>The y step of a move in direction <paramref name="dir"/> (0..3); positive is south.</summary>
    public static int Dy(int dir) => dir switch
    {
        1 => 1,
        3 => -1,
        _ => 0,
    };

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="dir"/> is in 0..3.</summary>
    public static void Validate(int dir, string paramName)
    {
        if ((uint)dir > 3)
        {
            throw new ArgumentOutOfRangeException(paramName, dir, "A direction must be 0 (east), 1 (south), 2 (west) or 3 (north).");
        }
    }
}
