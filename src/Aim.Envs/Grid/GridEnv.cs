using Aim.Core.Envs;
using Aim.Core.Metrics;
using Aim.Core.Random;
using Aim.Core.Spaces;
using Aim.Envs.Grid.Tasks;

namespace Aim.Envs.Grid;

/// <summary>
/// A grid world with MiniGrid 3.1.0's semantics: walls, doors, keys, balls, boxes, goal and lava; seven actions; an
/// egocentric 7×7×3 symbolic view with MiniGrid's occlusion rule, stacked over <see cref="GridEnvOptions.FrameStack"/>
/// frames. Create one with <see cref="GridTasks.Create"/> or <see cref="MiniGridInterop.CreateEnv"/>.
/// </summary>
/// <remarks>
/// <para><b>Observation.</b> Channel-first bytes of shape (3K, 7, 7), index <c>[(3f + c)·49 + vy·7 + vx]</c>: f = 0 is the
/// oldest frame, c ∈ {type, colour, state}, vy the view row (0 farthest, 6 the agent's row), vx the view column; the agent
/// sits at (vx, vy) = (3, 6) looking toward vy = 0. This is the AIM code's <c>FrameStack(4)</c> + <c>ConcatenateChannel</c>
/// layout. At reset the stack holds K copies of the reset frame. The array is a buffer owned by the env and overwritten by
/// the next <see cref="Reset"/> or <see cref="Step"/>: copy it to keep it.</para>
/// <para><b>Reward and ends.</b> Reaching the goal on step k gives <c>1 − 0.9·k/maxSteps</c> and terminates; stepping into
/// lava terminates with reward 0 and <see cref="StepInfo.Cost"/> 1; the step limit truncates (both flags can be true).
/// <see cref="StepInfo.IsSuccess"/> is reward &gt; 0.</para>
/// <para><b>No episode guard</b>, as in MiniGrid: stepping after the episode ended keeps applying the rules (truncated
/// stays true once the limit is reached). Callers reset.</para>
/// <para>The grid is a flat array of 4-byte cells and a step allocates nothing.</para>
/// </remarks>
public sealed partial class GridEnv : IEnv<byte[], int>, IPositioned, ISafetyCriticalState
{
    /// <summary>Side of the egocentric view (MiniGrid's <c>agent_view_size</c>).</summary>
    public const int ViewSize = 7;

    /// <summary>Bytes in one egocentric frame (7·7·3).</summary>
    public const int FrameLength = ViewSize * ViewSize * 3;

    private static readonly Discrete s_actionSpace = new(7);

    private readonly GridGenerator _generator;
    private readonly GridCell[] _cells;
    private readonly byte[] _observation;
    private Rng _rng = new(0);
    private int _agentX = -1;
    private int _agentY = -1;
    private int _agentDir = -1;
    private GridCell _carrying = GridCell.Empty;
    private int _stepCount;
    private bool _hasReset;

    internal GridEnv(GridGenerator generator, GridEnvOptions? options)
    {
        options ??= new GridEnvOptions();
        options.Validate();
        _generator = generator;
        Options = options;
        Width = generator.Width;
        Height = generator.Height;
        MaxSteps = options.MaxSteps ?? generator.MaxSteps;
        SeeThroughWalls = options.SeeThroughWalls ?? generator.SeeThroughWalls;
        FrameStack = options.FrameStack;
        _cells = new GridCell[Width * Height];
        _observation = new byte[FrameStack * FrameLength];
        ObservationSpace = new Box<byte>(0, 10, 3 * FrameStack, ViewSize, ViewSize);
    }

    /// <summary>The task name (as given to <see cref="GridTasks.Create"/>).</summary>
    public string TaskName => _generator.Name;

    /// <summary>The options the env was built with.</summary>
    public GridEnvOptions Options { get; }

    /// <summary>Grid width in cells.</summary>
    public int Width { get; }

    /// <summary>Grid height in cells.</summary>
    public int Height { get; }

    /// <summary>The step limit (MiniGrid's <c>max_steps</c>, or <see cref="GridEnvOptions.MaxSteps"/>).</summary>
    public int MaxSteps { get; }

    /// <summary>MiniGrid's <c>see_through_walls</c>: when true every view cell is visible.</summary>
    public bool SeeThroughWalls { get; }

    /// <summary>The number of stacked frames K.</summary>
    public int FrameStack { get; }

    /// <summary>Bytes, of shape (3K, 7, 7), values in [0, 10].</summary>
    public ISpace<byte[]> ObservationSpace { get; }

    /// <summary>Discrete(7): left, right, forward, pickup, drop, toggle, done (see <see cref="GridAction"/>).</summary>
    public ISpace<int> ActionSpace => s_actionSpace;

    /// <summary>
    /// Increases whenever the layout is replaced other than by a step (reset, <see cref="RestoreState"/>), so planners can
    /// tell that a cached plan is stale.
    /// </summary>
    public int LayoutVersion { get; private set; }

    /// <inheritdoc />
    /// <remarks>An env never seeded draws its first layout from seed 0's stream.</remarks>
    public ResetResult<byte[]> Reset(int? seed = null)
    {
        ResetState(seed);
        FillStack();
        return new ResetResult<byte[]>(_observation, default);
    }

    /// <summary>
    /// Starts a new episode like <see cref="Reset"/> but does not build the observation (the buffer is left stale until the
    /// next <see cref="Reset"/>, <see cref="RefreshObservation"/>); for planners and the bare-step benchmark.
    /// </summary>
    public void ResetWithoutObservation(int? seed = null) => ResetState(seed);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The action is outside 0..6.</exception>
    /// <exception cref="InvalidOperationException">Called before the first reset.</exception>
    public StepResult<byte[]> Step(int action)
    {
        StepResult<byte[]> result = StepWithoutObservation(action);
        PushFrame();
        return result;
    }

    /// <summary>
    /// Applies <paramref name="action"/> exactly like <see cref="Step"/> but does not build the observation: the returned
    /// array is the stale buffer, and the frame stack misses this step until <see cref="RefreshObservation"/>. The rules,
    /// reward and flags are identical.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The action is outside 0..6.</exception>
    /// <exception cref="InvalidOperationException">Called before the first reset.</exception>
    public StepResult<byte[]> StepWithoutObservation(int action)
    {
        if (!_hasReset)
        {
            throw new InvalidOperationException("Step was called before Reset: call Reset first.");
        }

        s_actionSpace.EnsureContains(action, nameof(action));
        _stepCount++;
        double reward = 0.0;
        bool terminated = false;
        double cost = 0.0;
        int fx = _agentX + GridDirection.Dx(_agentDir);
        int fy = _agentY + GridDirection.Dy(_agentDir);
        int front = (fy * Width) + fx;
        GridCell cell = _cells[front];
        switch (action)
        {
            case (int)GridAction.Left:
                _agentDir = (_agentDir + 3) & 3;
                break;
            case (int)GridAction.Right:
                _agentDir = (_agentDir + 1) & 3;
                break;
            case (int)GridAction.Forward:
                if (cell.CanOverlap)
                {
                    _agentX = fx;
                    _agentY = fy;
                }

                if (cell.Type == GridObjectType.Goal)
                {
                    terminated = true;

                    // MiniGrid's formula, evaluated in this order: (0.9*k)/T differs in the last bit for some k.
                    reward = 1.0 - (0.9 * ((double)_stepCount / MaxSteps));
                }
                else if (cell.Type == GridObjectType.Lava)
                {
                    terminated = true;
                    cost = 1.0;
                }

                break;
            case (int)GridAction.Pickup:
                if (cell.CanPickup && _carrying.IsEmpty)
                {
                    _carrying = cell;
                    _cells[front] = GridCell.Empty;
                }

                break;
            case (int)GridAction.Drop:
                if (cell.IsEmpty && !_carrying.IsEmpty)
                {
                    _cells[front] = _carrying;
                    _carrying = GridCell.Empty;
                }

                break;
            case (int)GridAction.Toggle:
                _cells[front] = Toggle(cell);
                break;
            default:
                break;
        }

        bool truncated = _stepCount >= MaxSteps;
        return new StepResult<byte[]>(_observation, reward, terminated, truncated, new StepInfo(IsSuccess: reward > 0, Cost: cost));
    }

    /// <summary>Rebuilds the observation from the current state as at reset (K copies of the current frame) and returns it.</summary>
    /// <exception cref="InvalidOperationException">Called before the first reset.</exception>
    public byte[] RefreshObservation()
    {
        EnsureReset();
        FillStack();
        return _observation;
    }

    /// <inheritdoc />
    public RgbFrame Render()
    {
        EnsureReset();
        return GridRenderer.Render(this, Options.TileSize);
    }

    /// <summary>
    /// Draws the grid as <see cref="Render()"/> does, with the cells the agent sees now lightened (MiniGrid's
    /// <c>highlight=True</c>: each pixel moved 30 % of the way to white), so a viewer sees what the agent's decision rests on.
    /// </summary>
    /// <param name="highlightView">Lighten the visible cells; false gives <see cref="Render()"/>'s picture.</param>
    public RgbFrame Render(bool highlightView)
    {
        RgbFrame frame = Render();
        if (!highlightView)
        {
            return frame;
        }

        Span<byte> view = stackalloc byte[FrameLength];
        WriteFrame(_agentX, _agentY, _agentDir, view);
        int fx = GridDirection.Dx(_agentDir);
        int fy = GridDirection.Dy(_agentDir);
        int tile = Options.TileSize;
        for (int vy = 0; vy < ViewSize; vy++)
        {
            for (int vx = 0; vx < ViewSize; vx++)
            {
                // View cell (vx, vy) lies (6 − vy) cells ahead and (vx − 3) cells to the right; right is (−fy, fx).
                int wx = _agentX + ((ViewSize - 1 - vy) * fx) - ((vx - (ViewSize / 2)) * fy);
                int wy = _agentY + ((ViewSize - 1 - vy) * fy) + ((vx - (ViewSize / 2)) * fx);
                if (view[(vy * ViewSize) + vx] != (byte)GridObjectType.Unseen && (uint)wx < (uint)Width && (uint)wy < (uint)Height)
                {
                    Lighten(frame, wx * tile, wy * tile, tile);
                }
            }
        }

        return frame;
    }

    /// <summary>
    /// Draws what the agent sees now (the current frame of the observation): its 7 × 7 view with the agent at the bottom
    /// middle facing up and unseen cells dark, as MiniGrid's <c>get_obs_render</c>.
    /// </summary>
    /// <param name="tile">Pixels per cell (default 16).</param>
    public RgbFrame RenderView(int tile = 16)
    {
        EnsureReset();
        ArgumentOutOfRangeException.ThrowIfLessThan(tile, 2);
        Span<byte> frame = stackalloc byte[FrameLength];
        WriteFrame(_agentX, _agentY, _agentDir, frame);
        return GridRenderer.RenderView(frame, tile);
    }

    private static void Lighten(RgbFrame frame, int left, int top, int tile)
    {
        byte[] pixels = frame.Pixels;
        for (int y = top; y < top + tile; y++)
        {
            for (int i = ((y * frame.Width) + left) * 3, end = i + (tile * 3); i < end; i++)
            {
                pixels[i] = (byte)(pixels[i] + ((255 - pixels[i]) * 3 / 10));
            }
        }
    }

    private GridCell Toggle(GridCell cell)
    {
        switch (cell.Type)
        {
            case GridObjectType.Door when cell.State == (byte)DoorState.Locked:
                bool hasKey = _carrying.Type == GridObjectType.Key && _carrying.Color == cell.Color;
                return hasKey ? cell with { State = (byte)DoorState.Open } : cell;
            case GridObjectType.Door:
                return cell with { State = cell.State == (byte)DoorState.Open ? (byte)DoorState.Closed : (byte)DoorState.Open };
            case GridObjectType.Box:
                return cell.Unbox();
            default:
                return cell;
        }
    }

    private void ResetState(int? seed)
    {
        if (seed is int s)
        {
            _rng = new Rng(s);
        }

        Array.Fill(_cells, GridCell.Empty);
        _agentX = -1;
        _agentY = -1;
        _agentDir = -1;
        _generator.Generate(this, _rng);
        if (_agentX < 0 || _agentDir < 0 || !CellAt(_agentX, _agentY).CanOverlap)
        {
            throw new InvalidOperationException($"Task '{TaskName}' placed the agent at ({_agentX}, {_agentY}) dir {_agentDir}, which is not a free cell.");
        }

        _carrying = GridCell.Empty;
        _stepCount = 0;
        _hasReset = true;
        LayoutVersion++;
    }

    private void EnsureReset()
    {
        if (!_hasReset)
        {
            throw new InvalidOperationException("The env has no state yet: call Reset first.");
        }
    }
}
