using Aim.Core.Random;

namespace Aim.Envs.Grid.Tasks;

/// <summary>A fixed layout (for example one recorded in Python MiniGrid): every reset restores it; no RNG.</summary>
internal sealed class FixedLayoutGenerator : GridGenerator
{
    private readonly GridCell[] _cells;
    private readonly int _agentX;
    private readonly int _agentY;
    private readonly int _agentDir;

    public FixedLayoutGenerator(string name, GridCell[] cells, int width, int height, int agentX, int agentY, int agentDir, int maxSteps, bool seeThroughWalls)
        : base(name, width, height, maxSteps, seeThroughWalls)
    {
        _cells = cells;
        _agentX = agentX;
        _agentY = agentY;
        _agentDir = agentDir;
    }

    public override void Generate(GridEnv grid, Rng rng)
    {
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                grid.PutObject(x, y, _cells[(y * Width) + x]);
            }
        }

        grid.PutAgent(_agentX, _agentY, _agentDir);
    }
}
