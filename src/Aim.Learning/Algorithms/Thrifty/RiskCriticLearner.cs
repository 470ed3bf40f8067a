using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Data;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Thrifty;

/// <summary>
/// Trains <see cref="RiskCritic"/> on every transition of both buffers (human and robot), with a fixed share of each
/// batch drawn from the success transitions (Thrifty's <c>pos_fraction</c>), the clipped double-Q target at the
/// ensemble's action, and a Polyak update of the targets every few gradient steps.
/// </summary>
public sealed class RiskCriticLearner : IDisposable, IResumable
{
    private readonly RiskCritic _critic;
    private readonly ThriftyOptions _options;
    private readonly Rng _rng;
    private readonly SafeAdam _optimizer;
    private readonly BatchTensors _batch;
    private readonly List<(bool Human, int Slot)> _positives = new();
    private readonly List<int> _humanSlots = new();
    private readonly List<int> _agentSlots = new();
    private readonly BatchTensors _nextChunk;
    private readonly BatchTensors _nextActions;
    private readonly int[] _chunkSlots;
    private float[] _humanNextActions = Array.Empty<float>();
    private float[] _agentNextActions = Array.Empty<float>();
    private bool _nextActionsHeld;
    private long _gradientSteps;

    /// <summary>Creates the learner and its optimiser.</summary>
    public RiskCriticLearner(RiskCritic critic, ThriftyOptions options, int observationSize, int actionSize, Rng rng)
    {
        _critic = critic ?? throw new ArgumentNullException(nameof(critic));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _rng = rng ?? throw new ArgumentNullException(nameof(rng));
        _optimizer = new SafeAdam(critic.Parameters(), options.RiskLearningRate);
        _batch = new BatchTensors(options.RiskBatchSize, observationSize, actionSize, Fields);
        _nextChunk = new BatchTensors(options.RiskBatchSize, observationSize, actionSize, BatchFields.NextObservations);
        _nextActions = new BatchTensors(options.RiskBatchSize, observationSize, actionSize, BatchFields.BehaviourActions);
        _chunkSlots = new int[options.RiskBatchSize];
    }

    /// <summary>What a critic step reads of a transition.</summary>
    private const BatchFields Fields = BatchFields.Observations | BatchFields.BehaviourActions | BatchFields.NextObservations
        | BatchFields.Successes | BatchFields.Terminated | BatchFields.Truncated;

    /// <summary>Success transitions found at the start of the last <see cref="Train"/>.</summary>
    public int Positives => _positives.Count;

    /// <summary>Runs <paramref name="steps"/> gradient steps; returns the mean loss (NaN when none ran).</summary>
    public double Train(TrainingContext context, BootstrapEnsemble ensemble, int steps)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ensemble);
        if (steps == 0)
        {
            return double.NaN;
        }

        FindPositives(context);
        HoldNextActions(context, ensemble, steps);
        double total = 0;
        for (int step = 0; step < steps; step++)
        {
            SampleBatch(context);
            total += Step(ensemble);
        }

        return total / steps;
    }

    /// <inheritdoc />
    /// <remarks>The sampling stream, the optimiser and the gradient-step count (it times the target updates).</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("risk-critic-learner");
        _rng.WriteState(writer);
        _optimizer.WriteState(writer);
        writer.Write(_gradientSteps);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("risk-critic-learner");
        _rng.ReadState(reader);
        _optimizer.ReadState(reader);
        _gradientSteps = reader.ReadInt64();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _batch.Dispose();
        _nextChunk.Dispose();
        _nextActions.Dispose();
    }

    /// <summary>
    /// One gradient step on the current batch (Thrifty's <c>update_q</c>). The twin critics and their targets are
    /// independent until Adam's step, so each pair of passes runs at once (<see cref="ConcurrentWork"/>): the gradients
    /// of MSE(Q1, y) + MSE(Q2, y) are those of each term alone, on disjoint parameters.
    /// </summary>
    private double Step(BootstrapEnsemble ensemble)
    {
        using var scope = NewDisposeScope();
        Tensor obs = _batch.Observations;
        Tensor actions = _batch.BehaviourActions;
        Tensor next = _batch.NextObservations;
        Tensor done = RiskCritic.Done(_batch.Terminated, _batch.Truncated);
        Tensor nextActions;
        using (no_grad())
        {
            nextActions = _nextActionsHeld ? HeldNextActions() : ensemble.ActTensor(next);
        }

        // y = r + γ (1 − done) min(Q̂1, Q̂2)(s′, π(s′)), π = the ensemble's action.
        var nextValues = new Tensor[2];
        ConcurrentWork.For(2, i =>
        {
            using var inner = NewDisposeScope();
            using var noGrad = no_grad();
            nextValues[i] = inner.Detach(_critic.Values(i == 0 ? _critic.Target1 : _critic.Target2, next, nextActions));
        });
        scope.Attach(nextValues);
        Tensor target = RiskCritic.TdTarget(_batch.Successes, done, nextValues[0], nextValues[1], _options.Gamma).detach();

        // The loss MSE(Q1(s, a), y) + MSE(Q2(s, a), y): each term's backward pass on its own critic.
        _optimizer.ZeroGrad();
        var losses = new float[2];
        ConcurrentWork.For(2, i =>
        {
            using var inner = NewDisposeScope();
            Tensor loss = nn.functional.mse_loss(_critic.Values(i == 0 ? _critic.Q1 : _critic.Q2, obs, actions), target);
            loss.backward();
            losses[i] = loss.item<float>();
        });
        _optimizer.Step();
        _gradientSteps++;
        if (_gradientSteps % _options.TargetUpdateEvery == 0)
        {
            _critic.PolyakUpdate(_options.Polyak);
        }

        // Single-precision sum, as the loss tensor's own sum was.
        return losses[0] + losses[1];
    }

    /// <summary>
    /// π(s′) for every transition, computed once per training call when that is cheaper than once per batch: the
    /// ensemble does not change while the critic trains, so π(s′) of a transition is the same at every step that draws
    /// it. The transitions go through the ensemble in chunks of the critic's batch size (the last one padded by
    /// repeating its last transition), so each row meets the same kernels, at the same batch size, as it would in a
    /// batch drawn at a step: the values are those the step would compute.
    /// </summary>
    private void HoldNextActions(TrainingContext context, BootstrapEnsemble ensemble, int steps)
    {
        int chunk = _batch.Size;
        int chunks = ChunkCount(context.Human.Count, chunk) + ChunkCount(context.Agent.Count, chunk);
        _nextActionsHeld = chunks < steps;
        if (_nextActionsHeld)
        {
            _humanNextActions = NextActions(context.Human, ensemble, _humanNextActions);
            _agentNextActions = NextActions(context.Agent, ensemble, _agentNextActions);
        }
    }

    private static int ChunkCount(int count, int chunk) => (count + chunk - 1) / chunk;

    /// <summary>π(s′) of every slot of <paramref name="buffer"/>, <c>ActionSize</c> floats per slot.</summary>
    private float[] NextActions(HacoBuffer buffer, BootstrapEnsemble ensemble, float[] reuse)
    {
        int width = buffer.ActionSize;
        float[] actions = reuse.Length == buffer.Count * width ? reuse : new float[buffer.Count * width];
        for (int first = 0; first < buffer.Count; first += _chunkSlots.Length)
        {
            int rows = Math.Min(_chunkSlots.Length, buffer.Count - first);
            for (int k = 0; k < _chunkSlots.Length; k++)
            {
                _chunkSlots[k] = first + Math.Min(k, rows - 1);
            }

            buffer.Gather(_chunkSlots, _nextChunk);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            ensemble.ActTensor(_nextChunk.NextObservations).contiguous().FloatSpan()[..(rows * width)]
                .CopyTo(actions.AsSpan(first * width));
        }

        return actions;
    }

    /// <summary>The held π(s′) of the current batch's rows: its human slots first, then its agent slots, as gathered.</summary>
    private Tensor HeldNextActions()
    {
        Span<float> rows = _nextActions.BehaviourActions.FloatSpan();
        int width = _nextActions.ActionSize;
        int row = 0;
        foreach (int slot in _humanSlots)
        {
            _humanNextActions.AsSpan(slot * width, width).CopyTo(rows.Slice(row++ * width, width));
        }

        foreach (int slot in _agentSlots)
        {
            _agentNextActions.AsSpan(slot * width, width).CopyTo(rows.Slice(row++ * width, width));
        }

        return _nextActions.BehaviourActions;
    }

    /// <summary>Success transitions of both buffers (scanned once per training call, not per batch).</summary>
    private void FindPositives(TrainingContext context)
    {
        _positives.Clear();
        for (int s = 0; s < context.Human.Count; s++)
        {
            if (context.Human.Success(s))
            {
                _positives.Add((true, s));
            }
        }

        for (int s = 0; s < context.Agent.Count; s++)
        {
            if (context.Agent.Success(s))
            {
                _positives.Add((false, s));
            }
        }
    }

    /// <summary>A batch from the union of both buffers, at least <c>SuccessFraction</c> of it success transitions.</summary>
    private void SampleBatch(TrainingContext context)
    {
        _humanSlots.Clear();
        _agentSlots.Clear();
        int n = _batch.Size;
        int positives = _positives.Count == 0 ? 0 : (int)Math.Ceiling(_options.SuccessFraction * n);
        int humanCount = context.Human.Count;
        int union = humanCount + context.Agent.Count;
        for (int i = 0; i < n; i++)
        {
            if (i < positives)
            {
                (bool human, int slot) = _positives[_rng.NextInt(_positives.Count)];
                (human ? _humanSlots : _agentSlots).Add(slot);
            }
            else
            {
                int k = _rng.NextInt(union);
                if (k < humanCount)
                {
                    _humanSlots.Add(k);
                }
                else
                {
                    _agentSlots.Add(k - humanCount);
                }
            }
        }

        context.Human.Gather(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_humanSlots), _batch);
        context.Agent.Gather(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_agentSlots), _batch, offset: _humanSlots.Count);
    }
}
