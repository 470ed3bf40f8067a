using Aim.Core.Random;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using TorchSharp;
using Aim.Learning.Torch;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Aim;

/// <summary>
/// AIM: a robot-gated method whose gate is a learned proxy intervention value Q^I (ICML 2025). The robot asks for
/// help when Q^I(s, a_r) exceeds β, the (1 − δ)-quantile of its recent values; the expert hands back once the robot
/// agrees with it again. Q^I learns J = J_AIM + w·J_TD from the expert's labels; the policy learns by behaviour
/// cloning on the same labels.
/// </summary>
public sealed class AimMethod : IMethod
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

    /// <summary>The policy's behaviour-cloning loss on the last update.</summary>
    public const string PolicyLossMetric = "train/policy_loss";

    private static readonly string[] s_metricNames = { BetaMetric, EpsilonMetric, QRobotMetric, QExpertMetric, QLossMetric, PolicyLossMetric };

    private readonly AimOptions _options;
    private readonly ActionSpec _action;
    private readonly ObservationSpec _observation;
    private readonly Policy _policy;
    private readonly BcLearner _learner;
    private readonly ProxyQ _q;
    private readonly SafeAdam _qOptimizer;
    private readonly AimGate _gate;
    private readonly float[] _qValue = new float[1];
    private readonly StateWindow? _robotStates;
    private Batch? _human;
    private Batch? _td;
    private int[] _slots = Array.Empty<int>();
    private double _qRobotSum;
    private int _qRobotCount;
    private double _lastQLoss = double.NaN;
    private double _lastPolicyLoss = double.NaN;
    private double _lastQExpert = double.NaN;

    /// <summary>Builds the networks (seed TorchSharp first for reproducible weights: <see cref="Torch.TorchRuntime.Seed"/>).</summary>
    public AimMethod(ObservationSpec observation, ActionSpec action, AimOptions options, Rng rng)
    {
        _observation = observation ?? throw new ArgumentNullException(nameof(observation));
        _action = action ?? throw new ArgumentNullException(nameof(action));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        ArgumentNullException.ThrowIfNull(rng);
        _policy = new Policy(observation, action, options.PolicyNetwork ?? DefaultNetwork(observation, forQ: false));
        _learner = new BcLearner(_policy, options.Policy, rng.Split());
        _q = new ProxyQ(observation, action, options.QNetwork ?? DefaultNetwork(observation, forQ: true));
        _qOptimizer = new SafeAdam(_q.Online.parameters(), options.QLearningRate);
        _gate = new AimGate(action, options.Delta, beta: 0, epsilon: 0, options.MinBetaSamples);
        _robotStates = options.BetaSource == BetaSource.RecentRobotStates ? new StateWindow(options.BetaWindow, observation.Size) : null;
        Rng = rng.Split();
    }

    /// <inheritdoc />
    public string Name => "aim";

    /// <inheritdoc />
    public bool IsRobotGated => true;

    /// <inheritdoc />
    public double TargetSwitchRate => _options.Delta;

    /// <inheritdoc />
    public IActor Actor => _policy;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => s_metricNames;

    /// <summary>The options in force.</summary>
    public AimOptions Options => _options;

    /// <summary>The robot policy π_r.</summary>
    public Policy Policy => _policy;

    /// <summary>The proxy intervention value Q^I.</summary>
    public ProxyQ ProxyQ => _q;

    /// <summary>The switching rule and its thresholds β and ε.</summary>
    public AimGate Gate => _gate;

    private Rng Rng { get; }

    /// <inheritdoc />
    public void Initialize(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // 1. π_r imitates the warm-up demonstrations.
        _lastPolicyLoss = _learner.Train(context.Human, _options.Policy.InitialSteps);

        // 2. ε: the mean discrepancy between π_r and the expert on the warm-up data (0 for discrete actions:
        //    hand back only when the actions agree).
        _gate.Epsilon = _action.IsDiscrete ? 0.0 : MeanDiscrepancy(context.Human);

        // 3. Q^I learns the intervention labels of the warm-up data.
        for (int i = 0; i < _options.QInitialSteps; i++)
        {
            QStep(context);
        }

        // 4. β: the (1 − δ)-quantile of Q^I(s, π_r(s)) on a held-out tenth of the warm-up states.
        _gate.SetBetaFrom(RobotQ(context.Human, Math.Max(10, context.Human.Count / 10), context));
    }

    /// <inheritdoc />
    public GateDecision Decide(in GateInput input)
    {
        double q = input.Previous == Controller.Robot ? PredictQ(input.Observation, input.RobotAction) : double.NaN;
        return _gate.Decide(q, input);
    }

    /// <inheritdoc />
    public void OnStep(in GateInput input, GateDecision decision)
    {
        if (input.Previous == Controller.Robot)
        {
            // Every decision the robot made is a sample of Q^I(s, a_r) under the current policy: β as their
            // (1 − δ)-quantile makes a fraction δ of them ask for help.
            _gate.RecordRobotStep(decision.Score);
            _robotStates?.Add(input.Observation);
            _qRobotSum += decision.Score;
            _qRobotCount++;
        }
    }

    /// <inheritdoc />
    public void OnEpisodeEnd(TrainingContext context)
    {
        if (_options.BetaSource == BetaSource.RecentRobotSteps)
        {
            _gate.RefitBeta();
        }
        else
        {
            // Also at episode end, not only after updates: a robot that never asks gets no update, and only this
            // refresh can lower β until it does.
            RefitBetaOnRobotStates();
        }
    }

    /// <inheritdoc />
    public void Update(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Policy: behaviour cloning on all expert labels so far.
        _lastPolicyLoss = _learner.Train(context.Human, _options.Policy.StepsPerUpdate);

        // The held robot-step Q-values described the old policy.
        _gate.ClearRecent();
        if (_options.Epsilon == EpsilonSchedule.Adaptive && !_action.IsDiscrete)
        {
            _gate.Epsilon = MeanDiscrepancy(context.Human);
        }

        // Q^I: J_AIM + w·J_TD.
        for (int i = 0; i < _options.QStepsPerUpdate; i++)
        {
            QStep(context);
        }

        if (_options.BetaSource == BetaSource.AgentBufferBatch && context.Agent.Count > 0)
        {
            _gate.SetBetaFrom(RobotQ(context.Agent, _options.QBatchSize, context));
        }
        else
        {
            RefitBetaOnRobotStates();
        }
    }

    /// <inheritdoc />
    public void ReportMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics[BetaMetric] = _gate.Beta;
        metrics[EpsilonMetric] = _gate.Epsilon;
        metrics[QRobotMetric] = _qRobotCount == 0 ? double.NaN : _qRobotSum / _qRobotCount;
        metrics[QExpertMetric] = _lastQExpert;
        metrics[QLossMetric] = _lastQLoss;
        metrics[PolicyLossMetric] = _lastPolicyLoss;
        _qRobotSum = 0;
        _qRobotCount = 0;
    }

    /// <inheritdoc />
    public void Save(string directory)
    {
        _policy.Save(Path.Combine(directory, "policy.dat"));
        _q.Save(Path.Combine(directory, "proxy_q.dat"));
    }

    /// <summary>Q^I(s, a) for one encoded state and action.</summary>
    public double PredictQ(ReadOnlySpan<float> observation, ReadOnlySpan<float> action)
    {
        _q.Predict(observation, action, 1, _qValue);
        return _qValue[0];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _learner.Dispose();
        _qOptimizer.Dispose();
        _policy.Dispose();
        _q.Dispose();
    }

    private static NetworkOptions DefaultNetwork(ObservationSpec observation, bool forQ) =>
        observation.IsImage ? NetworkOptions.GridHead : forQ ? NetworkOptions.Critic400x300 : NetworkOptions.Actor256;

    /// <summary>One gradient step of Q^I on a batch of expert labels (and, for J_TD, of all transitions).</summary>
    private void QStep(TrainingContext context)
    {
        int n = _options.QBatchSize;
        EnsureBatches(context, n);
        context.Human.SampleSlots(Rng, _slots);
        context.Human.Gather(_slots, _human!);

        using var scope = NewDisposeScope();
        Tensor obs = tensor(_human!.Observations, new long[] { n, _observation.Size });
        Tensor expertActions = tensor(_human.BehaviourActions, new long[] { n, _action.Dimension });

        // a_r is re-drawn from the current policy at the human-buffer states.
        Tensor robotActions;
        using (no_grad())
        {
            robotActions = _policy.ActTensor(obs);
        }

        Tensor deviates = Deviates(robotActions, expertActions);
        Tensor qExpert = _q.Values(obs, expertActions);
        Tensor qRobot = _q.Values(obs, robotActions);

        Tensor loss;
        if (_options.Labels == AimLabelMode.RegressionTargets)
        {
            // J_AIM: Q(s, a_h) → −1; Q(s, a_r) → +1 where a_r deviates.
            loss = AimLoss.Regression(qExpert, qRobot, deviates);
            if (_options.TdWeight > 0)
            {
                loss = loss + (_options.TdWeight * TdLoss(context, n));
            }
        }
        else
        {
            Tensor next = tensor(_human.NextObservations, new long[] { n, _observation.Size });
            Tensor terminated = tensor(_human.Terminated, new long[] { n });
            loss = AimLoss.RewardLabels(qExpert, qRobot, deviates, _q.NextValues(next, _policy), terminated, _options.Gamma);
            if (_options.TdWeight > 0 && context.Agent.Count > 0)
            {
                loss = loss + (_options.TdWeight * TdLoss(context, n, agentOnly: true));
            }
        }

        _qOptimizer.ZeroGrad();
        loss.backward();
        nn.utils.clip_grad_norm_(_q.Online.parameters(), _options.GradientClip);
        _qOptimizer.Step();
        _q.SoftUpdate(_options.Tau);
        _lastQLoss = loss.item<float>();
        _lastQExpert = qExpert.mean().item<float>();
    }

    /// <summary>J_TD = E[(Q(s, a) − γ(1 − d)V̂(s′))²] over transitions drawn half from B_h, half from B_r.</summary>
    private Tensor TdLoss(TrainingContext context, int n, bool agentOnly = false)
    {
        int fromAgent = context.Agent.Count == 0 ? 0 : agentOnly ? n : n / 2;
        int fromHuman = n - fromAgent;
        Span<int> slots = _slots.AsSpan(0, n);
        if (fromHuman > 0)
        {
            context.Human.SampleSlots(Rng, slots[..fromHuman]);
            context.Human.Gather(slots[..fromHuman], _td!);
        }

        if (fromAgent > 0)
        {
            context.Agent.SampleSlots(Rng, slots[fromHuman..]);
            context.Agent.Gather(slots[fromHuman..], _td!, offset: fromHuman);
        }

        Tensor obs = tensor(_td!.Observations, new long[] { n, _observation.Size });
        Tensor actions = tensor(_td.BehaviourActions, new long[] { n, _action.Dimension });
        Tensor next = tensor(_td.NextObservations, new long[] { n, _observation.Size });
        Tensor terminated = tensor(_td.Terminated, new long[] { n });
        Tensor target = AimLoss.TdTarget(_q.NextValues(next, _policy), terminated, _options.Gamma);
        return AimLoss.Td(_q.Values(obs, actions), target);
    }

    /// <summary>f(a_r, a_h): a different discrete action, or a mean squared difference above ε.</summary>
    private Tensor Deviates(Tensor robotActions, Tensor expertActions)
    {
        if (_action.IsDiscrete)
        {
            return robotActions.ne(expertActions).squeeze(1).to_type(ScalarType.Float32);
        }

        return (robotActions - expertActions).square().mean(new long[] { 1 }).gt(_gate.Epsilon).to_type(ScalarType.Float32);
    }

    private void EnsureBatches(TrainingContext context, int n)
    {
        if (_human is null || _human.Size != n)
        {
            _human = new Batch(n, context.Human.ObservationSize, context.Human.ActionSize);
            _td = new Batch(n, context.Human.ObservationSize, context.Human.ActionSize);
            _slots = new int[n];
        }
    }

    /// <summary>Q^I(s, π_r(s)) on <paramref name="count"/> random states of <paramref name="buffer"/>.</summary>
    private double[] RobotQ(HacoBuffer buffer, int count, TrainingContext context)
    {
        count = Math.Min(count, buffer.Count);
        var batch = new Batch(count, buffer.ObservationSize, buffer.ActionSize);
        var slots = new int[count];
        buffer.SampleSlots(Rng, slots);
        buffer.Gather(slots, batch);
        return RobotQ(batch.Observations, count);
    }

    /// <summary>β ← (1 − δ)-quantile of the current Q^I(s, π_r(s)) over the states the robot recently decided in.</summary>
    private void RefitBetaOnRobotStates()
    {
        if (_robotStates is { } window && window.Count > _options.MinBetaSamples)
        {
            _gate.SetBetaFrom(RobotQ(window));
        }
    }

    /// <summary>Q^I(s, π_r(s)) on every state of <paramref name="window"/>.</summary>
    private double[] RobotQ(StateWindow window) => RobotQ(window.Observations.ToArray(), window.Count);

    /// <summary>Q^I(s, π_r(s)) on the first <paramref name="count"/> rows of <paramref name="observations"/>.</summary>
    private double[] RobotQ(float[] observations, int count)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor obs = tensor(observations, new long[] { count, _observation.Size });
        Tensor values = _q.Values(obs, _policy.ActTensor(obs));
        return values.data<float>().ToArray().Select(v => (double)v).ToArray();
    }

    /// <summary>Mean over the human buffer of the per-sample mean squared difference between π_r(s) and a_h.</summary>
    private double MeanDiscrepancy(HacoBuffer human)
    {
        int count = human.Count;
        var batch = new Batch(count, human.ObservationSize, human.ActionSize);
        var slots = Enumerable.Range(0, count).Select(human.SlotOf).ToArray();
        human.Gather(slots, batch);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor obs = tensor(batch.Observations, new long[] { count, _observation.Size });
        Tensor expert = tensor(batch.BehaviourActions, new long[] { count, _action.Dimension });
        return (_policy.ActTensor(obs) - expert).square().mean(new long[] { 1 }).mean().item<float>();
    }
}
