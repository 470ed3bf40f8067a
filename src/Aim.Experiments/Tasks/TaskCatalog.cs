using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;

namespace Aim.Experiments.Tasks;

/// <summary>The tasks an experiment can run on, by name: every grid task (and the driving tasks once registered).</summary>
public static class TaskCatalog
{
    /// <summary>The default task of comparisons: the six-room MultiRoom of the AIM code.</summary>
    public const string DefaultTask = "multiroom-6";

    /// <summary>Every known task name.</summary>
    public static IReadOnlyList<string> Names => GridTasks.Names;

    /// <summary>True for a grid task.</summary>
    public static bool IsGrid(string name) => GridTasks.Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Throws <see cref="ArgumentException"/> listing the known tasks when <paramref name="name"/> is not one.</summary>
    public static void EnsureKnown(string name)
    {
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown task '{name}'. Known tasks: {string.Join(", ", Names)}.", nameof(name));
        }
    }

    /// <summary>A grid environment of task <paramref name="name"/>, bound to a fresh shortest-path expert.</summary>
    public static (GridEnv Env, ShortestPathExpert Expert) CreateGrid(string name, GridEnvOptions? options = null)
    {
        EnsureKnown(name);
        GridEnv env = GridTasks.Create(name, options);
        return (env, new ShortestPathExpert(env));
    }
}
