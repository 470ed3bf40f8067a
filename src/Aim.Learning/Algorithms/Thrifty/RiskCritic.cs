using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Thrifty;

/// <summary>
/// Thrifty-DAgger's risk critic Q_risk(s, a): twin sigmoid critics estimating the discounted probability that the
/// robot policy reaches the goal from s after a. Safety is min(Q1, Q2): higher is safer. Continuous critics read
/// concat(s, a); discrete ones give one sigmoid per action. Polyak-averaged target copies serve the clipped
/// double-Q target.
/// </summary>
public sealed class RiskCritic : IDisposable
{
    private readonly StagingTensor _observationInput;
    private readonly StagingTensor _actionInput;

    /// <summary>Builds the twin critics and their targets (initialised equal to them).</summary>
    public RiskCritic(ObservationSpec observation, ActionSpec action, NetworkOptions network)
    {
        Observation = observation ?? throw new ArgumentNullException(nameof(observation));
        Action = action ?? throw new ArgumentNullException(nameof(action));
        ArgumentNullException.ThrowIfNull(network);
        Q1 = Create(network);
        Q2 = Create(network);
        Target1 = Create(network);
        Target2 = Create(network);
        SyncTargets();
        _observationInput = new StagingTensor(observation.Size);
        _actionInput = new StagingTensor(action.Dimension);
    }

    /// <summary>The observation spec.</summary>
    public ObservationSpec Observation { get; }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>The first critic.</summary>
    public FeatureNetwork Q1 { get; }

    /// <summary>The second critic.</summary>
    public FeatureNetwork Q2 { get; }

    /// <summary>The first critic's target copy.</summary>
    public FeatureNetwork Target1 { get; }

    /// <summary>The second critic's target copy.</summary>
    public FeatureNetwork Target2 { get; }

    /// <summary>The trained parameters (both critics).</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> Parameters() => Q1.parameters().Concat(Q2.parameters());

    /// <summary>
    /// The clipped double-Q target of the goal-reaching critic: y = r + γ (1 − done) · min(Q̂1(s′, a′), Q̂2(s′, a′)),
    /// where r = 1 only on the transition into success and done marks success or the end of the episode.
    /// </summary>
    public static Tensor TdTarget(Tensor successes, Tensor done, Tensor nextTarget1, Tensor nextTarget2, double gamma) =>
        successes.Plus(done.SubtractedFrom(1).Times(gamma) * minimum(nextTarget1, nextTarget2));

    /// <summary>done = min(terminated + truncated, 1): success, failure or the horizon; no bootstrap past it.</summary>
    public static Tensor Done(Tensor terminated, Tensor truncated) => terminated.Plus(truncated).ClampMax(1);

    /// <summary>The critics' loss: MSE(Q1(s, a), y) + MSE(Q2(s, a), y), with y held constant.</summary>
    public static Tensor Loss(Tensor q1, Tensor q2, Tensor target)
    {
        Tensor y = target.detach();
        return nn.functional.mse_loss(q1, y).Plus(nn.functional.mse_loss(q2, y));
    }

    /// <summary>Q(s, a) of <paramref name="network"/> for a batch: B × obs and B × action floats in, B out.</summary>
    public Tensor Values(FeatureNetwork network, Tensor observations, Tensor actions)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (Action.IsDiscrete)
        {
            return network.Forward(observations).gather(1, actions.to_type(ScalarType.Int64).view(-1, 1)).squeeze(1);
        }

        return network.Forward(observations, actions).squeeze(1);
    }

    /// <summary>Safety min(Q1, Q2)(s, a) of one encoded state and action, without gradient.</summary>
    public double Safety(ReadOnlySpan<float> observation, ReadOnlySpan<float> action)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using StagedTensor obs = _observationInput.Stage(observation, 1);
        using StagedTensor act = _actionInput.Stage(action, 1);
        return minimum(Values(Q1, obs.Tensor, act.Tensor), Values(Q2, obs.Tensor, act.Tensor)).item<float>();
    }

    /// <summary>θ̂ ← ρ θ̂ + (1 − ρ) θ for both critics (Thrifty: ρ = 0.995).</summary>
    public void PolyakUpdate(double polyak)
    {
        TargetNetworks.SoftUpdate(Q1, Target1, 1 - polyak);
        TargetNetworks.SoftUpdate(Q2, Target2, 1 - polyak);
    }

    /// <summary>Copies the critics into their targets (the original never did this when it re-created the critics).</summary>
    public void SyncTargets()
    {
        TargetNetworks.Copy(Q1, Target1);
        TargetNetworks.Copy(Q2, Target2);
    }

    /// <summary>
    /// The checkpoint files of the critics in <paramref name="directory"/>: <c>risk_q1.dat</c> and <c>risk_q2.dat</c>.
    /// The targets are not stored; a load copies each critic into its target, as <see cref="SyncTargets"/> does.
    /// </summary>
    public IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory) =>
    [
        new CheckpointEntry(Path.Combine(directory, "risk_q1.dat"), Q1, Target1),
        new CheckpointEntry(Path.Combine(directory, "risk_q2.dat"), Q2, Target2),
    ];

    /// <summary>Saves both critics (<c>risk_q1.dat</c>, <c>risk_q2.dat</c>) into <paramref name="directory"/>, each with its checksum.</summary>
    public void Save(string directory) => CheckpointFile.Save(CheckpointEntries(directory));

    /// <summary>
    /// Loads what <see cref="Save"/> wrote, both critics or neither, and syncs the targets to them; on failure nothing
    /// changes.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is damaged, unverifiable or of another architecture (the message names it).</exception>
    public void Load(string directory) => CheckpointFile.Load(CheckpointEntries(directory));

    /// <inheritdoc />
    public void Dispose()
    {
        Q1.Dispose();
        Q2.Dispose();
        Target1.Dispose();
        Target2.Dispose();
        _observationInput.Dispose();
        _actionInput.Dispose();
    }

    private FeatureNetwork Create(NetworkOptions network) => new(
        Observation,
        extraInputs: Action.IsDiscrete ? 0 : Action.Dimension,
        outputs: Action.IsDiscrete ? Action.Count : 1,
        network,
        OutputActivation.Sigmoid);
}
