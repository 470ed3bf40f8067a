using Aim.Envs.Grid.Tasks;

namespace Aim.Envs.Grid;

/// <summary>
/// Exchanges layouts with Python MiniGrid: its full-grid encoding (<c>grid.encode()</c>, a width × height × 3 integer
/// array indexed [x, y, channel]) plus the agent's position, direction and step limit. A layout recorded in MiniGrid replays
/// here with the same observations, rewards and terminations.
/// </summary>
public static class MiniGridInterop
{
    /// <summary>
    /// Builds an env whose every reset restores the given layout (no randomness).
    /// </summary>
    /// <param name="encoding">[x, y, channel] codes as <c>grid.encode()</c> gives. A (10, 0, dir) agent cell (FullyObsWrapper)
    /// is accepted at the agent's position and read as empty.</param>
    /// <param name="agentX">The agent's column.</param>
    /// <param name="agentY">The agent's row.</param>
    /// <param name="agentDir">The agent's direction 0..3.</param>
    /// <param name="maxSteps">MiniGrid's <c>max_steps</c>.</param>
    /// <param name="seeThroughWalls">MiniGrid's <c>see_through_walls</c> (true only for Empty among the registered tasks).</param>
    /// <param name="options">Frame stack and rendering options; <see cref="GridEnvOptions.MaxSteps"/> and
    /// <see cref="GridEnvOptions.SeeThroughWalls"/> override the arguments when set.</param>
    /// <param name="name">The task name the env reports.</param>
    /// <exception cref="ArgumentException">The encoding is not a world grid, or the agent's cell is not free.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The agent lies outside the grid, the direction is not 0..3 or maxSteps is not positive.</exception>
    public static GridEnv CreateEnv(
        int[,,] encoding,
        int agentX,
        int agentY,
        int agentDir,
        int maxSteps,
        bool seeThroughWalls = false,
        GridEnvOptions? options = null,
        string name = "minigrid-layout")
    {
        ArgumentNullException.ThrowIfNull(encoding);
        int width = encoding.GetLength(0);
        int height = encoding.GetLength(1);
        if (encoding.GetLength(2) != 3 || width < 3 || height < 3)
        {
            throw new ArgumentException($"The encoding has shape ({width}, {height}, {encoding.GetLength(2)}): expected (width ≥ 3, height ≥ 3, 3).", nameof(encoding));
        }

        if ((uint)agentX >= (uint)width || (uint)agentY >= (uint)height)
        {
            throw new ArgumentOutOfRangeException(nameof(agentX), $"The agent ({agentX}, {agentY}) lies outside the {width}×{height} grid.");
        }

        GridDirection.Validate(agentDir, nameof(agentDir));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        var cells = new GridCell[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int type = encoding[x, y, 0];
                bool agentCell = x == agentX && y == agentY;
                try
                {
                    cells[(y * width) + x] = agentCell && type == (int)GridObjectType.Agent
                        ? GridCell.Empty
                        : GridCell.Decode(type, encoding[x, y, 1], encoding[x, y, 2]);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"Cell ({x}, {y}): {e.Message}", nameof(encoding), e);
                }
            }
        }

        if (!cells[(agentY * width) + agentX].CanOverlap)
        {
            throw new ArgumentException($"The agent's cell ({agentX}, {agentY}) holds {cells[(agentY * width) + agentX].Type}: expected a cell the agent can stand on.", nameof(encoding));
        }

        var generator = new FixedLayoutGenerator(name, cells, width, height, agentX, agentY, agentDir, maxSteps, seeThroughWalls);
        return new GridEnv(generator, options);
    }

    /// <summary>
    /// MiniGrid's <c>grid.encode()</c> of the env's current world: [x, y, channel], the cell under the agent shown (not the agent).
    /// </summary>
    /// <exception cref="InvalidOperationException">Called before the first reset.</exception>
    public static int[,,] Encode(GridEnv env)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (env.AgentDirection < 0)
        {
            throw new InvalidOperationException("The env has no state yet: call Reset first.");
        }

        var encoding = new int[env.Width, env.Height, 3];
        ReadOnlySpan<GridCell> cells = env.Cells;
        for (int y = 0; y < env.Height; y++)
        {
            for (int x = 0; x < env.Width; x++)
            {
                GridCell c = cells[(y * env.Width) + x];
                encoding[x, y, 0] = (int)c.Type;
                encoding[x, y, 1] = (int)c.Color;
                encoding[x, y, 2] = c.State;
            }
        }

        return encoding;
    }

    /// <summary>
    /// MiniGrid's <c>FullyObsWrapper</c> image: <see cref="Encode"/> with the agent's cell overwritten by (10, 0, dir).
    /// </summary>
    /// <exception cref="InvalidOperationException">Called before the first reset.</exception>
    public static int[,,] EncodeFullyObservable(GridEnv env)
    {
        int[,,] encoding = Encode(env);
        encoding[env.AgentX, env.AgentY, 0] = (int)GridObjectType.Agent;
        encoding[env.AgentX, env.AgentY, 1] = (int)GridColor.Red;
        encoding[env.AgentX, env.AgentY, 2] = env.AgentDirection;
        return encoding;
    }
}
