using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Data;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.EnsembleDagger;

/// <summary>
/// Ensemble-DAgger as in the released AIM code: Thrifty-DAgger's bootstrap ensemble and novelty test with a fixed
/// threshold, no risk critic, no refits; the expert hands back once the robot agrees with it (discrepancy below the
/// mean training discrepancy; discrete: equal actions).
/// </summary>
public sealed class EnsembleDaggerMethod : GatedMethod
{
    private static readonly string[] s_metricNames = { ThriftyMethod.NoveltyThresholdMetric, ThriftyMethod.DiscrepancyThresholdMetric };

    private readonly BootstrapEnsemble _ensemble;
    private readonly ThriftyGate _gate;

    /// <summary>Builds the ensemble (seed TorchSharp first for reproducible weights).</summary>
    public EnsembleDaggerMethod(ObservationSpec observation, ActionSpec action, EnsembleDaggerOptions options, Rng rng)
        : this(action, options, CreateEnsemble(observation, action, options, rng))
    {
    }

    private EnsembleDaggerMethod(ActionSpec action, EnsembleDaggerOptions options, BootstrapEnsemble ensemble)
        : base(ensemble, s_metricNames)
    {
        Options = options;
        _ensemble = ensemble;
        _gate = new ThriftyGate(action, alpha: 0.5, useRisk: false, minSamples: int.MaxValue) { NoveltyThreshold = options.NoveltyThreshold };
    }

    /// <inheritdoc />
    public override string Name => "ensemble-dagger";

    /// <inheritdoc />
    public override bool IsRobotGated => true;

    /// <summary>The options in force.</summary>
    public EnsembleDaggerOptions Options { get; }

    /// <summary>The bootstrap ensemble that acts.</summary>
    public BootstrapEnsemble Ensemble => _ensemble;

    /// <summary>The rule (Thrifty's, with the risk tests off and a fixed β_H).</summary>
    public ThriftyGate Gate => _gate;

    /// <inheritdoc />
    public override GateDecision Decide(in GateInput input)
    {
        double novelty = input.Previous == Controller.Robot ? _ensemble.Novelty(input.Observation) : double.NaN;
        return _gate.Decide(novelty, double.NaN, input);
    }

    /// <summary>β_R: the mean training discrepancy on the warm-up data (discrete: hand back on equal actions).</summary>
    protected override void InitializeGate(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _gate.DiscrepancyThreshold = context.Action.IsDiscrete ? 0.0 : _ensemble.MeanDiscrepancy(context.Human);
    }

    /// <inheritdoc />
    protected override void WriteGateState(StateWriter writer) => _gate.WriteState(writer);

    /// <inheritdoc />
    protected override void ReadGateState(StateReader reader) => _gate.ReadState(reader);

    /// <inheritdoc />
    protected override void ReportGateMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics[ThriftyMethod.NoveltyThresholdMetric] = _gate.NoveltyThreshold;
        metrics[ThriftyMethod.DiscrepancyThresholdMetric] = _gate.DiscrepancyThreshold;
    }

    private static BootstrapEnsemble CreateEnsemble(ObservationSpec observation, ActionSpec action, EnsembleDaggerOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        options.Validate();
        return new BootstrapEnsemble(observation, action, options.Members, options.Policy, options.PolicyNetwork, rng.Split());
    }
}
