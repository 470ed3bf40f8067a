using System.Runtime.InteropServices;

namespace Aim.Envs.Grid;

/// <summary>The egocentric observation: view placement, MiniGrid's visibility flood and the frame stack.</summary>
public sealed partial class GridEnv
{
    /// <summary>The current observation buffer (the array <see cref="Step"/> returns), shape (3K, 7, 7).</summary>
    public ReadOnlySpan<byte> Observation => _observation;

    /// <summary>
    /// Writes the K-stacked observation the agent would get at reset if it stood at (<paramref name="x"/>,
    /// <paramref name="y"/>) facing <paramref name="dir"/>, carrying what it carries now; the episode is not changed.
    /// </summary>
    /// <param name="x">Column of the hypothetical agent cell (any cell inside the grid).</param>
    /// <param name="y">Row of the hypothetical agent cell.</param>
    /// <param name="dir">Direction 0..3 (east, south, west, north).</param>
    /// <param name="destination">At least 3K·49 bytes, written in the observation layout.</param>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate or direction is invalid, or the destination too short.</exception>
    public void ObserveFrom(int x, int y, int dir, Span<byte> destination)
    {
        EnsureReset();
        ValidateCell(x, y);
        GridDirection.Validate(dir, nameof(dir));
        if (destination.Length < _observation.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, $"The destination needs {_observation.Length} bytes (3·{FrameStack}·49).");
        }

        WriteFrame(x, y, dir, destination[..FrameLength]);
        for (int f = 1; f < FrameStack; f++)
        {
            destination[..FrameLength].CopyTo(destination[(f * FrameLength)..]);
        }
    }

    /// <summary>
    /// Writes the single egocentric frame seen from (<paramref name="x"/>, <paramref name="y"/>, <paramref name="dir"/>),
    /// channel-first: <c>[c·49 + vy·7 + vx]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate or direction is invalid, or the destination is shorter than 147.</exception>
    public void ObserveFrameFrom(int x, int y, int dir, Span<byte> destination)
    {
        EnsureReset();
        ValidateCell(x, y);
        GridDirection.Validate(dir, nameof(dir));
        if (destination.Length < FrameLength)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, $"The destination needs {FrameLength} bytes.");
        }

        WriteFrame(x, y, dir, destination);
    }

    /// <summary>
    /// MiniGrid's own <c>obs["image"]</c> of the current state: 7×7×3 bytes indexed <c>[(vx·7 + vy)·3 + c]</c>
    /// (numpy's <c>image[vx, vy, c]</c>). Allocates a new array.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called before the first reset.</exception>
    public byte[] GetImage()
    {
        EnsureReset();
        Span<byte> frame = stackalloc byte[FrameLength];
        WriteFrame(_agentX, _agentY, _agentDir, frame);
        var image = new byte[FrameLength];
        for (int vy = 0; vy < ViewSize; vy++)
        {
            for (int vx = 0; vx < ViewSize; vx++)
            {
                int i = (vy * ViewSize) + vx;
                int j = ((vx * ViewSize) + vy) * 3;
                image[j] = frame[i];
                image[j + 1] = frame[49 + i];
                image[j + 2] = frame[98 + i];
            }
        }

        return image;
    }

    private void FillStack()
    {
        Span<byte> obs = _observation;
        WriteFrame(_agentX, _agentY, _agentDir, obs[..FrameLength]);
        for (int f = 1; f < FrameStack; f++)
        {
            obs[..FrameLength].CopyTo(obs[(f * FrameLength)..]);
        }
    }

    private void PushFrame()
    {
        Span<byte> obs = _observation;
        int newest = obs.Length - FrameLength;
        obs[FrameLength..].CopyTo(obs);
        WriteFrame(_agentX, _agentY, _agentDir, obs[newest..]);
    }

    /// <summary>The view cell (vx, vy) shows world cell agent + (6 − vy)·F + (vx − 3)·R, with R = (−F.y, F.x).</summary>
    private void WriteFrame(int ax, int ay, int dir, Span<byte> frame)
    {
        const int Cells = ViewSize * ViewSize;
        const int AgentCell = (6 * ViewSize) + 3;

        // Cells are read as packed words (type | colour << 8 | state << 16): the hot path moves no structs.
        const uint WallWord = (uint)GridObjectType.Wall | ((uint)GridColor.Grey << 8);
        Span<uint> view = stackalloc uint[Cells];
        ReadOnlySpan<uint> cells = MemoryMarshal.Cast<GridCell, uint>(_cells.AsSpan());
        int fx = GridDirection.Dx(dir);
        int fy = GridDirection.Dy(dir);
        int rx = -fy;
        int ry = fx;
        int width = Width;
        int height = Height;
        for (int vy = 0; vy < ViewSize; vy++)
        {
            int ahead = 6 - vy;
            int wx = ax + (ahead * fx) - (3 * rx);
            int wy = ay + (ahead * fy) - (3 * ry);
            for (int vx = 0; vx < ViewSize; vx++, wx += rx, wy += ry)
            {
                // MiniGrid slices with fresh walls outside the world, not "unseen" cells.
                view[(vy * ViewSize) + vx] = (uint)wx < (uint)width && (uint)wy < (uint)height ? cells[(wy * width) + wx] : WallWord;
            }
        }

        if (!SeeThroughWalls)
        {
            HideInvisible(view);
        }

        Span<byte> types = frame[..Cells];
        Span<byte> colors = frame.Slice(Cells, Cells);
        Span<byte> states = frame.Slice(2 * Cells, Cells);
        for (int i = 0; i < Cells; i++)
        {
            uint word = view[i];
            types[i] = (byte)word;
            colors[i] = (byte)(word >> 8);
            states[i] = (byte)(word >> 16);
        }

        // The agent's own cell shows what it carries (or empty), never the tile under it.
        GridCell carried = _carrying;
        types[AgentCell] = (byte)carried.Type;
        colors[AgentCell] = (byte)carried.Color;
        states[AgentCell] = carried.State;
    }

    /// <summary>Zeroes (type 0, "unseen") every view cell that MiniGrid's visibility flood does not reach.</summary>
    private static void HideInvisible(Span<uint> view)
    {
        Span<bool> visible = stackalloc bool[ViewSize * ViewSize];
        ComputeVisibility(view, visible);
        for (int i = 0; i < view.Length; i++)
        {
            if (!visible[i])
            {
                view[i] = 0;
            }
        }
    }

    private static bool IsTransparent(uint word)
    {
        uint type = word & 0xFF;
        return type != (uint)GridObjectType.Wall && !(type == (uint)GridObjectType.Door && ((word >> 16) & 0xFF) != (uint)DoorState.Open);
    }

    /// <summary>MiniGrid's <c>process_vis</c>, literally: per row from the agent outwards, a rightward then a leftward sweep.</summary>
    private static void ComputeVisibility(ReadOnlySpan<uint> view, Span<bool> visible)
    {
        visible.Clear();
        visible[(6 * ViewSize) + 3] = true;
        for (int vy = ViewSize - 1; vy >= 0; vy--)
        {
            int row = vy * ViewSize;
            int above = row - ViewSize;
            for (int vx = 0; vx < ViewSize - 1; vx++)
            {
                if (visible[row + vx] && IsTransparent(view[row + vx]))
                {
                    visible[row + vx + 1] = true;
                    if (vy > 0)
                    {
                        visible[above + vx + 1] = true;
                        visible[above + vx] = true;
                    }
                }
            }

            for (int vx = ViewSize - 1; vx > 0; vx--)
            {
                if (visible[row + vx] && IsTransparent(view[row + vx]))
                {
                    visible[row + vx - 1] = true;
                    if (vy > 0)
                    {
                        visible[above + vx - 1] = true;
                        visible[above + vx] = true;
                    }
                }
            }
        }
    }
}
