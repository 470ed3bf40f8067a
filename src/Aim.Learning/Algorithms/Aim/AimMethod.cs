using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Algorithms.Pvp;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Aim;

/// <summary>
/// AIM: a robot-gated method whose gate is a learned proxy intervention value Q^I (ICML 2025). The robot asks for
/// help when Q^I(s, a_r) exceeds β, the (1 − δ)-quantile of its recent values; the expert hands back once the robot
/// agrees with it again. Q^I learns J = J_AIM + w·J_TD from the expert's labels (<see cref="ProxyQLearner"/>); the
/// policy learns with a pluggable learner (<see cref="AimOptions.Learner"/>: behaviour cloning or PVP's proxy value).
/// </summary>
/// <remarks>
/// The members follow the paper's Algorithm 1 in order: warm-up and initialisation (<see cref="InitializeGate"/>,
/// after the learner's first fit), robot-gated collection (<see cref="Decide"/>, <see cref="OnStep"/>,
/// <see cref="OnEpisodeEnd"/>), then the updates of π_r, Q^I and β (<see cref="UpdateGate"/>, after the learner's).
/// </remarks>
public sealed class AimMethod : GatedMethod
{
    /// <summary>β, the switch-to-expert threshold.</summary>
    public const string BetaMetric = "gate/beta";

    /// <summary>ε, the hand-back threshold.</summary>
    public const string EpsilonMetric = "gate/epsilon";

    /// <summary>Mean Q^I(s, a_r) over robot decisions since the previous report.</summary>
    public const string QRobotMetric = "gate/q_robot_mean";

    /// <summary>Mean Q^I(s, a_h) on the last training batch.</summary>
    public const string QExpertMetric = "train/q_expert_mean";

    /// <summary>Q^I's loss on the last update.</summary>
    public const string QLossMetric = "train/q_loss";

    /// <summary>Fraction of human-buffer samples with a +1 label, over the last update's Q^I steps.</summary>
    public const string QPositiveFractionMetric = "train/q_positive_fraction";

    private static readonly string[] s_metricNames = { BetaMetric, EpsilonMetric, QRobotMetric, QExpertMetric, QLossMetric, QPositiveFractionMetric };

    private readonly ActionSpec _action;
    private readonly ObservationSpec _observation;
    private readonly IBatchActor _robot;
    private readonly ProxyQ _q;
    private readonly ProxyQLearner _qLearner;
    private readonly AimGate _gate;
    private readonly float[] _qValue = new float[1];
    private readonly StateWindow? _robotStates;
    private long _labelsSeen;
    private double _heldOutSum;
    private long _heldOutCount;
    private double _qRobotSum;
    private int _qRobotCount;

    /// <summary>Builds the policy learner and Q^I (seed TorchSharp first for reproducible weights: <see cref="Torch.TorchRuntime.Seed"/>).</summary>
    public AimMethod(ObservationSpec observation, ActionSpec action, AimOptions options, Rng rng)
        : base(CreateLearner(observation, action, options, rng), s_metricNames)
    {
        _observation = observation;
        _action = action;
        Options = options;
        _robot = Learner.Actor as IBatchActor
            ?? throw new ArgumentException($"AIM needs a learner whose actor acts on batches; {Learner.GetType().Name} does not.", nameof(options));
        _q = new ProxyQ(observation, action, options.QNetwork ?? DefaultQNetwork(observation));
        _qLearner = new ProxyQLearner(_q, options, rng.Split());
        _gate = new AimGate(action, options.Delta, beta: 0, epsilon: 0, options.MinBetaSamples) { HandBack = options.HandBack };
        _robotStates = options.BetaSource == BetaSource.RecentRobotStates ? new StateWindow(options.BetaWindow, observation.Size) : null;
    }

    /// <inheritdoc />
    public override string Name => "aim";

    /// <inheritdoc />
    public override bool IsRobotGated => true;

    /// <inheritdoc />
    public override double TargetSwitchRate => Options.Delta;

    /// <summary>The options in force.</summary>
    public AimOptions Options { get; }

    /// <summary>The robot policy π_r (the learner's actor).</summary>
    public IBatchActor Policy => _robot;

    /// <summary>The proxy intervention value Q^I.</summary>
    public ProxyQ ProxyQ => _q;

    /// <summary>The switching rule and its thresholds β and ε.</summary>
    public AimGate Gate => _gate;

    /// <summary>The +1 label fraction of the last Q^I update (<see cref="ProxyQLearner.PositiveFraction"/>).</summary>
    public double PositiveFraction => _qLearner.PositiveFraction;

    /// <inheritdoc />
    public override GateDecision Decide(in GateInput input)
    {
        // Robot in control: ask when Q^I(s, a_r) > β. Expert in control: hand back once a_r is within ε of a_h.
        double q = input.Previous == Controller.Robot ? PredictQ(input.Observation, input.RobotAction) : double.NaN;
        return _gate.Decide(q, input);
    }

    /// <inheritdoc />
    public override void OnStep(in GateInput input, GateDecision decision)
    {
        if (input.Previous != Controller.Robot)
        {
            return;
        }

        _qRobotSum += decision.Score;
        _qRobotCount++;
        switch (Options.BetaSource)
        {
            case BetaSource.TrackedQuantile:
                // β moves toward the (1 − δ)-quantile of the decisions as they come: a request raises it, a decision
                // to continue lowers it, and it rests where a fraction δ ask.
                _gate.TrackQuantile(asked: decision.Controller == Controller.Expert, Options.BetaStep);
                break;
            case BetaSource.RecentRobotSteps:
                // Every decision the robot made is a sample of Q^I(s, a_r) under the current policy: β as their
                // (1 − δ)-quantile makes a fraction δ of them ask for help.
                _gate.RecordRobotStep(decision.Score);
                break;
            case BetaSource.RecentRobotStates:
                _robotStates!.Add(input.Observation);
                break;
        }
    }

    /// <inheritdoc />
    public override void OnEpisodeEnd(TrainingContext context)
    {
        if (Options.BetaSource == BetaSource.RecentRobotSteps)
        {
            _gate.RefitBeta();
        }
        else if (Options.BetaSource == BetaSource.RecentRobotStates)
        {
            // Also at episode end, not only after updates: a robot that never asks gets no update, and only this
            // refresh can lower β until it does.
            RefitBetaOnRobotStates();
        }
    }

    /// <summary>Q^I(s, a) for one encoded state and action.</summary>
    public double PredictQ(ReadOnlySpan<float> observation, ReadOnlySpan<float> action)
    {
        _q.Predict(observation, action, 1, _qValue);
        return _qValue[0];
    }

    /// <summary>The learner's files, then Q^I's: <c>proxy_q.dat</c> and its target <c>proxy_q.dat.target</c>.</summary>
    public override IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory) =>
        [.. base.CheckpointEntries(directory), .. _q.CheckpointEntries(Path.Combine(directory, "proxy_q.dat"))];

    /// <summary>Initialisation after warm-up, once π_r has fitted the warm-up demonstrations.</summary>
    protected override void InitializeGate(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // ε: the mean discrepancy between π_r and the expert on the warm-up data (0 for discrete actions: hand back
        // only when the actions agree).
        _gate.Epsilon = _action.IsDiscrete ? 0.0 : MeanDiscrepancy(context.Human, context.Human.Count);
        _labelsSeen = context.Human.TotalAdded;

        // Q^I learns the intervention labels of the warm-up data (already done beside π_r's fit when its loss never
        // asks π_r: GateTrainingBesidePolicy).
        if (QReadsPolicy)
        {
            _qLearner.Train(context, _robot, _gate.Epsilon, Options.QInitialSteps);
        }

        // β: the (1 − δ)-quantile of Q^I(s, π_r(s)) on a held-out tenth of the warm-up states.
        _gate.SetBetaFrom(RobotQ(context.Human, Math.Max(10, context.Human.Count / 10)));
    }

    /// <summary>
    /// Q^I's gradient steps while π_r trains, when J never asks π_r: discrete actions (ε is 0, so nothing the policy's
    /// update changes enters the labels), the stored novice action as the +1 candidate and max_a′ as J_TD's next-state
    /// value. Then the steps are the same whether they run before, after or beside π_r's.
    /// </summary>
    protected override Action? GateTrainingBesidePolicy(TrainingContext context, bool initial)
    {
        if (QReadsPolicy)
        {
            return null;
        }

        int steps = initial ? Options.QInitialSteps : Options.QStepsPerUpdate;
        return () => _qLearner.Train(context, _robot, epsilon: 0.0, steps);
    }

    /// <summary>Whether Q^I's loss reads π_r (or ε, which follows π_r for continuous actions), so it must train after it.</summary>
    private bool QReadsPolicy =>
        !_action.IsDiscrete || Options.PositiveLabel != AimPositiveLabel.StoredNovice || Options.TdTarget != AimTdTarget.Max;

    /// <summary>Held-out ε schedule: the new labels' discrepancy, measured before the policy trains on them.</summary>
    protected override void BeforePolicyUpdate(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int fresh = (int)Math.Min(context.Human.TotalAdded - _labelsSeen, context.Human.Count);
        _labelsSeen = context.Human.TotalAdded;
        if (Options.Epsilon != EpsilonSchedule.HeldOut || _action.IsDiscrete || fresh == 0)
        {
            return;
        }

        _heldOutSum += MeanDiscrepancy(context.Human, fresh) * fresh;
        _heldOutCount += fresh;
        _gate.Epsilon = _heldOutSum / _heldOutCount;
    }

    /// <summary>After each policy update: ε (adaptive schedule), Q^I on J = J_AIM + w·J_TD, then β.</summary>
    protected override void UpdateGate(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The held robot-step Q-values described the old policy.
        _gate.ClearRecent();
        if (Options.Epsilon == EpsilonSchedule.Adaptive && !_action.IsDiscrete)
        {
            _gate.Epsilon = MeanDiscrepancy(context.Human, context.Human.Count);
        }

        if (QReadsPolicy)
        {
            _qLearner.Train(context, _robot, _gate.Epsilon, Options.QStepsPerUpdate);
        }

        if (Options.BetaSource == BetaSource.AgentBufferBatch)
        {
            // The MiniGrid code: Q^I(s, a_novice) on a fresh batch of the robot's own transitions, or of the human
            // buffer's (their stored robot actions) until the agent buffer holds a few.
            HacoBuffer source = context.Agent.Count >= Math.Max(1, Options.BetaMinAgentSamples) ? context.Agent : context.Human;
            _gate.SetBetaFrom(_qLearner.SampleRobotValues(source, Options.BetaSampleSize, _robot, storedNovice: true));
        }
        else if (Options.BetaSource == BetaSource.RecentRobotStates)
        {
            RefitBetaOnRobotStates();
        }
    }

    /// <inheritdoc />
    protected override void ReportGateMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics[BetaMetric] = _gate.Beta;
        metrics[EpsilonMetric] = _gate.Epsilon;
        metrics[QRobotMetric] = _qRobotCount == 0 ? double.NaN : _qRobotSum / _qRobotCount;
        metrics[QExpertMetric] = _qLearner.LastQExpert;
        metrics[QLossMetric] = _qLearner.LastLoss;
        metrics[QPositiveFractionMetric] = _qLearner.PositiveFraction;
        _qRobotSum = 0;
        _qRobotCount = 0;
    }

    /// <inheritdoc />
    /// <remarks>Q^I and its target network, its learner, β/ε and their statistics, the robot-state window.</remarks>
    protected override void WriteGateState(StateWriter writer)
    {
        TensorState.Write(writer, "proxy-q", _q.Online);
        TensorState.Write(writer, "proxy-q target", _q.Target);
        _qLearner.WriteState(writer);
        _gate.WriteState(writer);
        writer.Section("aim");
        writer.Write(_labelsSeen);
        writer.Write(_heldOutSum);
        writer.Write(_heldOutCount);
        writer.Write(_qRobotSum);
        writer.Write(_qRobotCount);
        writer.Write(_robotStates is not null);
        _robotStates?.WriteState(writer);
    }

    /// <inheritdoc />
    protected override void ReadGateState(StateReader reader)
    {
        TensorState.Read(reader, "proxy-q", _q.Online);
        TensorState.Read(reader, "proxy-q target", _q.Target);
        _qLearner.ReadState(reader);
        _gate.ReadState(reader);
        reader.Section("aim");
        _labelsSeen = reader.ReadInt64();
        _heldOutSum = reader.ReadDouble();
        _heldOutCount = reader.ReadInt64();
        _qRobotSum = reader.ReadDouble();
        _qRobotCount = reader.ReadInt32();
        reader.Expect("keeping a window of robot states", reader.ReadBool(), _robotStates is not null);
        _robotStates?.ReadState(reader);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _qLearner.Dispose();
            _q.Dispose();
        }

        base.Dispose(disposing);
    }

    private static IPolicyLearner CreateLearner(ObservationSpec observation, ActionSpec action, AimOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        options.Validate();
        return options.Learner switch
        {
            AimPolicyLearner.ProxyValue when action.IsDiscrete => new PvpDqnLearner(observation, action, options.ProxyValue, rng),
            AimPolicyLearner.ProxyValue => new PvpTd3Learner(observation, action, options.ProxyValue, rng),
            _ => new BcPolicyLearner(observation, action, options.Policy, options.PolicyNetwork, rng),
        };
    }

    private static NetworkOptions DefaultQNetwork(ObservationSpec observation) =>
        observation.IsImage ? NetworkOptions.GridHead : NetworkOptions.Critic400x300;

    /// <summary>Q^I(s, π_r(s)) on <paramref name="count"/> random states of <paramref name="buffer"/>.</summary>
    private double[] RobotQ(HacoBuffer buffer, int count) => _qLearner.SampleRobotValues(buffer, count, _robot);

    /// <summary>β ← (1 − δ)-quantile of the current Q^I(s, π_r(s)) over the states the robot recently decided in.</summary>
    private void RefitBetaOnRobotStates()
    {
        if (_robotStates is { } window && window.Count > Options.MinBetaSamples)
        {
            _gate.SetBetaFrom(_q.RobotValues(window.Observations, window.Count, _robot));
        }
    }

    /// <summary>The mean discrepancy between π_r and the expert's labels on the newest <paramref name="count"/> labels.</summary>
    private double MeanDiscrepancy(HacoBuffer human, int count)
    {
        using var batch = new BatchTensors(count, human.ObservationSize, human.ActionSize, BatchFields.Observations | BatchFields.BehaviourActions);
        human.GatherRange(human.Count - count, count, batch);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return _robot.ActTensor(batch.Observations).Minus(batch.BehaviourActions).Squared().mean(new long[] { 1 }).mean().item<float>();
    }
}
