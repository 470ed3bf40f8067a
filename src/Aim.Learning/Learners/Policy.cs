using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Learners;

/// <summary>
/// The robot policy π_r: logits over actions (discrete; the action is the argmax) or a tanh-bounded action
/// (continuous). Every method shares this class, so that methods differ only in their gate and a comparison measures
/// the gate, not the policy (docs/decisions.md#one-shared-learner).
/// </summary>
public sealed class Policy : IBatchActor, IDisposable
{
    private readonly StagingTensor _input;

    /// <summary>Builds a freshly initialised policy.</summary>
    public Policy(ObservationSpec observation, ActionSpec action, NetworkOptions network)
    {
        Observation = observation ?? throw new ArgumentNullException(nameof(observation));
        Action = action ?? throw new ArgumentNullException(nameof(action));
        Network = new FeatureNetwork(
            observation,
            extraInputs: 0,
            outputs: action.IsDiscrete ? action.Count : action.Dimension,
            network,
            action.IsDiscrete ? OutputActivation.Identity : OutputActivation.Tanh);
        _input = new StagingTensor(observation.Size);
    }

    /// <summary>The observation spec.</summary>
    public ObservationSpec Observation { get; }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>The network (logits for discrete actions, actions for continuous ones).</summary>
    public FeatureNetwork Network { get; }

    /// <summary>Raw outputs for a batch: logits (B × n) or actions (B × d).</summary>
    public Tensor Forward(Tensor observations) => Network.Forward(observations);

    /// <summary>Deterministic actions as the float form buffers use: B × 1 indices or B × d actions.</summary>
    public Tensor ActTensor(Tensor observations)
    {
        Tensor output = Network.Forward(observations);
        return Action.IsDiscrete ? output.argmax(1, keepdim: true).to_type(ScalarType.Float32) : output;
    }

    /// <inheritdoc />
    public void Act(ReadOnlySpan<float> observations, int count, Span<float> actions)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using StagedTensor input = _input.Stage(observations, count);
        Tensor result = ActTensor(input.Tensor).contiguous();
        result.FloatSpan().CopyTo(actions[..(count * Action.Dimension)]);
    }

    /// <summary>Saves the network weights with their checksum (<see cref="CheckpointFile"/>).</summary>
    public void Save(string path) => CheckpointFile.Save(Network, path);

    /// <summary>Loads weights saved by <see cref="Save"/>; on failure the policy is unchanged.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is damaged, unverifiable or of another architecture (the message names it).</exception>
    public void Load(string path) => CheckpointFile.Load(Network, path);

    /// <inheritdoc />
    public void Dispose()
    {
        Network.Dispose();
        _input.Dispose();
    }
}
