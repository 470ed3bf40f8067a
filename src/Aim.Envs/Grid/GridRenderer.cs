using Aim.Core.Envs;

namespace Aim.Envs.Grid;

/// <summary>
/// Draws a grid in MiniGrid's style: black floor with grey grid lines, grey walls, green goal, orange lava with waves,
/// coloured doors (outline when open, filled with a handle when closed, a key slot when locked), keys, balls, boxes and
/// the agent as a red triangle pointing in its direction.
/// </summary>
internal static class GridRenderer
{
    private static readonly (byte R, byte G, byte B)[] s_palette =
    [
        (255, 0, 0), (0, 255, 0), (0, 0, 255), (112, 39, 195), (255, 255, 0), (100, 100, 100),
    ];

    public static RgbFrame Render(GridEnv env, int tile)
    {
        var frame = new RgbFrame(env.Width * tile, env.Height * tile);
        ReadOnlySpan<GridCell> cells = env.Cells;
        for (int y = 0; y < env.Height; y++)
        {
            for (int x = 0; x < env.Width; x++)
            {
                bool agent = x == env.AgentX && y == env.AgentY;
                DrawTile(frame, x * tile, y * tile, tile, cells[(y * env.Width) + x], agent ? env.AgentDirection : -1);
            }
        }

        return frame;
    }

    /// <summary>
    /// Draws one egocentric observation frame (channel-first codes, 7 × 7) as the agent sees it: the agent at the
    /// bottom middle facing up, cells it cannot see in dark grey (MiniGrid's <c>get_obs_render</c>).
    /// </summary>
    public static RgbFrame RenderView(ReadOnlySpan<byte> frame, int tile)
    {
        const int N = GridEnv.ViewSize;
        const int Cells = N * N;
        var image = new RgbFrame(N * tile, N * tile);
        for (int vy = 0; vy < N; vy++)
        {
            for (int vx = 0; vx < N; vx++)
            {
                int i = (vy * N) + vx;
                int type = frame[i];
                int agentDir = vx == N / 2 && vy == N - 1 ? 3 : -1;
                if (type == (int)GridObjectType.Unseen)
                {
                    image.FillRect(vx * tile, vy * tile, (vx + 1) * tile, (vy + 1) * tile, 40, 40, 40);
                    continue;
                }

                GridCell cell = type is >= 1 and <= 9 && (frame[(2 * Cells) + i] == 0 || type == (int)GridObjectType.Door)
                    ? GridCell.Decode(type, frame[Cells + i], frame[(2 * Cells) + i])
                    : GridCell.Empty;
                DrawTile(image, vx * tile, vy * tile, tile, cell, agentDir);
            }
        }

        return image;
    }

    private static void DrawTile(RgbFrame frame, int left, int top, int tile, GridCell cell, int agentDir)
    {
        for (int py = 0; py < tile; py++)
        {
            for (int px = 0; px < tile; px++)
            {
                double u = (px + 0.5) / tile;
                double v = (py + 0.5) / tile;
                (byte r, byte g, byte b) = Shade(cell, u, v);
                if (agentDir >= 0 && InAgent(u, v, agentDir))
                {
                    (r, g, b) = (255, 0, 0);
                }

                frame.Set(left + px, top + py, r, g, b);
            }
        }
    }

    private static (byte R, byte G, byte B) Shade(GridCell cell, double u, double v)
    {
        const double Line = 0.031;
        (byte R, byte G, byte B) gridLine = (100, 100, 100);
        (byte R, byte G, byte B) black = (0, 0, 0);
        (byte R, byte G, byte B) c = s_palette[Math.Min((int)cell.Color, s_palette.Length - 1)];
        bool border = u < Line || v < Line;
        switch (cell.Type)
        {
            case GridObjectType.Wall:
                return c;
            case GridObjectType.Goal:
                return border ? gridLine : c;
            case GridObjectType.Lava:
                return border ? gridLine : (InWave(u, v) ? black : ((byte)255, (byte)128, (byte)0));
            case GridObjectType.Floor:
                return border ? gridLine : Scale(c, 0.5);
            case GridObjectType.Door:
                return DoorShade(cell, c, u, v);
            case GridObjectType.Key:
                return InKey(u, v) ? c : (border ? gridLine : black);
            case GridObjectType.Ball:
                return Circle(u, v, 0.5, 0.5, 0.31) ? c : (border ? gridLine : black);
            case GridObjectType.Box:
                bool frameEdge = Rect(u, v, 0.12, 0.88, 0.12, 0.88) && !Rect(u, v, 0.18, 0.82, 0.18, 0.82);
                bool lid = Rect(u, v, 0.16, 0.84, 0.47, 0.53);
                return frameEdge || lid ? c : (border ? gridLine : black);
            default:
                return border ? gridLine : black;
        }
    }

    private static (byte R, byte G, byte B) DoorShade(GridCell door, (byte R, byte G, byte B) c, double u, double v)
    {
        (byte R, byte G, byte B) black = (0, 0, 0);
        if (door.State == (byte)DoorState.Open)
        {
            bool outline = Rect(u, v, 0.88, 1.0, 0.0, 1.0) || Rect(u, v, 0.0, 1.0, 0.0, 0.12) || Rect(u, v, 0.0, 1.0, 0.88, 1.0);
            return outline && !Rect(u, v, 0.92, 0.96, 0.04, 0.96) ? c : black;
        }

        if (door.State == (byte)DoorState.Locked)
        {
            bool slot = Rect(u, v, 0.52, 0.75, 0.50, 0.56);
            return Rect(u, v, 0.06, 0.94, 0.06, 0.94) && !slot ? Scale(c, 0.45) : c;
        }

        bool inner = Rect(u, v, 0.04, 0.96, 0.04, 0.96) && !Rect(u, v, 0.08, 0.92, 0.08, 0.92);
        bool handle = Circle(u, v, 0.75, 0.5, 0.08);
        return inner || handle ? black : c;
    }

    private static bool InKey(double u, double v)
    {
        bool shaft = Rect(u, v, 0.50, 0.63, 0.31, 0.88);
        bool teeth = Rect(u, v, 0.38, 0.50, 0.59, 0.66) || Rect(u, v, 0.38, 0.50, 0.81, 0.88);
        bool ring = Circle(u, v, 0.56, 0.28, 0.19) && !Circle(u, v, 0.56, 0.28, 0.064);
        return shaft || teeth || ring;
    }

    private static bool InWave(double u, double v)
    {
        for (int i = 0; i < 3; i++)
        {
            double ylo = 0.3 + (0.2 * i);
            double offset = Math.Abs(((u * 4) % 2) - 1) * 0.1;
            double y = ylo + offset;
            if (u > 0.1 && u < 0.9 && Math.Abs(v - y) < 0.03)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A triangle with its tip at the front edge of the tile, in the agent's direction.</summary>
    private static bool InAgent(double u, double v, int dir)
    {
        // Rotate the point into the frame where the agent faces east.
        double cu = u - 0.5;
        double cv = v - 0.5;
        (double a, double b) = dir switch
        {
            0 => (cu, cv),
            1 => (cv, -cu),
            2 => (-cu, -cv),
            _ => (-cv, cu),
        };

        // Vertices (−0.38, −0.31), (−0.38, 0.31), (0.38, 0): the edges close toward the tip.
        double halfWidth = 0.31 * (0.38 - a) / 0.76;
        return a >= -0.38 && a <= 0.38 && Math.Abs(b) <= halfWidth;
    }

    private static bool Rect(double u, double v, double x0, double x1, double y0, double y1) => u >= x0 && u <= x1 && v >= y0 && v <= y1;

    private static bool Circle(double u, double v, double cx, double cy, double r) => ((u - cx) * (u - cx)) + ((v - cy) * (v - cy)) <= r * r;

    private static (byte R, byte G, byte B) Scale((byte R, byte G, byte B) c, double k) =>
        ((byte)(c.R * k), (byte)(c.G * k), (byte)(c.B * k));
}
