using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Stats;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Thrifty;

/// <summary>
/// Thrifty-DAgger (Hoque et al., CoRL 2021): a robot-gated method whose gate asks for help in novel states (the
/// bootstrap ensemble disagrees) and in risky ones (a goal-reaching critic Q_risk predicts failure), with thresholds
/// refit so that each test fires at a target rate α of robot steps.
/// </summary>
public sealed class ThriftyMethod : GatedMethod
{
    /// <summary>β_H, the novelty threshold.</summary>
    public const string NoveltyThresholdMetric = "gate/beta_h";

    /// <summary>ε_H, the risk threshold.</summary>
    public const string RiskThresholdMetric = "gate/eps_h";

    /// <summary>β_R, the hand-back discrepancy threshold.</summary>
    public const string DiscrepancyThresholdMetric = "gate/beta_r";

    /// <summary>ε_R, the hand-back risk threshold.</summary>
    public const string HandBackRiskThresholdMetric = "gate/eps_r";

    /// <summary>Switches to the expert asked for by novelty.</summary>
    public const string NoveltySwitchesMetric = "gate/switches_novelty";

    /// <summary>Switches to the expert asked for by risk.</summary>
    public const string RiskSwitchesMetric = "gate/switches_risk";

    /// <summary>The critics' loss on the last update.</summary>
    public const string RiskLossMetric = "train/risk_loss";

    private static readonly string[] s_metricNames =
    {
        NoveltyThresholdMetric, RiskThresholdMetric, DiscrepancyThresholdMetric, HandBackRiskThresholdMetric,
        NoveltySwitchesMetric, RiskSwitchesMetric, RiskLossMetric,
    };

    private readonly BootstrapEnsemble _ensemble;
    private readonly RiskCritic? _critic;
    private readonly RiskCriticLearner? _criticLearner;
    private readonly ThriftyGate _gate;
    private double _lastNovelty = double.NaN;
    private double _lastRisk = double.NaN;
    private long _noveltySwitches;
    private long _riskSwitches;
    private double _lastRiskLoss = double.NaN;

    /// <summary>Builds the ensemble and, when enabled, the risk critic (seed TorchSharp first for reproducible weights).</summary>
    public ThriftyMethod(ObservationSpec observation, ActionSpec action, ThriftyOptions options, Rng rng)
        : this(observation, action, Checked(options), rng, CreateEnsemble(observation, action, options, rng))
    {
    }

    private ThriftyMethod(ObservationSpec observation, ActionSpec action, ThriftyOptions options, Rng rng, BootstrapEnsemble ensemble)
        : base(ensemble, s_metricNames)
    {
        Options = options;
        _ensemble = ensemble;
        _gate = new ThriftyGate(action, options.Alpha, options.RiskCritic, options.MinRefitSamples);
        if (options.RiskCritic)
        {
            _critic = new RiskCritic(observation, action, options.RiskNetwork ?? BcPolicyLearner.DefaultNetwork(observation));
            _criticLearner = new RiskCriticLearner(_critic, options, observation.Size, action.Dimension, rng.Split());
        }
    }

    /// <inheritdoc />
    public override string Name => Options.RiskCritic ? "thrifty" : "thrifty-nocritic";

    /// <inheritdoc />
    public override bool IsRobotGated => true;

    /// <summary>α, the target rate of each test (novelty and risk each spend α, so the realised rate can reach 2α).</summary>
    public override double TargetSwitchRate => Options.Alpha;

    /// <summary>The options in force.</summary>
    public ThriftyOptions Options { get; }

    /// <summary>The bootstrap ensemble that acts.</summary>
    public BootstrapEnsemble Ensemble => _ensemble;

    /// <summary>The risk critic (null when disabled).</summary>
    public RiskCritic? Critic => _critic;

    /// <summary>The switching rule and its thresholds.</summary>
    public ThriftyGate Gate => _gate;

    /// <summary>Novelty of the state at the last decision (NaN when the expert was in control then).</summary>
    public double LastNovelty => _lastNovelty;

    /// <summary>Q_risk(s, a_r) at the last decision (NaN without a risk critic).</summary>
    public double LastRisk => _lastRisk;

    /// <inheritdoc />
    public override GateDecision Decide(in GateInput input)
    {
        _lastNovelty = input.Previous == Controller.Robot ? _ensemble.Novelty(input.Observation) : double.NaN;
        _lastRisk = _critic is null ? double.NaN : _critic.Safety(input.Observation, input.RobotAction);
        return _gate.Decide(_lastNovelty, _lastRisk, input);
    }

    /// <inheritdoc />
    public override void OnStep(in GateInput input, GateDecision decision)
    {
        if (input.Previous != Controller.Robot)
        {
            return;
        }

        _gate.RecordRobotStep(_lastNovelty, _lastRisk);
        if (ReferenceEquals(decision.Reason, ThriftyGate.Novel))
        {
            _noveltySwitches++;
        }
        else if (ReferenceEquals(decision.Reason, ThriftyGate.Risky))
        {
            _riskSwitches++;
        }
    }

    /// <inheritdoc />
    public override void OnEpisodeEnd(TrainingContext context)
    {
        if (Options.RefitThresholds)
        {
            _gate.Refit();
        }
    }

    /// <summary>The ensemble's files, then the risk critic's (<c>risk_q1.dat</c>, <c>risk_q2.dat</c>) when it has one.</summary>
    public override IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory) =>
        _critic is null ? base.CheckpointEntries(directory) : [.. base.CheckpointEntries(directory), .. _critic.CheckpointEntries(directory)];

    /// <inheritdoc />
    /// <remarks>
    /// The gate's thresholds and scores, the risk critic (its four networks and learner), the last decision's scores and
    /// the switch counters.
    /// </remarks>
    protected override void WriteGateState(StateWriter writer)
    {
        _gate.WriteState(writer);
        writer.Section("thrifty");
        writer.Write(_critic is not null);
        if (_critic is not null)
        {
            TensorState.Write(writer, "risk q1", _critic.Q1);
            TensorState.Write(writer, "risk q2", _critic.Q2);
            TensorState.Write(writer, "risk target q1", _critic.Target1);
            TensorState.Write(writer, "risk target q2", _critic.Target2);
            _criticLearner!.WriteState(writer);
        }

        writer.Write(_lastNovelty);
        writer.Write(_lastRisk);
        writer.Write(_noveltySwitches);
        writer.Write(_riskSwitches);
        writer.Write(_lastRiskLoss);
    }

    /// <inheritdoc />
    protected override void ReadGateState(StateReader reader)
    {
        _gate.ReadState(reader);
        reader.Section("thrifty");
        reader.Expect("having a risk critic", reader.ReadBool(), _critic is not null);
        if (_critic is not null)
        {
            TensorState.Read(reader, "risk q1", _critic.Q1);
            TensorState.Read(reader, "risk q2", _critic.Q2);
            TensorState.Read(reader, "risk target q1", _critic.Target1);
            TensorState.Read(reader, "risk target q2", _critic.Target2);
            _criticLearner!.ReadState(reader);
        }

        _lastNovelty = reader.ReadDouble();
        _lastRisk = reader.ReadDouble();
        _noveltySwitches = reader.ReadInt64();
        _riskSwitches = reader.ReadInt64();
        _lastRiskLoss = reader.ReadDouble();
    }

    /// <summary>
    /// Initial thresholds from the warm-up data: β_H the chosen quantile of novelty, β_R the mean training discrepancy
    /// (discrete: hand back on equal actions), ε_H and ε_R the original's constants; then the critic's first fit.
    /// </summary>
    protected override void InitializeGate(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _gate.NoveltyThreshold = Quantiles.Quantile(_ensemble.Novelties(context.Human), Options.InitialNoveltyQuantile ?? 1 - Options.Alpha);
        _gate.DiscrepancyThreshold = context.Action.IsDiscrete ? 0.0 : _ensemble.MeanDiscrepancy(context.Human);
        _gate.RiskThreshold = Options.InitialRiskThreshold;
        _gate.HandBackRiskThreshold = Options.InitialHandBackRiskThreshold;
        if (_criticLearner is not null)
        {
            _lastRiskLoss = _criticLearner.Train(context, _ensemble, Options.RiskInitialSteps);
        }
    }

    /// <summary>A new round: forget the old policy's robot-mode samples, then train the critic on all transitions.</summary>
    protected override void UpdateGate(TrainingContext context)
    {
        _gate.ClearRecent();
        if (_criticLearner is not null)
        {
            _lastRiskLoss = _criticLearner.Train(context, _ensemble, Options.RiskStepsPerUpdate);
        }

        if (Options.RefitThresholds && Options.RescoreWindow > 0)
        {
            RescoreRecentRobotStates(context.Agent);
        }
    }

    /// <summary>
    /// The networks just changed, so thresholds fitted on the old networks' scores no longer mean "a fraction α of
    /// robot steps". Re-score the last <see cref="ThriftyOptions.RescoreWindow"/> robot-controlled states with the new
    /// ensemble and critic (a_r = the new policy's action), hold them as this round's samples and refit now.
    /// </summary>
    private void RescoreRecentRobotStates(HacoBuffer agent)
    {
        int n = Math.Min(agent.Count, Options.RescoreWindow);
        if (n <= Options.MinRefitSamples)
        {
            return;
        }

        using var batch = new BatchTensors(n, agent.ObservationSize, agent.ActionSize, BatchFields.Observations);
        agent.GatherRange(agent.Count - n, n, batch);
        using var scope = TorchSharp.torch.NewDisposeScope();
        using var noGrad = TorchSharp.torch.no_grad();
        var obs = batch.Observations;
        var outputs = _ensemble.MemberOutputs(obs);
        float[] novelty = BootstrapEnsemble.Novelty(outputs).data<float>().ToArray();
        float[]? risk = null;
        if (_critic is not null)
        {
            var actions = BootstrapEnsemble.ActionFrom(outputs, _ensemble.Action.IsDiscrete);
            risk = TorchSharp.torch.minimum(_critic.Values(_critic.Q1, obs, actions), _critic.Values(_critic.Q2, obs, actions))
                .data<float>().ToArray();
        }

        for (int i = 0; i < n; i++)
        {
            _gate.RecordRobotStep(novelty[i], risk is null ? double.NaN : risk[i]);
        }

        _gate.Refit();
    }

    /// <inheritdoc />
    protected override void ReportGateMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics[NoveltyThresholdMetric] = _gate.NoveltyThreshold;
        metrics[RiskThresholdMetric] = Options.RiskCritic ? _gate.RiskThreshold : double.NaN;
        metrics[DiscrepancyThresholdMetric] = _gate.DiscrepancyThreshold;
        metrics[HandBackRiskThresholdMetric] = Options.RiskCritic ? _gate.HandBackRiskThreshold : double.NaN;
        metrics[NoveltySwitchesMetric] = _noveltySwitches;
        metrics[RiskSwitchesMetric] = _riskSwitches;
        metrics[RiskLossMetric] = _lastRiskLoss;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _criticLearner?.Dispose();
            _critic?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ThriftyOptions Checked(ThriftyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    private static BootstrapEnsemble CreateEnsemble(ObservationSpec observation, ActionSpec action, ThriftyOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return new BootstrapEnsemble(observation, action, options.Members, options.Policy, options.PolicyNetwork, rng.Split());
    }
}
