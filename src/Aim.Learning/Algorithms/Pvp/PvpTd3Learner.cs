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
/// PVP-TD3 (continuous actions): twin reward-free critics trained with TD (masked where a takeover starts) plus the
/// proxy-value term masked per sample, a deterministic tanh actor maximising Q1 every <c>PolicyDelay</c> critic steps,
/// target-policy smoothing, and Polyak targets updated with the actor.
/// </summary>
public sealed class PvpTd3Learner : PvpValueLearner
{
    private readonly ActionSpec _action;
    private readonly Policy _actor;
    private readonly Policy _targetActor;
    private readonly FeatureNetwork _q1;
    private readonly FeatureNetwork _q2;
    private readonly FeatureNetwork _target1;
    private readonly FeatureNetwork _target2;
    private readonly SafeAdam _actorOptimizer;
    private readonly SafeAdam _criticOptimizer;
    private readonly Rng _rng;
    private readonly float[] _noise;
    private long _criticSteps;
    private double _lastActorLoss = double.NaN;
    private readonly BatchTensors _batch;

    /// <summary>Builds the actor, the twin critics and their targets (seed TorchSharp first for reproducible weights).</summary>
    /// <exception cref="ArgumentException">The actions are discrete (use <see cref="PvpDqnLearner"/>).</exception>
    public PvpTd3Learner(ObservationSpec observation, ActionSpec action, PvpValueOptions options, Rng rng)
        : base(observation, action, options, rng, PvpMethod.ActorLossMetric)
    {
        _action = action;
        if (action.IsDiscrete)
        {
            throw new ArgumentException($"PVP-TD3 needs continuous actions, got {action}.", nameof(action));
        }

        NetworkOptions network = options.Network ?? BcPolicyLearner.DefaultNetwork(observation);
        _actor = new Policy(observation, action, network);
        _targetActor = new Policy(observation, action, network);
        TargetNetworks.Copy(_actor.Network, _targetActor.Network);
        _q1 = new FeatureNetwork(observation, action.Dimension, 1, network);
        _q2 = new FeatureNetwork(observation, action.Dimension, 1, network);
        _target1 = new FeatureNetwork(observation, action.Dimension, 1, network);
        _target2 = new FeatureNetwork(observation, action.Dimension, 1, network);
        TargetNetworks.Copy(_q1, _target1);
        TargetNetworks.Copy(_q2, _target2);
        _actorOptimizer = new SafeAdam(_actor.Network.parameters(), options.LearningRate);
        _criticOptimizer = new SafeAdam(_q1.parameters().Concat(_q2.parameters()), options.LearningRate);
        _rng = rng.Split();
        _noise = new float[options.BatchSize * action.Dimension];
        _batch = new BatchTensors(
            options.BatchSize,
            observation.Size,
            action.Dimension,
            BatchFields.Observations | BatchFields.BehaviourActions | BatchFields.NoviceActions | BatchFields.NextObservations
                | BatchFields.Terminated | BatchFields.Interventions | BatchFields.InterventionStarts);
    }

    /// <inheritdoc />
    public override IActor Actor => _actor;

    /// <summary>The actor π.</summary>
    public Policy Policy => _actor;

    /// <inheritdoc />
    public override void ReportMetrics(IDictionary<string, double> metrics)
    {
        base.ReportMetrics(metrics);
        metrics[PvpMethod.ActorLossMetric] = _lastActorLoss;
    }

    /// <inheritdoc />
    protected override void WriteLearnerState(StateWriter writer)
    {
        TensorState.Write(writer, "pvp-td3 actor", _actor.Network);
        TensorState.Write(writer, "pvp-td3 target actor", _targetActor.Network);
        TensorState.Write(writer, "pvp-td3 q1", _q1);
        TensorState.Write(writer, "pvp-td3 q2", _q2);
        TensorState.Write(writer, "pvp-td3 target q1", _target1);
        TensorState.Write(writer, "pvp-td3 target q2", _target2);
        _actorOptimizer.WriteState(writer);
        _criticOptimizer.WriteState(writer);
        _rng.WriteState(writer);
        writer.Write(_criticSteps);
        writer.Write(_lastActorLoss);
    }

    /// <inheritdoc />
    protected override void ReadLearnerState(StateReader reader)
    {
        TensorState.Read(reader, "pvp-td3 actor", _actor.Network);
        TensorState.Read(reader, "pvp-td3 target actor", _targetActor.Network);
        TensorState.Read(reader, "pvp-td3 q1", _q1);
        TensorState.Read(reader, "pvp-td3 q2", _q2);
        TensorState.Read(reader, "pvp-td3 target q1", _target1);
        TensorState.Read(reader, "pvp-td3 target q2", _target2);
        _actorOptimizer.ReadState(reader);
        _criticOptimizer.ReadState(reader);
        _rng.ReadState(reader);
        _criticSteps = reader.ReadInt64();
        _lastActorLoss = reader.ReadDouble();
    }

    /// <summary>
    /// Three files in <paramref name="directory"/>: <c>policy.dat</c> (the actor), <c>q1.dat</c> and <c>q2.dat</c>. The
    /// targets are not stored; a load copies each network into its target.
    /// </summary>
    public override IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory) =>
    [
        new CheckpointEntry(Path.Combine(directory, "policy.dat"), _actor.Network, _targetActor.Network),
        new CheckpointEntry(Path.Combine(directory, "q1.dat"), _q1, _target1),
        new CheckpointEntry(Path.Combine(directory, "q2.dat"), _q2, _target2),
    ];

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _actorOptimizer.Dispose();
            _criticOptimizer.Dispose();
            _actor.Dispose();
            _targetActor.Dispose();
            _q1.Dispose();
            _q2.Dispose();
            _target1.Dispose();
            _target2.Dispose();
            _batch.Dispose();
        }
    }

    /// <inheritdoc />
    protected override void Step(TrainingContext context)
    {
        Sampler.Sample(context, _batch);
        int n = _batch.Size;
        int d = _action.Dimension;
        using var scope = NewDisposeScope();
        Tensor obs = _batch.Observations;
        Tensor behaviour = _batch.BehaviourActions;
        Tensor novice = _batch.NoviceActions;
        Tensor next = _batch.NextObservations;
        Tensor terminated = _batch.Terminated;
        Tensor intervention = _batch.Interventions;
        Tensor keep = PvpLoss.Keep(_batch.InterventionStarts);

        // y = 0 + γ (1 − d) min Q̂(s′, clip(π̂(s′) + clip(ε, −c, c), −1, 1)), ε ~ N(0, σ²).
        Tensor target;
        using (no_grad())
        {
            Tensor nextActions = PvpLoss.SmoothedActions(_targetActor.Forward(next), SmoothingNoise(n, d));
            Tensor nextValues = minimum(_target1.Forward(next, nextActions).squeeze(1), _target2.Forward(next, nextActions).squeeze(1));
            target = PvpLoss.TdTarget(nextValues, terminated, Options.Gamma);
        }

        Tensor ones = ones_like(intervention);
        Tensor q1Human = _q1.Forward(obs, behaviour).squeeze(1);
        Tensor q2Human = _q2.Forward(obs, behaviour).squeeze(1);
        Tensor q1Novice = _q1.Forward(obs, novice).squeeze(1);
        Tensor q2Novice = _q2.Forward(obs, novice).squeeze(1);
        Tensor criticLoss = PvpLoss.MaskedTd(q1Human, target, keep).Plus(PvpLoss.MaskedTd(q2Human, target, keep))
            .Plus(PvpLoss.Proxy(q1Human, q1Novice, intervention, ones)).Plus(PvpLoss.Proxy(q2Human, q2Novice, intervention, ones));
        _criticOptimizer.ZeroGrad();
        criticLoss.backward();
        _criticOptimizer.Step();
        _criticSteps++;
        LastLoss = criticLoss.item<float>();
        LastQHuman = q1Human.mean().item<float>();
        LastQNovice = q1Novice.mean().item<float>();

        if (_criticSteps % Options.PolicyDelay == 0)
        {
            // Actor: maximise Q1(s, π(s)); then move every target toward its network.
            Tensor actorLoss = -_q1.Forward(obs, _actor.Forward(obs)).mean();
            _actorOptimizer.ZeroGrad();
            actorLoss.backward();
            _actorOptimizer.Step();
            _lastActorLoss = actorLoss.item<float>();
            TargetNetworks.SoftUpdate(_q1, _target1, Options.Tau);
            TargetNetworks.SoftUpdate(_q2, _target2, Options.Tau);
            TargetNetworks.SoftUpdate(_actor.Network, _targetActor.Network, Options.Tau);
        }
    }

    /// <summary>Target-policy smoothing noise from the run's random stream: clip(N(0, σ²), −c, c), shape n × d.</summary>
    private Tensor SmoothingNoise(int n, int d)
    {
        for (int i = 0; i < n * d; i++)
        {
            _noise[i] = (float)Math.Clamp(_rng.NextGaussian(0, Options.TargetNoise), -Options.NoiseClip, Options.NoiseClip);
        }

        return TensorMemory.FromSpan(_noise, n, d);
    }
}
