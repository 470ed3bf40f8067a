using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Aim;

/// <summary>
/// The proxy intervention value Q^I(s, a): high means "a human would take over here". For discrete actions one
/// network gives Q^I(s, ·) for every action; for continuous ones the network reads concat(s, a). A Polyak-averaged
/// target copy Q̂ serves the TD target.
/// </summary>
public sealed class ProxyQ : IDisposable
{
    private readonly StagingTensor _observationInput;
    private readonly StagingTensor _actionInput;

    /// <summary>Builds Q^I and its target (initialised equal).</summary>
    public ProxyQ(ObservationSpec observation, ActionSpec action, NetworkOptions network)
    {
        Observation = observation ?? throw new ArgumentNullException(nameof(observation));
        Action = action ?? throw new ArgumentNullException(nameof(action));
        int extra = action.IsDiscrete ? 0 : action.Dimension;
        int outputs = action.IsDiscrete ? action.Count : 1;
        Online = new FeatureNetwork(observation, extra, outputs, network);
        Target = new FeatureNetwork(observation, extra, outputs, network);
        TargetNetworks.Copy(Online, Target);
        _observationInput = new StagingTensor(observation.Size);
        _actionInput = new StagingTensor(action.Dimension);
    }

    /// <summary>The observation spec.</summary>
    public ObservationSpec Observation { get; }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>The trained network θ.</summary>
    public FeatureNetwork Online { get; }

    /// <summary>The target network θ̂.</summary>
    public FeatureNetwork Target { get; }

    /// <summary>Q^I_θ(s, a) for a batch: B × obs and B × action-floats in, B out.</summary>
    public Tensor Values(Tensor observations, Tensor actions) => Evaluate(Online, observations, actions);

    /// <summary>
    /// V̂(s′) of the TD target, without gradient (J_TD in docs/learning.md): with <see cref="AimTdTarget.Max"/>,
    /// max_a′ Q̂(s′, a′) for discrete actions (exact) and Q̂(s′, π_r(s′)) for continuous ones (no exact max exists);
    /// with <see cref="AimTdTarget.RobotAction"/>, Q̂(s′, π_r(s′)) for both: the value of what the robot would do next.
    /// </summary>
    public Tensor NextValues(Tensor nextObservations, IBatchActor robot, AimTdTarget target = AimTdTarget.Max)
    {
        using var noGrad = no_grad();
        if (Action.IsDiscrete && target == AimTdTarget.Max)
        {
            return Target.Forward(nextObservations).max(1).values;
        }

        ArgumentNullException.ThrowIfNull(robot);
        return Evaluate(Target, nextObservations, robot.ActTensor(nextObservations));
    }

    /// <summary>Q^I(s, a) for single or batched encoded inputs, without gradient.</summary>
    public void Predict(ReadOnlySpan<float> observations, ReadOnlySpan<float> actions, int count, Span<float> values)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using StagedTensor obs = _observationInput.Stage(observations, count);
        using StagedTensor act = _actionInput.Stage(actions, count);
        Values(obs.Tensor, act.Tensor).contiguous().FloatSpan().CopyTo(values);
    }

    /// <summary>Q^I(s, π_r(s)) on the first <paramref name="count"/> rows of <paramref name="observations"/>, without gradient.</summary>
    public double[] RobotValues(ReadOnlySpan<float> observations, int count, IBatchActor robot)
    {
        ArgumentNullException.ThrowIfNull(robot);
        using var scope = NewDisposeScope();
        return RobotValues(TensorMemory.FromSpan(observations, count, Observation.Size), robot);
    }

    /// <summary>Q^I(s, π_r(s)) for a batch of encoded states (B × obs), without gradient.</summary>
    public double[] RobotValues(Tensor observations, IBatchActor robot)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(robot);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return ToDoubles(Values(observations, robot.ActTensor(observations)));
    }

    /// <summary>Q^I(s, a) on the first <paramref name="count"/> rows of given states and actions, without gradient.</summary>
    public double[] ValuesOf(ReadOnlySpan<float> observations, ReadOnlySpan<float> actions, int count)
    {
        using var scope = NewDisposeScope();
        return ValuesOf(TensorMemory.FromSpan(observations, count, Observation.Size), TensorMemory.FromSpan(actions, count, Action.Dimension));
    }

    /// <summary>Q^I(s, a) for a batch of encoded states (B × obs) and actions (B × action floats), without gradient.</summary>
    public double[] ValuesOf(Tensor observations, Tensor actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(actions);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return ToDoubles(Values(observations, actions));
    }

    /// <summary>θ̂ ← τ θ + (1 − τ) θ̂.</summary>
    public void SoftUpdate(double tau) => TargetNetworks.SoftUpdate(Online, Target, tau);

    /// <summary>
    /// The checkpoint files of Q^I when saved at <paramref name="path"/>: θ at <paramref name="path"/>, θ̂ beside it at
    /// <c>{path}.target</c> (the target is stored: it lags θ by the Polyak average, and Q^I's TD term reads it).
    /// </summary>
    public IReadOnlyList<CheckpointEntry> CheckpointEntries(string path) =>
    [
        new CheckpointEntry(path, Online),
        new CheckpointEntry(path + ".target", Target),
    ];

    /// <summary>Saves θ (and θ̂ beside it), each file with its checksum (<see cref="CheckpointFile"/>).</summary>
    public void Save(string path) => CheckpointFile.Save(CheckpointEntries(path));

    /// <summary>Loads what <see cref="Save"/> wrote, both files or neither: on failure θ and θ̂ are unchanged.</summary>
    /// <exception cref="FileNotFoundException">A file does not exist (θ̂'s is required: <see cref="Save"/> always writes it).</exception>
    /// <exception cref="InvalidDataException">A file is damaged, unverifiable or of another architecture (the message names it).</exception>
    public void Load(string path) => CheckpointFile.Load(CheckpointEntries(path));

    /// <inheritdoc />
    public void Dispose()
    {
        Online.Dispose();
        Target.Dispose();
        _observationInput.Dispose();
        _actionInput.Dispose();
    }

    private static double[] ToDoubles(Tensor values)
    {
        ReadOnlySpan<float> floats = values.contiguous().FloatSpan();
        var doubles = new double[floats.Length];
        for (int i = 0; i < floats.Length; i++)
        {
            doubles[i] = floats[i];
        }

        return doubles;
    }

    private Tensor Evaluate(FeatureNetwork network, Tensor observations, Tensor actions)
    {
        if (Action.IsDiscrete)
        {
            Tensor all = network.Forward(observations);
            return all.gather(1, actions.to_type(ScalarType.Int64).view(-1, 1)).squeeze(1);
        }

        return network.Forward(observations, actions).squeeze(1);
    }
}
