using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Data;
using TorchSharp;
using Aim.Learning.Torch;
using static TorchSharp.torch;

namespace Aim.Learning.Learners;

/// <summary>
/// Behaviour cloning on expert labels: the executed (behaviour) actions of a human buffer are the targets.
/// Cross-entropy on logits for discrete actions, mean squared error for continuous ones.
/// </summary>
public sealed class BcLearner : IDisposable, IResumable
{
    private readonly Policy _policy;
    private readonly Rng _rng;
    private readonly SafeAdam _optimizer;
    private int[] _slots = Array.Empty<int>();
    private int[] _resample = Array.Empty<int>();
    private BatchTensors? _tensors;

    /// <summary>Creates the learner and its optimiser for <paramref name="policy"/>.</summary>
    public BcLearner(Policy policy, BcOptions options, Rng rng)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _rng = rng ?? throw new ArgumentNullException(nameof(rng));
        _optimizer = new SafeAdam(policy.Network.parameters(), options.LearningRate);
    }

    /// <summary>The options in force.</summary>
    public BcOptions Options { get; }

    /// <summary>The policy being trained.</summary>
    public Policy Policy => _policy;

    /// <summary>
    /// Runs <paramref name="steps"/> gradient steps on batches from <paramref name="human"/> and returns the mean loss
    /// (NaN when no step ran).
    /// </summary>
    /// <exception cref="InvalidOperationException">The buffer is empty.</exception>
    public double Train(HacoBuffer human, int steps)
    {
        ArgumentNullException.ThrowIfNull(human);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (steps == 0)
        {
            return double.NaN;
        }

        if (human.Count == 0)
        {
            throw new InvalidOperationException("Behaviour cloning needs at least one expert-labelled transition.");
        }

        int batchSize = Options.BatchSize;
        BatchTensors tensors = Tensors(batchSize, human.ObservationSize, human.ActionSize);
        if (_slots.Length != batchSize)
        {
            _slots = new int[batchSize];
        }

        if (Options.Bootstrap)
        {
            DrawBootstrap(human);
        }

        double total = 0;
        for (int step = 0; step < steps; step++)
        {
            SampleSlots(human);
            human.Gather(_slots, tensors);
            total += Step(tensors);
        }

        return total / steps;
    }

    /// <summary>The loss on one batch without updating (for validation curves).</summary>
    public double Loss(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        BatchTensors tensors = Tensors(batch.Size, batch.ObservationSize, batch.ActionSize);
        tensors.CopyFrom(batch);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return LossTensor(tensors).item<float>();
    }

    /// <summary>One gradient step on <paramref name="batch"/>; returns its loss.</summary>
    public double Step(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        BatchTensors tensors = Tensors(batch.Size, batch.ObservationSize, batch.ActionSize);
        tensors.CopyFrom(batch);
        return Step(tensors);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _tensors?.Dispose();
    }

    /// <summary>One gradient step on a batch already in <see cref="_tensors"/>; returns its loss.</summary>
    private double Step(BatchTensors batch)
    {
        using var scope = NewDisposeScope();
        _optimizer.ZeroGrad();
        Tensor loss = LossTensor(batch);
        loss.backward();
        _optimizer.Step();
        return loss.item<float>();
    }

    /// <inheritdoc />
    /// <remarks>The sampling stream and the optimiser; the policy's weights belong to its owner's state.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("bc-learner");
        _rng.WriteState(writer);
        _optimizer.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("bc-learner");
        _rng.ReadState(reader);
        _optimizer.ReadState(reader);
    }

    /// <summary>Cross-entropy on the logits against the labels (discrete), or MSE against the executed actions.</summary>
    private Tensor LossTensor(BatchTensors batch)
    {
        Tensor output = _policy.Forward(batch.Observations);
        return _policy.Action.IsDiscrete
            ? nn.functional.cross_entropy(output, batch.BehaviourLabels)
            : nn.functional.mse_loss(output, batch.BehaviourActions);
    }

    /// <summary>The learner's batch tensors for this shape (made again only when the shape changes).</summary>
    private BatchTensors Tensors(int size, int observationSize, int actionSize)
    {
        if (_tensors is null || _tensors.Size != size || _tensors.ObservationSize != observationSize || _tensors.ActionSize != actionSize)
        {
            _tensors?.Dispose();
            BatchFields targets = _policy.Action.IsDiscrete ? BatchFields.BehaviourLabels : BatchFields.BehaviourActions;
            _tensors = new BatchTensors(size, observationSize, actionSize, BatchFields.Observations | targets);
        }

        return _tensors;
    }

    private void DrawBootstrap(HacoBuffer human)
    {
        if (_resample.Length != human.Count)
        {
            _resample = new int[human.Count];
        }

        for (int i = 0; i < _resample.Length; i++)
        {
            _resample[i] = human.SlotOf(_rng.NextInt(human.Count));
        }
    }

    private void SampleSlots(HacoBuffer human)
    {
        if (Options.Bootstrap)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = _resample[_rng.NextInt(_resample.Length)];
            }
        }
        else
        {
            human.SampleSlots(_rng, _slots);
        }
    }
}
