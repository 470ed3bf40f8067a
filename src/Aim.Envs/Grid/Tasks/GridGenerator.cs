using Aim.Core.Random;

namespace Aim.Envs.Grid.Tasks;

/// <summary>
/// Builds a task's layout at every reset, drawing from the env's <see cref="Rng"/> in MiniGrid's order
/// (MiniGrid's <c>_gen_grid</c>), and fixes the task's grid size, step limit and visibility rule.
/// </summary>
internal abstract class GridGenerator
{
    protected GridGenerator(string name, int width, int height, int maxSteps, bool seeThroughWalls)
    {
        Name = name;
        Width = width;
        Height = height;
        MaxSteps = maxSteps;
        SeeThroughWalls = seeThroughWalls;
    }

    /// <summary>The task name.</summary>
    public string Name { get; }

    /// <summary>Grid width in cells.</summary>
    public int Width { get; }

    /// <summary>Grid height in cells.</summary>
    public int Height { get; }

    /// <summary>MiniGrid's <c>max_steps</c> for the task.</summary>
    public int MaxSteps { get; }

    /// <summary>MiniGrid's <c>see_through_walls</c> for the task.</summary>
    public bool SeeThroughWalls { get; }

    /// <summary>Fills <paramref name="grid"/> (empty on entry) and places the agent.</summary>
    public abstract void Generate(GridEnv grid, Rng rng);
}
