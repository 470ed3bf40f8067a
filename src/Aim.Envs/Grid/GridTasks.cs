using Aim.Envs.Grid.Tasks;

namespace Aim.Envs.Grid;

/// <summary>Creates the grid tasks by name (MiniGrid's registered environments and the AIM code's six-room task).</summary>
public static class GridTasks
{
    private static readonly (string Name, Func<string, GridGenerator> Create)[] s_tasks =
    [
        ("empty-5x5", n => new EmptyGenerator(n, 5)),
        ("empty-6x6", n => new EmptyGenerator(n, 6)),
        ("empty-8x8", n => new EmptyGenerator(n, 8)),
        ("empty-16x16", n => new EmptyGenerator(n, 16)),
        ("fourrooms", n => new FourRoomsGenerator(n)),
        ("multiroom-n2-s4", n => new MultiRoomGenerator(n, 2, 2, 4)),

        // MiniGrid registers MultiRoom-N4-S5-v0 with 6 rooms (legacy); PVP and AIM use that id.
        ("multiroom-n4-s5", n => new MultiRoomGenerator(n, 6, 6, 5)),

        // The AIM code's MiniGridMultiRoomN4S16: MultiRoomEnv(6, 6, maxRoomSize 6), 120 steps.
        ("multiroom-6", n => new MultiRoomGenerator(n, 6, 6, 6)),
        ("doorkey-5x5", n => new DoorKeyGenerator(n, 5)),
        ("doorkey-8x8", n => new DoorKeyGenerator(n, 8)),
        ("lavagap-s5", n => new LavaGapGenerator(n, 5)),
        ("lavagap-s7", n => new LavaGapGenerator(n, 7)),
        ("lavacrossing-s9n1", n => new LavaCrossingGenerator(n, 9, 1)),
        ("lavacrossing-s9n2", n => new LavaCrossingGenerator(n, 9, 2)),
        ("lavacrossing-s9n3", n => new LavaCrossingGenerator(n, 9, 3)),
    ];

    /// <summary>The known task names, in a stable order.</summary>
    public static IReadOnlyList<string> Names { get; } = s_tasks.Select(t => t.Name).ToArray();

    /// <summary>Creates a fresh, un-reset env of task <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="options">Frame stack, step limit and other options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the known names.</exception>
    public static GridEnv Create(string name, GridEnvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach ((string known, Func<string, GridGenerator> create) in s_tasks)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return new GridEnv(create(known), options);
            }
        }

        throw new ArgumentException($"Unknown grid task '{name}'. Known tasks: {string.Join(", ", Names)}.", nameof(name));
    }
}
