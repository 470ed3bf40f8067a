using Aim.Core.Experts;
using Aim.Core.Resume;

namespace Aim.Envs.Grid.Experts;

/// <summary>
/// A deterministic expert that acts from the true state of a <see cref="GridEnv"/>: the first action of a shortest
/// action sequence to the goal, found by Dijkstra over (x, y, direction, carried key). It opens closed doors (toggle,
/// then forward), picks up a key to open a locked door of its colour, never steps into lava and ends on the goal.
/// </summary>
/// <remarks>
/// <para>The plan is cached and reused while the env follows it (same layout version, step count, pose, carried object,
/// and the door or pickup of the last planned action took effect); any deviation (a learner's action, a noisy action,
/// a reset) triggers a replan from the current state.</para>
/// <para>Costs count actions, so the plan is shortest in steps: each turn, move, pickup and toggle costs 1. Up to
/// <see cref="MaxKeys"/> keys are considered for pickup; balls and boxes are obstacles; objects are never dropped.</para>
/// <para>When no path exists (or the episode already ended on the goal or in lava) the expert answers
/// <see cref="GridAction.Done"/>.</para>
/// </remarks>
public sealed class ShortestPathExpert : IExpert<byte[], int>, IResumable
{
    /// <summary>The most keys the planner considers picking up.</summary>
    public const int MaxKeys = 4;

    private const byte ToggleThenForward = 7;
    private const byte NoAction = 255;

    private readonly GridEnv _env;
    private readonly int[] _distance;
    private readonly int[] _parent;
    private readonly byte[] _parentAction;
    private readonly PriorityQueue<int, int> _queue = new();
    private readonly int[] _keyCells = new int[MaxKeys];
    private readonly GridColor[] _keyColors = new GridColor[MaxKeys];
    private readonly List<PlanStep> _plan = [];
    private int _planVersion = -1;
    private int _planStartStep;
    private int _keyCount;

    /// <summary>Binds the expert to <paramref name="env"/>, whose true state it reads at every call.</summary>
    public ShortestPathExpert(GridEnv env)
    {
        ArgumentNullException.ThrowIfNull(env);
        _env = env;
        int states = env.Width * env.Height * 4 * (MaxKeys + 1);
        _distance = new int[states];
        _parent = new int[states];
        _parentAction = new byte[states];
    }

    /// <summary>Number of plans computed so far (a replan happens only when the state left the cached plan).</summary>
    public int PlanCount { get; private set; }

    /// <summary>The action the expert takes now; <paramref name="observation"/> is ignored (the true state is read).</summary>
    public int Act(byte[] observation) => Act();

    /// <summary>The action the expert takes in the env's current state.</summary>
    /// <exception cref="InvalidOperationException">The env has not been reset.</exception>
    public int Act()
    {
        int i = _env.StepCount - _planStartStep;
        if (!PlanStillValid(i))
        {
            Replan();
            i = 0;
        }

        return i < _plan.Count ? _plan[i].Action : (int)GridAction.Done;
    }

    /// <summary>The number of actions the expert needs from the current state to reach the goal, or −1 when it cannot.</summary>
    /// <exception cref="InvalidOperationException">The env has not been reset.</exception>
    public int StepsToGoal()
    {
        int i = _env.StepCount - _planStartStep;
        if (!PlanStillValid(i))
        {
            Replan();
            i = 0;
        }

        return _plan.Count == 0 ? -1 : _plan.Count - i;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Between episodes the planner holds nothing that decides its future actions: its cached plan belongs to the
    /// finished episode's layout and is rebuilt after the next reset. The section only checks the pairing.
    /// </remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("grid-planner");
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("grid-planner");
    }

    private bool PlanStillValid(int i)
    {
        if (_planVersion != _env.LayoutVersion || i < 0 || i >= _plan.Count)
        {
            return false;
        }

        PlanStep step = _plan[i];
        if (step.X != _env.AgentX || step.Y != _env.AgentY || step.Dir != _env.AgentDirection || step.Carrying != _env.Carrying)
        {
            return false;
        }

        // A toggle that left the door shut (for example a different action at the same pose) invalidates the plan.
        if (i > 0 && _plan[i - 1].Action == (int)GridAction.Toggle)
        {
            GridCell front = FrontCell();
            return front.Type == GridObjectType.Door && front.State == (byte)DoorState.Open;
        }

        return true;
    }

    private GridCell FrontCell()
    {
        int fx = _env.AgentX + GridDirection.Dx(_env.AgentDirection);
        int fy = _env.AgentY + GridDirection.Dy(_env.AgentDirection);
        return (uint)fx < (uint)_env.Width && (uint)fy < (uint)_env.Height ? _env.Cells[(fy * _env.Width) + fx] : GridCell.Wall;
    }

    private void Replan()
    {
        if (_env.AgentDirection < 0)
        {
            throw new InvalidOperationException("The env has no state yet: call Reset first.");
        }

        PlanCount++;
        _plan.Clear();
        _planVersion = _env.LayoutVersion;
        _planStartStep = _env.StepCount;
        CollectKeys();
        int width = _env.Width;
        int cellsPerLayer = width * _env.Height;
        int start = StateIndex((_env.AgentY * width) + _env.AgentX, _env.AgentDirection, 0, cellsPerLayer);
        GridCell under = _env.Cells[(_env.AgentY * width) + _env.AgentX];
        if (under.Type is GridObjectType.Goal or GridObjectType.Lava)
        {
            return;
        }

        int goal = Search(start, cellsPerLayer);
        if (goal >= 0)
        {
            BuildPlan(start, goal, cellsPerLayer);
        }
    }

    private void CollectKeys()
    {
        _keyCount = 0;
        if (!_env.Carrying.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<GridCell> cells = _env.Cells;
        for (int i = 0; i < cells.Length && _keyCount < MaxKeys; i++)
        {
            if (cells[i].Type == GridObjectType.Key)
            {
                _keyCells[_keyCount] = i;
                _keyColors[_keyCount] = cells[i].Color;
                _keyCount++;
            }
        }
    }

    /// <summary>Dijkstra with action costs 1 (turn, move, pickup) and 2 (toggle a door, then move through it).</summary>
    private int Search(int start, int cellsPerLayer)
    {
        int width = _env.Width;
        int height = _env.Height;
        ReadOnlySpan<GridCell> cells = _env.Cells;
        int used = cellsPerLayer * 4 * (_keyCount + 1);
        Array.Fill(_distance, int.MaxValue, 0, used);
        _queue.Clear();
        _distance[start] = 0;
        _parent[start] = -1;
        _parentAction[start] = NoAction;
        _queue.Enqueue(start, 0);
        while (_queue.TryDequeue(out int state, out int dist))
        {
            if (dist > _distance[state])
            {
                continue;
            }

            (int cell, int dir, int carry) = Decompose(state, cellsPerLayer);
            if (state != start && EffectiveCell(cells, cell, carry).Type == GridObjectType.Goal)
            {
                return state;
            }

            Relax(state, StateIndex(cell, (dir + 3) & 3, carry, cellsPerLayer), dist + 1, (byte)GridAction.Left);
            Relax(state, StateIndex(cell, (dir + 1) & 3, carry, cellsPerLayer), dist + 1, (byte)GridAction.Right);
            int fx = (cell % width) + GridDirection.Dx(dir);
            int fy = (cell / width) + GridDirection.Dy(dir);
            if ((uint)fx >= (uint)width || (uint)fy >= (uint)height)
            {
                continue;
            }

            int frontCell = (fy * width) + fx;
            GridCell front = EffectiveCell(cells, frontCell, carry);
            int frontState = StateIndex(frontCell, dir, carry, cellsPerLayer);
            if (front.Type == GridObjectType.Lava)
            {
                continue;
            }

            if (front.CanOverlap)
            {
                Relax(state, frontState, dist + 1, (byte)GridAction.Forward);
            }
            else if (front.Type == GridObjectType.Door && (front.State == (byte)DoorState.Closed || CarriesKeyFor(front.Color, carry)))
            {
                Relax(state, frontState, dist + 2, ToggleThenForward);
            }
            else if (front.Type == GridObjectType.Key && carry == 0 && _env.Carrying.IsEmpty)
            {
                int key = Array.IndexOf(_keyCells, frontCell, 0, _keyCount);
                if (key >= 0)
                {
                    Relax(state, StateIndex(cell, dir, key + 1, cellsPerLayer), dist + 1, (byte)GridAction.Pickup);
                }
            }
        }

        return -1;
    }

    private void Relax(int from, int to, int dist, byte action)
    {
        if (dist < _distance[to])
        {
            _distance[to] = dist;
            _parent[to] = from;
            _parentAction[to] = action;
            _queue.Enqueue(to, dist);
        }
    }

    private void BuildPlan(int start, int goal, int cellsPerLayer)
    {
        for (int s = goal; s != start; s = _parent[s])
        {
            int from = _parent[s];
            (int cell, int dir, int carry) = Decompose(from, cellsPerLayer);
            var pre = new PlanStep(cell % _env.Width, cell / _env.Width, dir, CarriedIn(carry), 0);
            if (_parentAction[s] == ToggleThenForward)
            {
                _plan.Add(pre with { Action = (int)GridAction.Forward });
                _plan.Add(pre with { Action = (int)GridAction.Toggle });
            }
            else
            {
                _plan.Add(pre with { Action = _parentAction[s] });
            }
        }

        _plan.Reverse();
    }

    private GridCell EffectiveCell(ReadOnlySpan<GridCell> cells, int cell, int carry) =>
        carry > 0 && _keyCells[carry - 1] == cell ? GridCell.Empty : cells[cell];

    private GridCell CarriedIn(int carry) => carry == 0 ? _env.Carrying : GridCell.Key(_keyColors[carry - 1]);

    private bool CarriesKeyFor(GridColor doorColor, int carry)
    {
        GridCell carried = CarriedIn(carry);
        return carried.Type == GridObjectType.Key && carried.Color == doorColor;
    }

    private static int StateIndex(int cell, int dir, int carry, int cellsPerLayer) => (((carry * cellsPerLayer) + cell) * 4) + dir;

    private static (int Cell, int Dir, int Carry) Decompose(int state, int cellsPerLayer) =>
        ((state >> 2) % cellsPerLayer, state & 3, (state >> 2) / cellsPerLayer);

    private readonly record struct PlanStep(int X, int Y, int Dir, GridCell Carrying, int Action);
}
