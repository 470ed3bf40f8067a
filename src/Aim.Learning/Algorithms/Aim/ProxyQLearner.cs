using System.Buffers;
using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Aim;

/// <summary>
/// Trains <see cref="ProxyQ"/> on J = J_AIM + w·J_TD: expert actions of the human buffer are labelled −1, robot
/// actions that deviate from them +1 (<see cref="AimOptions.PositiveLabel"/> says which robot action), and the
/// reward-free TD term propagates the labels to states the expert never labelled. Gradient-norm clipping and a
/// Polyak target after every step.
/// </summary>
public sealed class ProxyQLearner : IDisposable, IResumable
{
    private readonly ProxyQ _q;
    private readonly AimOptions _options;
    private readonly Rng _rng;
    private readonly SafeAdam _optimizer;
    private BatchTensors? _human;
    private BatchTensors? _td;
    private int[] _slots = Array.Empty<int>();
    private double _positiveSum;
    private int _positiveSteps;

    /// <summary>Creates the learner and its optimiser.</summary>
    /// <param name="q">The network pair to train.</param>
    /// <param name="options">AIM's options (batch size, learning rate, labels, TD term).</param>
    /// <param name="rng">Random stream of the batches.</param>
    public ProxyQLearner(ProxyQ q, AimOptions options, Rng rng)
    {
        _q = q ?? throw new ArgumentNullException(nameof(q));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _rng = rng ?? throw new ArgumentNullException(nameof(rng));
        _optimizer = new SafeAdam(q.Online.parameters(), options.QLearningRate);
    }

    /// <summary>J on the last gradient step (NaN before the first).</summary>
    public double LastLoss { get; private set; } = double.NaN;

    /// <summary>Mean Q^I(s, a_h) on the last batch (NaN before the first).</summary>
    public double LastQExpert { get; private set; } = double.NaN;

    /// <summary>
    /// Fraction of human-buffer samples that carried a +1 label, averaged over the gradient steps of the last
    /// <see cref="Train"/> (NaN before the first). Near 0 means J_AIM's +1 term is empty and Q^I cannot separate
    /// the robot's mistakes from the expert's actions.
    /// </summary>
    public double PositiveFraction { get; private set; } = double.NaN;

    /// <summary>Runs <paramref name="steps"/> gradient steps against the current robot policy.</summary>
    /// <param name="context">The buffers.</param>
    /// <param name="robot">π_r, re-queried at every batch.</param>
    /// <param name="epsilon">ε: a continuous robot action deviates when its mean squared difference exceeds it.</param>
    /// <param name="steps">Gradient steps.</param>
    public void Train(TrainingContext context, IBatchActor robot, double epsilon, int steps)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(robot);
        _positiveSum = 0;
        _positiveSteps = 0;
        for (int i = 0; i < steps; i++)
        {
            Step(context, robot, epsilon);
        }

        if (_positiveSteps > 0)
        {
            PositiveFraction = _positiveSum / _positiveSteps;
        }
    }

    /// <summary>
    /// Q^I(s, a) on <paramref name="count"/> transitions drawn with replacement from <paramref name="buffer"/>:
    /// a = π_r(s) now, or with <paramref name="storedNovice"/> the robot action stored with the transition (the AIM
    /// MiniGrid code's β sample).
    /// </summary>
    public double[] SampleRobotValues(HacoBuffer buffer, int count, IBatchActor robot, bool storedNovice = false)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        BatchFields fields = BatchFields.Observations | (storedNovice ? BatchFields.NoviceActions : BatchFields.None);
        using var batch = new BatchTensors(count, buffer.ObservationSize, buffer.ActionSize, fields);
        int[] slots = ArrayPool<int>.Shared.Rent(count);
        try
        {
            buffer.SampleSlots(_rng, slots.AsSpan(0, count));
            buffer.Gather(slots.AsSpan(0, count), batch);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slots);
        }

        return storedNovice
            ? _q.ValuesOf(batch.Observations, batch.NoviceActions)
            : _q.RobotValues(batch.Observations, robot);
    }

    /// <inheritdoc />
    /// <remarks>The sampling stream, the optimiser and the statistics reported at the next evaluation.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("proxy-q-learner");
        _rng.WriteState(writer);
        _optimizer.WriteState(writer);
        writer.Write(LastLoss);
        writer.Write(LastQExpert);
        writer.Write(PositiveFraction);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("proxy-q-learner");
        _rng.ReadState(reader);
        _optimizer.ReadState(reader);
        LastLoss = reader.ReadDouble();
        LastQExpert = reader.ReadDouble();
        PositiveFraction = reader.ReadDouble();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _human?.Dispose();
        _td?.Dispose();
    }

    /// <summary>One gradient step of Q^I on a batch of expert labels (and, for J_TD, of all transitions).</summary>
    private void Step(TrainingContext context, IBatchActor robot, double epsilon)
    {
        int n = _options.QBatchSize;
        EnsureBatches(context, n);
        context.Human.SampleSlots(_rng, _slots);
        context.Human.Gather(_slots, _human!);

        using var scope = NewDisposeScope();
        Tensor obs = _human!.Observations;
        Tensor expertActions = _human.BehaviourActions;
        Tensor qExpert = _q.Values(obs, expertActions);

        // The +1 candidates: a_r re-drawn from the current policy at the human-buffer states, and/or the novice
        // action the expert overrode when the sample was collected.
        (Tensor Q, Tensor Deviates)? current = null;
        (Tensor Q, Tensor Deviates)? stored = null;
        if (_options.PositiveLabel != AimPositiveLabel.StoredNovice)
        {
            Tensor robotActions;
            using (no_grad())
            {
                robotActions = robot.ActTensor(obs);
            }

            current = (_q.Values(obs, robotActions), Deviates(robotActions, expertActions, epsilon));
        }

        if (_options.PositiveLabel != AimPositiveLabel.CurrentPolicy)
        {
            Tensor noviceActions = _human.NoviceActions;
            stored = (_q.Values(obs, noviceActions), Deviates(noviceActions, expertActions, epsilon));
        }

        Tensor loss;
        if (_options.Labels == AimLabelMode.RegressionTargets)
        {
            // J_AIM: Q(s, a_h) → −1; Q(s, a_r) → +1 where a_r deviates.
            loss = AimLoss.Regression(qExpert, current?.Q ?? stored!.Value.Q, current?.Deviates ?? stored!.Value.Deviates);
            if (current is not null && stored is { } both)
            {
                loss = loss.Plus(AimLoss.PositiveTerm(both.Q, both.Deviates));
            }

            if (_options.TdWeight > 0)
            {
                loss = loss.Plus(TdLoss(context, robot, n).Times(_options.TdWeight));
            }
        }
        else
        {
            Tensor next = _human.NextObservations;
            Tensor terminated = _human.Terminated;
            (Tensor qPositive, Tensor deviates) = current ?? stored!.Value;
            loss = AimLoss.RewardLabels(qExpert, qPositive, deviates, _q.NextValues(next, robot, _options.TdTarget), terminated, _options.Gamma);
            if (_options.TdWeight > 0 && context.Agent.Count > 0)
            {
                loss = loss.Plus(TdLoss(context, robot, n, agentOnly: true).Times(_options.TdWeight));
            }
        }

        _optimizer.ZeroGrad();
        loss.backward();
        nn.utils.clip_grad_norm_(_q.Online.parameters(), _options.GradientClip);
        _optimizer.Step();
        _q.SoftUpdate(_options.Tau);
        LastLoss = loss.item<float>();
        LastQExpert = qExpert.mean().item<float>();
        Tensor positive = current is not null && stored is not null
            ? current.Value.Deviates.maximum(stored.Value.Deviates)
            : (current ?? stored!.Value).Deviates;
        _positiveSum += positive.mean().item<float>();
        _positiveSteps++;
    }

    /// <summary>J_TD = E[(Q(s, a) − γ(1 − d)V̂(s′))²] over transitions drawn half from B_h, half from B_r.</summary>
    private Tensor TdLoss(TrainingContext context, IBatchActor robot, int n, bool agentOnly = false)
    {
        int fromAgent = context.Agent.Count == 0 ? 0 : agentOnly ? n : n / 2;
        int fromHuman = n - fromAgent;
        Span<int> slots = _slots.AsSpan(0, n);
        if (fromHuman > 0)
        {
            context.Human.SampleSlots(_rng, slots[..fromHuman]);
            context.Human.Gather(slots[..fromHuman], _td!);
        }

        if (fromAgent > 0)
        {
            context.Agent.SampleSlots(_rng, slots[fromHuman..]);
            context.Agent.Gather(slots[fromHuman..], _td!, offset: fromHuman);
        }

        Tensor target = AimLoss.TdTarget(_q.NextValues(_td!.NextObservations, robot, _options.TdTarget), _td.Terminated, _options.Gamma);
        return AimLoss.Td(_q.Values(_td.Observations, _td.BehaviourActions), target);
    }

    /// <summary>f(a, a_h): a different discrete action, or a mean squared difference above ε.</summary>
    private Tensor Deviates(Tensor actions, Tensor expertActions, double epsilon)
    {
        if (_q.Action.IsDiscrete)
        {
            return actions.ne(expertActions).squeeze(1).to_type(ScalarType.Float32);
        }

        return actions.Minus(expertActions).Squared().mean(new long[] { 1 }).GreaterThan(epsilon).to_type(ScalarType.Float32);
    }

    private void EnsureBatches(TrainingContext context, int n)
    {
        if (_human is null || _human.Size != n)
        {
            _human?.Dispose();
            _td?.Dispose();
            int obsSize = context.Human.ObservationSize;
            int actSize = context.Human.ActionSize;
            _human = new BatchTensors(n, obsSize, actSize, HumanFields());
            _td = new BatchTensors(n, obsSize, actSize, BatchFields.Observations | BatchFields.BehaviourActions | BatchFields.NextObservations | BatchFields.Terminated);
            _slots = new int[n];
        }
    }

    /// <summary>What a step reads of the human batch: s and a_h always; a_n for the stored +1 candidate; s′ and d for reward labels.</summary>
    private BatchFields HumanFields()
    {
        BatchFields fields = BatchFields.Observations | BatchFields.BehaviourActions;
        if (_options.PositiveLabel != AimPositiveLabel.CurrentPolicy)
        {
            fields |= BatchFields.NoviceActions;
        }

        if (_options.Labels != AimLabelMode.RegressionTargets)
        {
            fields |= BatchFields.NextObservations | BatchFields.Terminated;
        }

        return fields;
    }
}
