using Aim.Learning.Torch;
using static TorchSharp.torch;

namespace Aim.Learning.Data;

/// <summary>
/// A batch of transitions held in native tensors that are allocated once and refilled for every gradient step:
/// <see cref="HacoBuffer.Gather(ReadOnlySpan{int}, BatchTensors, int)"/> writes the sampled rows straight into them, so
/// a step allocates neither a managed batch array nor a new input tensor. The float layout and values are those of
/// <see cref="Batch"/> (flags as 0/1 floats). Only the <see cref="Fields"/> asked for exist.
/// </summary>
/// <remarks>
/// The tensors never join a dispose scope (<see cref="Dispose"/> frees them) and are overwritten by the next gather, so
/// a step must be done with them (backward included) before the next batch is gathered. Spans from
/// <see cref="Views"/> are valid until then.
/// </remarks>
public sealed class BatchTensors : IDisposable
{
    private readonly Tensor? _observations;
    private readonly Tensor? _nextObservations;
    private readonly Tensor? _noviceActions;
    private readonly Tensor? _behaviourActions;
    private readonly Tensor? _behaviourLabels;
    private readonly Tensor? _interventions;
    private readonly Tensor? _interventionStarts;
    private readonly Tensor? _terminated;
    private readonly Tensor? _truncated;
    private readonly Tensor? _successes;

    /// <summary>Allocates the tensors of <paramref name="fields"/> for <paramref name="size"/> rows (contents undefined until filled).</summary>
    /// <param name="size">Rows.</param>
    /// <param name="observationSize">Floats per observation.</param>
    /// <param name="actionSize">Floats per action (1 for discrete actions; <see cref="BatchFields.BehaviourLabels"/> needs 1).</param>
    /// <param name="fields">The parts to hold.</param>
    public BatchTensors(int size, int observationSize, int actionSize, BatchFields fields)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(observationSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(actionSize);
        if (fields.HasFlag(BatchFields.BehaviourLabels) && actionSize != 1)
        {
            throw new ArgumentException($"Labels are class indices of discrete actions (action size 1), got action size {actionSize}.", nameof(fields));
        }

        Size = size;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        Fields = fields;
        _observations = Allocate(BatchFields.Observations, observationSize);
        _nextObservations = Allocate(BatchFields.NextObservations, observationSize);
        _noviceActions = Allocate(BatchFields.NoviceActions, actionSize);
        _behaviourActions = Allocate(BatchFields.BehaviourActions, actionSize);
        _behaviourLabels = Allocate(BatchFields.BehaviourLabels, 0, ScalarType.Int64);
        _interventions = Allocate(BatchFields.Interventions, 0);
        _interventionStarts = Allocate(BatchFields.InterventionStarts, 0);
        _terminated = Allocate(BatchFields.Terminated, 0);
        _truncated = Allocate(BatchFields.Truncated, 0);
        _successes = Allocate(BatchFields.Successes, 0);
    }

    /// <summary>Rows in the batch.</summary>
    public int Size { get; }

    /// <summary>Floats per observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Floats per action.</summary>
    public int ActionSize { get; }

    /// <summary>The parts held.</summary>
    public BatchFields Fields { get; }

    /// <summary>s, <see cref="Size"/> × <see cref="ObservationSize"/>.</summary>
    /// <exception cref="InvalidOperationException">Not among <see cref="Fields"/> (likewise for every part).</exception>
    public Tensor Observations => Held(_observations, BatchFields.Observations);

    /// <summary>s′, <see cref="Size"/> × <see cref="ObservationSize"/>.</summary>
    public Tensor NextObservations => Held(_nextObservations, BatchFields.NextObservations);

    /// <summary>Robot-proposed actions, <see cref="Size"/> × <see cref="ActionSize"/>.</summary>
    public Tensor NoviceActions => Held(_noviceActions, BatchFields.NoviceActions);

    /// <summary>Executed actions, <see cref="Size"/> × <see cref="ActionSize"/>.</summary>
    public Tensor BehaviourActions => Held(_behaviourActions, BatchFields.BehaviourActions);

    /// <summary>Executed discrete actions as int64 class indices, <see cref="Size"/>.</summary>
    public Tensor BehaviourLabels => Held(_behaviourLabels, BatchFields.BehaviourLabels);

    /// <summary>1 where the expert was in control, <see cref="Size"/>.</summary>
    public Tensor Interventions => Held(_interventions, BatchFields.Interventions);

    /// <summary>1 where a takeover began, <see cref="Size"/>.</summary>
    public Tensor InterventionStarts => Held(_interventionStarts, BatchFields.InterventionStarts);

    /// <summary>1 where the episode terminated after the transition, <see cref="Size"/>.</summary>
    public Tensor Terminated => Held(_terminated, BatchFields.Terminated);

    /// <summary>1 where the episode was truncated after the transition, <see cref="Size"/>.</summary>
    public Tensor Truncated => Held(_truncated, BatchFields.Truncated);

    /// <summary>1 where the transition reached the task's goal, <see cref="Size"/>.</summary>
    public Tensor Successes => Held(_successes, BatchFields.Successes);

    /// <summary>Spans over the held tensors' memory for filling them (parts not held are empty spans).</summary>
    public BatchViews Views() => new(
        Span(_observations),
        Span(_nextObservations),
        Span(_noviceActions),
        Span(_behaviourActions),
        _behaviourLabels is null ? default : _behaviourLabels.Int64Span(),
        Span(_interventions),
        Span(_interventionStarts),
        Span(_terminated),
        Span(_truncated),
        Span(_successes));

    /// <summary>Copies the held parts of <paramref name="batch"/> (labels from its executed actions) into the tensors.</summary>
    /// <exception cref="ArgumentException">The batch's shape differs.</exception>
    public void CopyFrom(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Size != Size || batch.ObservationSize != ObservationSize || batch.ActionSize != ActionSize)
        {
            throw new ArgumentException(
                $"The batch is {batch.Size} × ({batch.ObservationSize}, {batch.ActionSize}); these tensors are {Size} × ({ObservationSize}, {ActionSize}).",
                nameof(batch));
        }

        BatchViews views = Views();
        CopyIfHeld(batch.Observations, views.Observations);
        CopyIfHeld(batch.NextObservations, views.NextObservations);
        CopyIfHeld(batch.NoviceActions, views.NoviceActions);
        CopyIfHeld(batch.BehaviourActions, views.BehaviourActions);
        for (int i = 0; i < views.BehaviourLabels.Length; i++)
        {
            views.BehaviourLabels[i] = (long)batch.BehaviourActions[i];
        }

        CopyIfHeld(batch.Interventions, views.Interventions);
        CopyIfHeld(batch.InterventionStarts, views.InterventionStarts);
        CopyIfHeld(batch.Terminated, views.Terminated);
        CopyIfHeld(batch.Truncated, views.Truncated);
        CopyIfHeld(batch.Successes, views.Successes);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _observations?.Dispose();
        _nextObservations?.Dispose();
        _noviceActions?.Dispose();
        _behaviourActions?.Dispose();
        _behaviourLabels?.Dispose();
        _interventions?.Dispose();
        _interventionStarts?.Dispose();
        _terminated?.Dispose();
        _truncated?.Dispose();
        _successes?.Dispose();
    }

    private static void CopyIfHeld(float[] source, Span<float> destination)
    {
        if (!destination.IsEmpty)
        {
            source.CopyTo(destination);
        }
    }

    private static Span<float> Span(Tensor? tensor) => tensor is null ? default : tensor.FloatSpan();

    /// <summary>A Size × width tensor (width 0: a vector of Size), outside any dispose scope; null when not asked for.</summary>
    private Tensor? Allocate(BatchFields field, int width, ScalarType type = ScalarType.Float32)
    {
        if (!Fields.HasFlag(field))
        {
            return null;
        }

        long[] shape = width == 0 ? new long[] { Size } : new long[] { Size, width };
        return empty(shape, type).DetachFromDisposeScope();
    }

    private Tensor Held(Tensor? tensor, BatchFields field) =>
        tensor ?? throw new InvalidOperationException($"This batch does not hold {field} (it holds {Fields}).");
}
