using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Pvp;

/// <summary>
/// PVP-DQN (discrete actions): a reward-free Q-network whose greedy action is the policy. Each step minimises
/// Huber TD (reward 0) on all samples plus the proxy-value term on intervention samples, on balanced batches, with
/// gradient-norm clipping and a Polyak target.
/// </summary>
public sealed class PvpDqnLearner : PvpValueLearner, IBatchActor
{
    private readonly ActionSpec _action;
    private readonly FeatureNetwork _q;
    private readonly FeatureNetwork _target;
    private readonly SafeAdam _optimizer;
    private long _gradientSteps;
    private readonly BatchTensors _batch;
    private readonly StagingTensor _input;

    /// <summary>Builds Q and its target (seed TorchSharp first for reproducible weights).</summary>
    /// <exception cref="ArgumentException">The actions are continuous (use <see cref="PvpTd3Learner"/>).</exception>
    public PvpDqnLearner(ObservationSpec observation, ActionSpec action, PvpValueOptions options, Rng rng)
        : base(observation, action, options, rng)
    {
        _action = action;
        if (!action.IsDiscrete)
        {
            throw new ArgumentException($"PVP-DQN needs discrete actions, got {action}.", nameof(action));
        }

        NetworkOptions network = options.Network ?? BcPolicyLearner.DefaultNetwork(observation);
        _q = new FeatureNetwork(observation, 0, action.Count, network);
        _target = new FeatureNetwork(observation, 0, action.Count, network);
        TargetNetworks.Copy(_q, _target);
        _optimizer = new SafeAdam(_q.parameters(), options.LearningRate);
        _batch = new BatchTensors(
            options.BatchSize,
            observation.Size,
            action.Dimension,
            BatchFields.Observations | BatchFields.BehaviourActions | BatchFields.NoviceActions | BatchFields.NextObservations
                | BatchFields.Terminated | BatchFields.Interventions);
        _input = new StagingTensor(observation.Size);
    }

    /// <inheritdoc />
    public override IActor Actor => this;

    /// <summary>The Q-network.</summary>
    public FeatureNetwork Network => _q;

    /// <inheritdoc />
    public ActionSpec Action => _action;

    /// <summary>The greedy actions argmax_a Q(s, a) of a batch, as B × 1 floats.</summary>
    public Tensor ActTensor(Tensor observations)
    {
        using var noGrad = no_grad();
        return _q.Forward(observations).argmax(1, keepdim: true).to_type(ScalarType.Float32);
    }

    /// <inheritdoc />
    public void Act(ReadOnlySpan<float> observations, int count, Span<float> actions)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using StagedTensor input = _input.Stage(observations, count);
        _q.Forward(input.Tensor).argmax(1).to_type(ScalarType.Float32).FloatSpan().CopyTo(actions[..count]);
    }

    /// <inheritdoc />
    protected override void WriteLearnerState(StateWriter writer)
    {
        TensorState.Write(writer, "pvp-dqn q", _q);
        TensorState.Write(writer, "pvp-dqn target", _target);
        _optimizer.WriteState(writer);
        writer.Write(_gradientSteps);
    }

    /// <inheritdoc />
    protected override void ReadLearnerState(StateReader reader)
    {
        TensorState.Read(reader, "pvp-dqn q", _q);
        TensorState.Read(reader, "pvp-dqn target", _target);
        _optimizer.ReadState(reader);
        _gradientSteps = reader.ReadInt64();
    }

    /// <summary>
    /// One file in <paramref name="directory"/>: <c>q.dat</c>, the Q-network. The target is not stored; a load copies Q
    /// into it.
    /// </summary>
    public override IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory) =>
        [new CheckpointEntry(Path.Combine(directory, "q.dat"), _q, _target)];

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _optimizer.Dispose();
            _q.Dispose();
            _target.Dispose();
            _batch.Dispose();
            _input.Dispose();
        }
    }

    /// <inheritdoc />
    protected override void Step(TrainingContext context)
    {
        Sampler.Sample(context, _batch);
        using var scope = NewDisposeScope();
        Tensor obs = _batch.Observations;
        Tensor behaviour = _batch.BehaviourActions.to_type(ScalarType.Int64);
        Tensor novice = _batch.NoviceActions.to_type(ScalarType.Int64);
        Tensor next = _batch.NextObservations;
        Tensor terminated = _batch.Terminated;
        Tensor intervention = _batch.Interventions;

        Tensor all = _q.Forward(obs);
        Tensor qHuman = all.gather(1, behaviour).squeeze(1);
        Tensor qNovice = all.gather(1, novice).squeeze(1);
        Tensor target;
        using (no_grad())
        {
            target = PvpLoss.TdTarget(_target.Forward(next).max(1).values, terminated, Options.Gamma);
        }

        // Huber TD on every sample + proxy values where the expert intervened (novice term where the actions differ).
        Tensor noOverlap = behaviour.ne(novice).squeeze(1).to_type(ScalarType.Float32);
        Tensor loss = PvpLoss.HuberTd(qHuman, target).Plus(PvpLoss.Proxy(qHuman, qNovice, intervention, noOverlap));
        _optimizer.ZeroGrad();
        loss.backward();
        nn.utils.clip_grad_norm_(_q.parameters(), Options.GradientClip);
        _optimizer.Step();
        _gradientSteps++;
        if (_gradientSteps % Options.SoftUpdateEvery == 0)
        {
            TargetNetworks.SoftUpdate(_q, _target, Options.Tau);
        }

        LastLoss = loss.item<float>();
        LastQHuman = qHuman.mean().item<float>();
        LastQNovice = qNovice.mean().item<float>();
    }
}
