using Aim.Core.Random;

namespace Aim.Learning.Data;

/// <summary>
/// A fixed-capacity replay buffer in the HACO shape used by PVP and AIM: observation, next observation, novice action
/// (what the robot proposed), behaviour action (what was executed), intervention and intervention-start flags,
/// cost, the terminated/truncated flags and whether the step reached the task's goal. Reward is not stored: learning
/// is reward-free; the success flag is what goal-reaching critics (Thrifty-DAgger's Q_risk) need.
/// </summary>
/// <remarks>
/// Storage is flat float arrays (struct-of-arrays), so sampling a batch is a few memory copies. When full, the oldest
/// transition is overwritten; sampling draws uniformly from the <see cref="Count"/> valid slots, which is correct
/// after wrap-around (PVP's balanced-sampling check used the write position and broke there).
/// </remarks>
public sealed partial class HacoBuffer
{
    private readonly float[] _observations;
    private readonly float[] _nextObservations;
    private readonly float[] _noviceActions;
    private readonly float[] _behaviourActions;
    private readonly bool[] _interventions;
    private readonly bool[] _interventionStarts;
    private readonly float[] _costs;
    private readonly bool[] _terminated;
    private readonly bool[] _truncated;
    private readonly bool[] _successes;
    private int _next;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="capacity">Maximum number of transitions held (AIM code: 10k for MiniGrid, 50k for MetaDrive).</param>
    /// <param name="observationSize">Floats per observation.</param>
    /// <param name="actionSize">Floats per action (1 for discrete actions).</param>
    public HacoBuffer(int capacity, int observationSize, int actionSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(observationSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(actionSize);
        Capacity = capacity;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        _observations = new float[capacity * observationSize];
        _nextObservations = new float[capacity * observationSize];
        _noviceActions = new float[capacity * actionSize];
        _behaviourActions = new float[capacity * actionSize];
        _interventions = new bool[capacity];
        _interventionStarts = new bool[capacity];
        _costs = new float[capacity];
        _terminated = new bool[capacity];
        _truncated = new bool[capacity];
        _successes = new bool[capacity];
    }

    /// <summary>Maximum number of transitions.</summary>
    public int Capacity { get; }

    /// <summary>Floats per observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Floats per action.</summary>
    public int ActionSize { get; }

    /// <summary>Number of valid transitions (≤ <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Number of transitions ever added (keeps growing after wrap-around).</summary>
    public long TotalAdded { get; private set; }

    /// <summary>Appends a transition, overwriting the oldest when full.</summary>
    /// <param name="observation">s.</param>
    /// <param name="nextObservation">s′.</param>
    /// <param name="noviceAction">The action the robot proposed.</param>
    /// <param name="behaviourAction">The action executed (the expert's on intervention steps).</param>
    /// <param name="intervention">The expert was in control.</param>
    /// <param name="interventionStart">A takeover began on this step.</param>
    /// <param name="cost">The takeover cost of the step.</param>
    /// <param name="terminated">The episode ended inside the task after this step.</param>
    /// <param name="truncated">The episode was cut by a time limit after this step.</param>
    /// <param name="success">The step reached the task's goal (the environment's <c>StepInfo.IsSuccess</c>). Default false.</param>
    public void Add(
        ReadOnlySpan<float> observation,
        ReadOnlySpan<float> nextObservation,
        ReadOnlySpan<float> noviceAction,
        ReadOnlySpan<float> behaviourAction,
        bool intervention,
        bool interventionStart,
        float cost,
        bool terminated,
        bool truncated,
        bool success = false)
    {
        CheckLength(observation.Length, ObservationSize, nameof(observation));
        CheckLength(nextObservation.Length, ObservationSize, nameof(nextObservation));
        CheckLength(noviceAction.Length, ActionSize, nameof(noviceAction));
        CheckLength(behaviourAction.Length, ActionSize, nameof(behaviourAction));
        int i = _next;
        observation.CopyTo(_observations.AsSpan(i * ObservationSize, ObservationSize));
        nextObservation.CopyTo(_nextObservations.AsSpan(i * ObservationSize, ObservationSize));
        noviceAction.CopyTo(_noviceActions.AsSpan(i * ActionSize, ActionSize));
        behaviourAction.CopyTo(_behaviourActions.AsSpan(i * ActionSize, ActionSize));
        _interventions[i] = intervention;
        _interventionStarts[i] = interventionStart;
        _costs[i] = cost;
        _terminated[i] = terminated;
        _truncated[i] = truncated;
        _successes[i] = success;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
        TotalAdded++;
    }

    /// <summary>
    /// Maps a logical index (0 = oldest valid transition, Count − 1 = newest) to its storage slot.
    /// </summary>
    public int SlotOf(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Expected an index in [0, {Count - 1}].");
        }

        return Count < Capacity ? index : (_next + index) % Capacity;
    }

    /// <summary>Fills <paramref name="slots"/> with storage slots drawn uniformly with replacement from the valid transitions.</summary>
    /// <exception cref="InvalidOperationException">The buffer is empty.</exception>
    public void SampleSlots(Rng rng, Span<int> slots)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (Count == 0)
        {
            throw new InvalidOperationException("Cannot sample from an empty buffer.");
        }

        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = rng.NextInt(Count);
        }
    }

    /// <summary>The observation stored in <paramref name="slot"/>.</summary>
    public ReadOnlySpan<float> Observation(int slot) => _observations.AsSpan(slot * ObservationSize, ObservationSize);

    /// <summary>The next observation stored in <paramref name="slot"/>.</summary>
    public ReadOnlySpan<float> NextObservation(int slot) => _nextObservations.AsSpan(slot * ObservationSize, ObservationSize);

    /// <summary>The action the robot proposed in <paramref name="slot"/>.</summary>
    public ReadOnlySpan<float> NoviceAction(int slot) => _noviceActions.AsSpan(slot * ActionSize, ActionSize);

    /// <summary>The action executed in <paramref name="slot"/> (the expert's on intervention steps).</summary>
    public ReadOnlySpan<float> BehaviourAction(int slot) => _behaviourActions.AsSpan(slot * ActionSize, ActionSize);

    /// <summary>True when the expert was in control at <paramref name="slot"/>.</summary>
    public bool Intervention(int slot) => _interventions[slot];

    /// <summary>True when a takeover began at <paramref name="slot"/>.</summary>
    public bool InterventionStart(int slot) => _interventionStarts[slot];

    /// <summary>The takeover cost of <paramref name="slot"/>.</summary>
    public float Cost(int slot) => _costs[slot];

    /// <summary>True when the episode terminated after <paramref name="slot"/> (no bootstrap past it).</summary>
    public bool Terminated(int slot) => _terminated[slot];

    /// <summary>True when the episode was truncated after <paramref name="slot"/>.</summary>
    public bool Truncated(int slot) => _truncated[slot];

    /// <summary>True when the step stored in <paramref name="slot"/> reached the task's goal.</summary>
    public bool Success(int slot) => _successes[slot];

    /// <summary>Copies the given slots into a batch (arrays sized batch × width).</summary>
    public void Gather(ReadOnlySpan<int> slots, Batch batch, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (int k = 0; k < slots.Length; k++)
        {
            int s = slots[k];
            int row = offset + k;
            Observation(s).CopyTo(batch.Observations.AsSpan(row * ObservationSize, ObservationSize));
            NextObservation(s).CopyTo(batch.NextObservations.AsSpan(row * ObservationSize, ObservationSize));
            NoviceAction(s).CopyTo(batch.NoviceActions.AsSpan(row * ActionSize, ActionSize));
            BehaviourAction(s).CopyTo(batch.BehaviourActions.AsSpan(row * ActionSize, ActionSize));
            batch.Interventions[row] = _interventions[s] ? 1f : 0f;
            batch.InterventionStarts[row] = _interventionStarts[s] ? 1f : 0f;
            batch.Terminated[row] = _terminated[s] ? 1f : 0f;
            batch.Truncated[row] = _truncated[s] ? 1f : 0f;
            batch.Successes[row] = _successes[s] ? 1f : 0f;
        }
    }

    /// <summary>
    /// Copies the given slots into rows <paramref name="offset"/>… of <paramref name="batch"/>'s tensors, only the parts
    /// it holds: the same values as <see cref="Gather(ReadOnlySpan{int}, Batch, int)"/>, written straight into native
    /// memory.
    /// </summary>
    /// <exception cref="ArgumentException">The batch's widths differ from this buffer's, or the rows do not fit.</exception>
    public void Gather(ReadOnlySpan<int> slots, BatchTensors batch, int offset = 0)
    {
        CheckBatch(batch, offset, slots.Length);
        BatchViews views = batch.Views();
        for (int k = 0; k < slots.Length; k++)
        {
            CopyRow(slots[k], offset + k, views);
        }
    }

    /// <summary>
    /// Copies the transitions at logical indices <paramref name="firstIndex"/> … <paramref name="firstIndex"/> +
    /// <paramref name="count"/> − 1 (0 = oldest, see <see cref="SlotOf"/>) into the first rows of
    /// <paramref name="batch"/>'s tensors.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the valid transitions.</exception>
    /// <exception cref="ArgumentException">The batch's widths differ from this buffer's, or the rows do not fit.</exception>
    public void GatherRange(int firstIndex, int count, BatchTensors batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstIndex + count, Count, nameof(count));
        CheckBatch(batch, 0, count);
        BatchViews views = batch.Views();
        for (int k = 0; k < count; k++)
        {
            CopyRow(SlotOf(firstIndex + k), k, views);
        }
    }

    /// <summary>One transition into one row of the held parts (flags as 0/1 floats, labels as class indices).</summary>
    private void CopyRow(int s, int row, BatchViews views)
    {
        if (!views.Observations.IsEmpty)
        {
            Observation(s).CopyTo(views.Observations.Slice(row * ObservationSize, ObservationSize));
        }

        if (!views.NextObservations.IsEmpty)
        {
            NextObservation(s).CopyTo(views.NextObservations.Slice(row * ObservationSize, ObservationSize));
        }

        if (!views.NoviceActions.IsEmpty)
        {
            NoviceAction(s).CopyTo(views.NoviceActions.Slice(row * ActionSize, ActionSize));
        }

        if (!views.BehaviourActions.IsEmpty)
        {
            BehaviourAction(s).CopyTo(views.BehaviourActions.Slice(row * ActionSize, ActionSize));
        }

        if (!views.BehaviourLabels.IsEmpty)
        {
            // What to_type(Int64) made of the float label: truncation toward zero (labels are whole numbers).
            views.BehaviourLabels[row] = (long)_behaviourActions[s * ActionSize];
        }

        SetFlag(views.Interventions, row, _interventions[s]);
        SetFlag(views.InterventionStarts, row, _interventionStarts[s]);
        SetFlag(views.Terminated, row, _terminated[s]);
        SetFlag(views.Truncated, row, _truncated[s]);
        SetFlag(views.Successes, row, _successes[s]);
    }

    private static void SetFlag(Span<float> flags, int row, bool value)
    {
        if (!flags.IsEmpty)
        {
            flags[row] = value ? 1f : 0f;
        }
    }

    private void CheckBatch(BatchTensors batch, int offset, int rows)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.ObservationSize != ObservationSize || batch.ActionSize != ActionSize)
        {
            throw new ArgumentException(
                $"The batch holds observations of {batch.ObservationSize} and actions of {batch.ActionSize} floats; this buffer stores {ObservationSize} and {ActionSize}.",
                nameof(batch));
        }

        if (offset < 0 || offset + rows > batch.Size)
        {
            throw new ArgumentException($"Rows {offset}…{offset + rows - 1} do not fit a batch of {batch.Size}.", nameof(batch));
        }
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} has {actual} values; this buffer stores {expected}.", name);
        }
    }
}
