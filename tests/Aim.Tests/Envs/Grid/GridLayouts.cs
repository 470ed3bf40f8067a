using Aim.Envs.Grid;

namespace Aim.Tests.Envs.Grid;

/// <summary>Hand-built layouts from ASCII rows, through MiniGrid's encoding (so the interop path is exercised too).</summary>
internal static class GridLayouts
{
    /// <summary>
    /// '#' wall, '.' empty, 'G' goal, 'L' lava, 'D' closed yellow door, 'X' locked yellow door, 'O' open yellow door,
    /// 'K' yellow key, 'k' blue key, 'B' blue ball, 'C' red box holding a blue ball.
    /// </summary>
    public static int[,,] Encode(params string[] rows)
    {
        int height = rows.Length;
        int width = rows[0].Length;
        var e = new int[width, height, 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                (int t, int c, int s) = rows[y][x] switch
                {
                    '#' => (2, 5, 0),
                    '.' => (1, 0, 0),
                    'G' => (8, 1, 0),
                    'L' => (9, 0, 0),
                    'D' => (4, 4, 1),
                    'X' => (4, 4, 2),
                    'O' => (4, 4, 0),
                    'K' => (5, 4, 0),
                    'k' => (5, 2, 0),
                    'B' => (6, 2, 0),
                    'C' => (7, 0, 0),
                    char other => throw new ArgumentException($"Unknown layout character '{other}'."),
                };
                e[x, y, 0] = t;
                e[x, y, 1] = c;
                e[x, y, 2] = s;
            }
        }

        return e;
    }

    public static GridEnv Create(string[] rows, int agentX, int agentY, int dir, int maxSteps = 100, bool seeThroughWalls = false, int frameStack = 1)
    {
        GridEnv env = MiniGridInterop.CreateEnv(Encode(rows), agentX, agentY, dir, maxSteps, seeThroughWalls, new GridEnvOptions { FrameStack = frameStack });
        env.Reset(0);
        return env;
    }

    /// <summary>The (type, colour or state) channel of the newest frame as rows vy = 0..6, columns vx = 0..6.</summary>
    public static string Channel(ReadOnlySpan<byte> observation, int channel)
    {
        int offset = observation.Length - GridEnv.FrameLength + (channel * 49);
        var lines = new List<string>();
        for (int vy = 0; vy < 7; vy++)
        {
            var cells = new string[7];
            for (int vx = 0; vx < 7; vx++)
            {
                cells[vx] = observation[offset + (vy * 7) + vx].ToString();
            }

            lines.Add(string.Join(' ', cells));
        }

        return string.Join('\n', lines);
    }

    public static string Matrix(params string[] rows) => string.Join('\n', rows);

    /// <summary>The world of minigrid.md examples B-D (a closed yellow door at (3, 3), the goal at (3, 1)).</summary>
    public static readonly string[] DoorWorld =
    [
        "#######",
        "#..G..#",
        "#.....#",
        "###D###",
        "#.....#",
        "#.....#",
        "#######",
    ];
}
