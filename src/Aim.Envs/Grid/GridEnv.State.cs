using Aim.Core.Envs;
using Aim.Core.Metrics;
namespace Aim.Envs.Grid;

/// <summary>Read-only access to the true state, and snapshots for counterfactual evaluation.</summary>
public sealed partial class GridEnv
{
    /// <summary>The agent's column (−1 before the first reset).</summary>
    public int AgentX => _agentX;

    /// <inheritdoc />
    double IPositioned.PositionX => _agentX;

    /// <inheritdoc />
    double IPositioned.PositionY => _agentY;

    /// <inheritdoc />
    double IPositioned.Heading => _agentDir;

    /// <summary>
    /// The grid's safety-critical rule: lava lies in the cell directly ahead, so a single <c>forward</c> ends the
    /// episode as a failure. Lava beside or behind the agent does not count (two actions away: a turn, then forward).
    /// False before the first reset.
    /// </summary>
    public bool IsLavaAhead
    {
        get
        {
            if (_agentX < 0)
            {
                return false;
            }

            int fx = _agentX + GridDirection.Dx(_agentDir);
            int fy = _agentY + GridDirection.Dy(_agentDir);
            return fx >= 0 && fy >= 0 && fx < Width && fy < Height && _cells[(fy * Width) + fx].Type == GridObjectType.Lava;
        }
    }

    /// <inheritdoc />
    bool ISafetyCriticalState.IsSafetyCriticalState => IsLavaAhead;

    /// <summary>The agent's row (−1 before the first reset); y grows downwards.</summary>
    public int AgentY => _agentY;

    /// <summary>The agent's direction: 0 east, 1 south, 2 west, 3 north (−1 before the first reset).</summary>
    public int AgentDirection => _agentDir;

    /// <summary>The carried object, or <see cref="GridCell.Empty"/> when nothing is carried.</summary>
    public GridCell Carrying => _carrying;

    /// <summary>Steps taken since the last reset (MiniGrid's <c>step_count</c>).</summary>
    public int StepCount => _stepCount;

    /// <summary>The cells row by row (index <c>y·Width + x</c>); the agent is never stored in them.</summary>
    public ReadOnlySpan<GridCell> Cells => _cells;

    /// <summary>The content of cell (<paramref name="x"/>, <paramref name="y"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cell lies outside the grid.</exception>
    public GridCell CellAt(int x, int y)
    {
        ValidateCell(x, y);
        return _cells[(y * Width) + x];
    }

    /// <summary>
    /// Copies the episode state (cells, agent, carried object, step count and the frame stack) into
    /// <paramref name="reuse"/> when given (no allocation) or a new snapshot.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called before the first reset.</exception>
    /// <exception cref="ArgumentException"><paramref name="reuse"/> was taken from an env of another size or stack depth.</exception>
    public GridSnapshot CaptureState(GridSnapshot? reuse = null)
    {
        EnsureReset();
        GridSnapshot snapshot = reuse ?? new GridSnapshot(_cells.Length, _observation.Length);
        EnsureCompatible(snapshot, nameof(reuse));
        _cells.CopyTo(snapshot.Cells, 0);
        _observation.CopyTo(snapshot.Observation, 0);
        snapshot.AgentX = _agentX;
        snapshot.AgentY = _agentY;
        snapshot.AgentDirection = _agentDir;
        snapshot.Carrying = _carrying;
        snapshot.StepCount = _stepCount;
        return snapshot;
    }

    /// <summary>Restores a state taken by <see cref="CaptureState"/> on this env (or one of the same task and options).</summary>
    /// <exception cref="ArgumentException">The snapshot comes from an env of another size or stack depth.</exception>
    public void RestoreState(GridSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        EnsureCompatible(snapshot, nameof(snapshot));
        snapshot.Cells.CopyTo(_cells, 0);
        snapshot.Observation.CopyTo(_observation, 0);
        _agentX = snapshot.AgentX;
        _agentY = snapshot.AgentY;
        _agentDir = snapshot.AgentDirection;
        _carrying = snapshot.Carrying;
        _stepCount = snapshot.StepCount;
        _hasReset = true;
        LayoutVersion++;
    }

    private void EnsureCompatible(GridSnapshot snapshot, string paramName)
    {
        if (snapshot.Cells.Length != _cells.Length || snapshot.Observation.Length != _observation.Length)
        {
            throw new ArgumentException(
                $"The snapshot holds {snapshot.Cells.Length} cells and {snapshot.Observation.Length} observation bytes; this env has {_cells.Length} and {_observation.Length}.",
                paramName);
        }
    }

    private void ValidateCell(int x, int y)
    {
        if ((uint)x >= (uint)Width)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"x must lie in [0, {Width - 1}].");
        }

        if ((uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"y must lie in [0, {Height - 1}].");
        }
    }
}
