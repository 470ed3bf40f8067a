using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Thrifty;

/// <summary>
/// Thrifty-DAgger's robot policy (Hoque et al., 2021, <c>core.Ensemble</c>): M policies, each cloning its own
/// bootstrap resample of the human buffer. The ensemble acts with the members' mean action (continuous) or the argmax
/// of their mean action probabilities (discrete); its novelty in a state is the members' disagreement there.
/// Ensemble-DAgger uses the same class.
/// </summary>
public sealed class BootstrapEnsemble : IPolicyLearner, IBatchActor
{
    private static readonly string[] s_metricNames = { BcPolicyLearner.PolicyLossMetric };

    private readonly Policy[] _members;
    private readonly BcLearner[] _learners;
    private readonly BcOptions _options;
    private double _lastLoss = double.NaN;
    private readonly StagingTensor _input;

    /// <summary>Builds <paramref name="members"/> freshly initialised members, each with its own learner and random stream.</summary>
    /// <param name="observation">Observation spec.</param>
    /// <param name="action">Action spec.</param>
    /// <param name="members">Ensemble size M (Thrifty: 5).</param>
    /// <param name="options">Each member's learner; <see cref="BcOptions.Bootstrap"/> is forced on.</param>
    /// <param name="network">Member architecture (null: <see cref="BcPolicyLearner.DefaultNetwork"/>).</param>
    /// <param name="rng">Random stream, split once per member.</param>
    public BootstrapEnsemble(ObservationSpec observation, ActionSpec action, int members, BcOptions options, NetworkOptions? network, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(observation);
        Action = action ?? throw new ArgumentNullException(nameof(action));
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        if (members < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(members), members, "An ensemble needs at least 2 members to measure disagreement.");
        }

        Observation = observation;
        _options = options with { Bootstrap = true };
        _members = new Policy[members];
        _learners = new BcLearner[members];
        for (int m = 0; m < members; m++)
        {
            _members[m] = new Policy(observation, action, network ?? BcPolicyLearner.DefaultNetwork(observation));
            _learners[m] = new BcLearner(_members[m], _options, rng.Split());
        }

        _input = new StagingTensor(observation.Size);
    }

    /// <summary>The observation spec.</summary>
    public ObservationSpec Observation { get; }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>The members.</summary>
    public IReadOnlyList<Policy> Members => _members;

    /// <inheritdoc />
    public IActor Actor => this;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => s_metricNames;

    /// <summary>
    /// Novelty of each state from the members' outputs (M × B × K): the population variance across members (ddof 0),
    /// averaged over the K action dimensions (discrete: over the K action probabilities). Shape B.
    /// </summary>
    public static Tensor Novelty(Tensor memberOutputs)
    {
        ArgumentNullException.ThrowIfNull(memberOutputs);
        return memberOutputs.var(0, unbiased: false).mean(new long[] { 1 });
    }

    /// <summary>
    /// The ensemble's action from the members' outputs (M × B × K): the mean action (continuous), or the argmax of
    /// the mean probabilities as a float index (discrete). Shape B × action floats.
    /// </summary>
    public static Tensor ActionFrom(Tensor memberOutputs, bool discrete)
    {
        ArgumentNullException.ThrowIfNull(memberOutputs);
        Tensor mean = memberOutputs.mean(new long[] { 0 });
        return discrete ? mean.argmax(1, keepdim: true).to_type(ScalarType.Float32) : mean;
    }

    /// <summary>Each member's output for a batch (M × B × K): softmax probabilities (discrete) or actions (continuous).</summary>
    public Tensor MemberOutputs(Tensor observations)
    {
        var outputs = new Tensor[_members.Length];
        for (int m = 0; m < _members.Length; m++)
        {
            Tensor raw = _members[m].Forward(observations);
            outputs[m] = Action.IsDiscrete ? raw.softmax(1) : raw;
        }

        return stack(outputs);
    }

    /// <summary>The ensemble's actions for a batch (B × action floats), without gradient.</summary>
    public Tensor ActTensor(Tensor observations)
    {
        using var noGrad = no_grad();
        return ActionFrom(MemberOutputs(observations), Action.IsDiscrete);
    }

    /// <inheritdoc />
    public void Act(ReadOnlySpan<float> observations, int count, Span<float> actions)
    {
        using var scope = NewDisposeScope();
        using StagedTensor input = _input.Stage(observations, count);
        ActTensor(input.Tensor).contiguous().FloatSpan().CopyTo(actions[..(count * Action.Dimension)]);
    }

    /// <summary>The novelty of one encoded state.</summary>
    public double Novelty(ReadOnlySpan<float> observation)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using StagedTensor input = _input.Stage(observation, 1);
        return Novelty(MemberOutputs(input.Tensor)).item<float>();
    }

    /// <summary>The novelty of every state in <paramref name="buffer"/>, in logical order.</summary>
    public double[] Novelties(HacoBuffer buffer)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        ReadOnlySpan<float> values = Novelty(MemberOutputs(AllObservations(buffer))).contiguous().FloatSpan();
        var novelties = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            novelties[i] = values[i];
        }

        return novelties;
    }

    /// <summary>
    /// Mean over the human buffer of the discrepancy between the ensemble's action and the expert's (Thrifty's β_R:
    /// the mean training discrepancy), with <see cref="ActionSpec.Discrepancy"/>'s mean over dimensions.
    /// </summary>
    public double MeanDiscrepancy(HacoBuffer human)
    {
        ArgumentNullException.ThrowIfNull(human);
        using var scope = NewDisposeScope();
        ReadOnlySpan<float> robot = ActTensor(AllObservations(human)).contiguous().FloatSpan();
        int d = Action.Dimension;
        double sum = 0;
        for (int i = 0; i < human.Count; i++)
        {
            sum += Action.Discrepancy(robot.Slice(i * d, d), human.BehaviourAction(human.SlotOf(i)));
        }

        return sum / human.Count;
    }

    /// <inheritdoc />
    public void Initialize(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _lastLoss = TrainMembers(context.Human, _options.InitialSteps);
    }

    /// <inheritdoc />
    public void Update(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _lastLoss = TrainMembers(context.Human, _options.StepsPerUpdate);
    }

    /// <inheritdoc />
    public void ReportMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics[BcPolicyLearner.PolicyLossMetric] = _lastLoss;
    }

    /// <summary>One file per member in <paramref name="directory"/> (the networks that act now): <c>member{m}.dat</c>.</summary>
    public IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory) =>
        _members.Select((member, m) => new CheckpointEntry(Path.Combine(directory, $"member{m}.dat"), member.Network)).ToArray();

    /// <summary>Saves every member (<c>member{m}.dat</c>), each file with its checksum.</summary>
    public void Save(string directory) => CheckpointFile.Save(CheckpointEntries(directory));

    /// <summary>Loads every member, all or none: when any file is missing or damaged no member changes.</summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is damaged, unverifiable or of another architecture (the message names it).</exception>
    public void Load(string directory) => CheckpointFile.Load(CheckpointEntries(directory));

    /// <inheritdoc />
    /// <remarks>Every member's weights, sampling stream and optimiser, and the last loss.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("bootstrap-ensemble");
        writer.Write(_members.Length);
        for (int m = 0; m < _members.Length; m++)
        {
            TensorState.Write(writer, $"member {m}", _members[m].Network);
            _learners[m].WriteState(writer);
        }

        writer.Write(_lastLoss);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("bootstrap-ensemble");
        reader.Expect("the number of members", reader.ReadInt32(), _members.Length);
        for (int m = 0; m < _members.Length; m++)
        {
            TensorState.Read(reader, $"member {m}", _members[m].Network);
            _learners[m].ReadState(reader);
        }

        _lastLoss = reader.ReadDouble();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (BcLearner learner in _learners)
        {
            learner.Dispose();
        }

        foreach (Policy member in _members)
        {
            member.Dispose();
        }

        _input.Dispose();
    }

    /// <summary>
    /// Each member clones a fresh bootstrap resample of the human buffer; returns the members' mean loss. The members
    /// share nothing but the buffer they read, so they train at the same time (<see cref="ConcurrentWork"/>), each
    /// exactly as it would alone.
    /// </summary>
    private double TrainMembers(HacoBuffer human, int steps)
    {
        var losses = new double[_learners.Length];
        ConcurrentWork.For(_learners.Length, m => losses[m] = _learners[m].Train(human, steps));

        // Summed in member order, as one member after another would.
        double total = 0;
        foreach (double loss in losses)
        {
            total += loss;
        }

        return total / _learners.Length;
    }

    /// <summary>Every observation of <paramref name="buffer"/> in logical order, copied straight into a tensor of the current scope.</summary>
    private Tensor AllObservations(HacoBuffer buffer)
    {
        int size = Observation.Size;
        Tensor all = empty(new long[] { buffer.Count, size }, ScalarType.Float32);
        Span<float> data = all.FloatSpan();
        for (int i = 0; i < buffer.Count; i++)
        {
            buffer.Observation(buffer.SlotOf(i)).CopyTo(data.Slice(i * size, size));
        }

        return all;
    }
}
