using Aim.Envs.Grid;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Spec;

namespace Aim.Interactive.Inspection;

/// <summary>
/// AIM's proxy intervention value over a grid layout: for every cell the agent can stand on (not walls, lava, the goal
/// or closed doors) and each of the four directions, the robot's action π_r(s) and Q^I(s, a) for every action, with
/// s the observation seen from that pose. Q^I(s, π_r(s)) is what the gate compares with β.
/// </summary>
public sealed class GridQMap
{
    private readonly double[,,,] _q;
    private readonly int[,,] _action;

    private GridQMap(int width, int height, int actions, double[,,,] q, int[,,] action)
    {
        Width = width;
        Height = height;
        ActionCount = actions;
        _q = q;
        _action = action;
    }

    /// <summary>Grid width.</summary>
    public int Width { get; }

    /// <summary>Grid height.</summary>
    public int Height { get; }

    /// <summary>Number of actions.</summary>
    public int ActionCount { get; }

    /// <summary>Evaluates <paramref name="aim"/>'s policy and Q^I on every pose of <paramref name="layout"/>'s current state.</summary>
    /// <param name="layout">An environment that has been reset (its cells, doors and carried object are used).</param>
    /// <param name="aim">A trained (or initialised) AIM method for this task's observations.</param>
    /// <exception cref="ArgumentException">The method's action spec is not discrete.</exception>
    public static GridQMap Compute(GridEnv layout, AimMethod aim)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(aim);
        ActionSpec action = aim.ProxyQ.Action;
        if (!action.IsDiscrete)
        {
            throw new ArgumentException("Grid Q-value maps need a method with discrete actions.", nameof(aim));
        }

        var spec = ObservationSpec.From(layout.ObservationSpace);
        var poses = new List<(int X, int Y, int Dir)>();
        for (int y = 0; y < layout.Height; y++)
        {
            for (int x = 0; x < layout.Width; x++)
            {
                if (IsStandable(layout.CellAt(x, y)))
                {
                    for (int dir = 0; dir < 4; dir++)
                    {
                        poses.Add((x, y, dir));
                    }
                }
            }
        }

        int n = poses.Count;
        int size = spec.Size;
        var observations = new float[n * size];
        var bytes = new byte[size];
        for (int i = 0; i < n; i++)
        {
            layout.ObserveFrom(poses[i].X, poses[i].Y, poses[i].Dir, bytes);
            Span<float> row = observations.AsSpan(i * size, size);
            for (int k = 0; k < size; k++)
            {
                row[k] = bytes[k] * spec.Scale;
            }
        }

        var robotActions = new float[n];
        aim.Policy.Act(observations, n, robotActions);
        var q = new double[layout.Width, layout.Height, 4, action.Count];
        var chosen = new int[layout.Width, layout.Height, 4];
        FillNaN(q);
        var actions = new float[n];
        var values = new float[n];
        for (int a = 0; a < action.Count; a++)
        {
            Array.Fill(actions, a);
            aim.ProxyQ.Predict(observations, actions, n, values);
            for (int i = 0; i < n; i++)
            {
                q[poses[i].X, poses[i].Y, poses[i].Dir, a] = values[i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            chosen[poses[i].X, poses[i].Y, poses[i].Dir] = (int)robotActions[i];
        }

        return new GridQMap(layout.Width, layout.Height, action.Count, q, chosen);
    }

    /// <summary>True when the agent can stand on <paramref name="cell"/> with the episode still running.</summary>
    public static bool IsStandable(GridCell cell) => cell.CanOverlap && cell.Type is not (GridObjectType.Lava or GridObjectType.Goal);

    /// <summary>Q^I(s, π_r(s)) per cell [x, y] for agents facing <paramref name="direction"/> (0 east … 3 north); NaN elsewhere.</summary>
    public double[,] RobotQ(int direction) => Map(direction, (x, y, d) => _q[x, y, d, _action[x, y, d]]);

    /// <summary>max over the four directions of Q^I(s, π_r(s)) per cell: the most alarming way to stand there.</summary>
    public double[,] RobotQMaxOverDirections() => Reduce((x, y) => Enumerable.Range(0, 4).Max(d => _q[x, y, d, _action[x, y, d]]));

    /// <summary>The smallest and largest Q^I(s, π_r(s)) over every pose: a colour range shared by the four direction maps.</summary>
    public (double Min, double Max) RobotQRange()
    {
        var values = new List<double>();
        for (int d = 0; d < 4; d++)
        {
            values.AddRange(RobotQ(d).Cast<double>().Where(double.IsFinite));
        }

        return values.Count == 0 ? (double.NaN, double.NaN) : (values.Min(), values.Max());
    }

    /// <summary>max over actions of Q^I(s, a) per cell for agents facing <paramref name="direction"/>.</summary>
    public double[,] MaxOverActions(int direction) => Map(direction, (x, y, d) => Enumerable.Range(0, ActionCount).Max(a => _q[x, y, d, a]));

    /// <summary>Q^I(s, <paramref name="action"/>) per cell for agents facing <paramref name="direction"/>.</summary>
    public double[,] ActionQ(int direction, int action)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(action);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(action, ActionCount);
        return Map(direction, (x, y, d) => _q[x, y, d, action]);
    }

    /// <summary>π_r's action at (<paramref name="x"/>, <paramref name="y"/>) facing <paramref name="direction"/> (−1 where the agent cannot stand).</summary>
    public int PolicyAction(int x, int y, int direction) => double.IsNaN(_q[x, y, direction, 0]) ? -1 : _action[x, y, direction];

    private double[,] Map(int direction, Func<int, int, int, double> value)
    {
        GridDirection.Validate(direction, nameof(direction));
        return Reduce((x, y) => value(x, y, direction));
    }

    private double[,] Reduce(Func<int, int, double> value)
    {
        var result = new double[Width, Height];
        for (int x = 0; x < Width; x++)
        {
            for (int y = 0; y < Height; y++)
            {
                result[x, y] = double.IsNaN(_q[x, y, 0, 0]) ? double.NaN : value(x, y);
            }
        }

        return result;
    }

    private static void FillNaN(double[,,,] q)
    {
        for (int x = 0; x < q.GetLength(0); x++)
        {
            for (int y = 0; y < q.GetLength(1); y++)
            {
                for (int d = 0; d < q.GetLength(2); d++)
                {
                    for (int a = 0; a < q.GetLength(3); a++)
                    {
                        q[x, y, d, a] = double.NaN;
                    }
                }
            }
        }
    }
}
