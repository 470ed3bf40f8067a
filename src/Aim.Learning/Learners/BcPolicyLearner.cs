using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Learning.Learners;

/// <summary>
/// The shared learner of the baselines: one <see cref="Policy"/> trained by <see cref="BcLearner"/> on the human
/// buffer, <see cref="BcOptions.InitialSteps"/> after warm-up and <see cref="BcOptions.StepsPerUpdate"/> per update.
/// </summary>
public sealed class BcPolicyLearner : IPolicyLearner
{
    /// <summary>The behaviour-cloning loss of the last fit.</summary>
    public const string PolicyLossMetric = "train/policy_loss";

    private static readonly string[] s_metricNames = { PolicyLossMetric };

    private readonly BcLearner _learner;
    private double _lastLoss = double.NaN;

    /// <summary>Builds the policy and its learner.</summary>
    /// <param name="observation">Observation spec.</param>
    /// <param name="action">Action spec.</param>
    /// <param name="options">Behaviour-cloning options.</param>
    /// <param name="network">Architecture (null: <see cref="DefaultNetwork"/>).</param>
    /// <param name="rng">Random stream of the batches.</param>
    public BcPolicyLearner(ObservationSpec observation, ActionSpec action, BcOptions options, NetworkOptions? network, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(rng);
        Policy = new Policy(observation, action, network ?? DefaultNetwork(observation));
        _learner = new BcLearner(Policy, options, rng.Split());
    }

    /// <summary>The robot policy π_r.</summary>
    public Policy Policy { get; }

    /// <inheritdoc />
    public IActor Actor => Policy;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => s_metricNames;

    /// <summary>
    /// The policy architecture the methods share when none is given: the grid head (CNN, then [64] tanh) for images,
    /// 256-256 ReLU for vectors (the AIM and Thrifty code).
    /// </summary>
    public static NetworkOptions DefaultNetwork(ObservationSpec observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return observation.IsImage ? NetworkOptions.GridHead : NetworkOptions.Actor256;
    }

    /// <inheritdoc />
    public void Initialize(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _lastLoss = _learner.Train(context.Human, _learner.Options.InitialSteps);
    }

    /// <inheritdoc />
    public void Update(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _lastLoss = _learner.Train(context.Human, _learner.Options.StepsPerUpdate);
    }

    /// <inheritdoc />
    public void ReportMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics[PolicyLossMetric] = _lastLoss;
    }

    /// <summary>One file in <paramref name="directory"/>: <c>policy.dat</c>.</summary>
    public IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory) =>
        [new CheckpointEntry(Path.Combine(directory, "policy.dat"), Policy.Network)];

    /// <inheritdoc />
    public void Save(string directory) => CheckpointFile.Save(CheckpointEntries(directory));

    /// <inheritdoc />
    public void Load(string directory) => CheckpointFile.Load(CheckpointEntries(directory));

    /// <inheritdoc />
    /// <remarks>The policy's weights, the learner's stream and optimiser, and the last loss (reported at the next evaluation).</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        TensorState.Write(writer, "bc-policy", Policy.Network);
        _learner.WriteState(writer);
        writer.Write(_lastLoss);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        TensorState.Read(reader, "bc-policy", Policy.Network);
        _learner.ReadState(reader);
        _lastLoss = reader.ReadDouble();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _learner.Dispose();
        Policy.Dispose();
    }
}
