using Aim.Core.Random;

namespace Aim.Envs.Grid;

/// <summary>Layout-building helpers used by the task generators (MiniGrid's <c>put_obj</c>, <c>place_obj</c>, walls).</summary>
public sealed partial class GridEnv
{
    internal void PutObject(int x, int y, GridCell cell) => _cells[(y * Width) + x] = cell;

    internal void PutAgent(int x, int y, int dir)
    {
        _agentX = x;
        _agentY = y;
        _agentDir = dir;
    }

    internal void HorizontalLine(int x, int y, int length, GridCell cell) => _cells.AsSpan((y * Width) + x, length).Fill(cell);

    internal void VerticalLine(int x, int y, int length, GridCell cell)
    {
        for (int i = 0; i < length; i++)
        {
            _cells[((y + i) * Width) + x] = cell;
        }
    }

    internal void WallRect(int x, int y, int w, int h)
    {
        HorizontalLine(x, y, w, GridCell.Wall);
        HorizontalLine(x, y + h - 1, w, GridCell.Wall);
        VerticalLine(x, y, h, GridCell.Wall);
        VerticalLine(x + w - 1, y, h, GridCell.Wall);
    }

    /// <summary>
    /// MiniGrid's <c>place_obj</c>: rejection sampling (x first, then y) over the rectangle clipped to the grid until the
    /// cell is empty and not the agent's. Returns the cell's index.
    /// </summary>
    internal int PlaceObject(GridCell cell, int left, int top, int w, int h, Rng rng)
    {
        int x0 = Math.Max(left, 0);
        int y0 = Math.Max(top, 0);
        int x1 = Math.Min(x0 + w, Width);
        int y1 = Math.Min(y0 + h, Height);
        while (true)
        {
            int x = rng.NextInt(x0, x1);
            int y = rng.NextInt(y0, y1);
            int i = (y * Width) + x;
            if (!_cells[i].IsEmpty || (x == _agentX && y == _agentY))
            {
                continue;
            }

            if (!cell.IsEmpty)
            {
                _cells[i] = cell;
            }

            return i;
        }
    }

    /// <summary>MiniGrid's <c>place_agent</c>: the same rejection loop for the position, then a uniform direction.</summary>
    internal void PlaceAgent(int left, int top, int w, int h, Rng rng)
    {
        _agentX = -1;
        _agentY = -1;
        int i = PlaceObject(GridCell.Empty, left, top, w, h, rng);
        _agentX = i % Width;
        _agentY = i / Width;
        _agentDir = rng.NextInt(0, 4);
    }
}
