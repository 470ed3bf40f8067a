using Aim.Core.Resume;
using Aim.Learning.Learners;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Common;

/// <summary>
/// A baseline as the pair the harness needs: a policy learner (<see cref="IPolicyLearner"/>) and a gate. Derived
/// classes write only their gate (<see cref="Decide"/>, and the hooks that fit its thresholds); learning, metrics,
/// checkpoints and disposal of the learner are here.
/// </summary>
public abstract class GatedMethod : IMethod
{
    private readonly string[] _metricNames;

    /// <summary>Pairs <paramref name="learner"/> with the gate of the derived class.</summary>
    /// <param name="learner">The policy learner (owned: disposed with the method).</param>
    /// <param name="gateMetricNames">Names of the gate's metrics, reported by <see cref="ReportGateMetrics"/>.</param>
    protected GatedMethod(IPolicyLearner learner, IReadOnlyList<string> gateMetricNames)
    {
        Learner = learner ?? throw new ArgumentNullException(nameof(learner));
        ArgumentNullException.ThrowIfNull(gateMetricNames);
        _metricNames = gateMetricNames.Concat(learner.MetricNames).ToArray();
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract bool IsRobotGated { get; }

    /// <inheritdoc />
    public virtual bool LearnsOnlyFromWarmUp => false;

    /// <inheritdoc />
    public virtual double TargetSwitchRate => double.NaN;

    /// <inheritdoc />
    public IActor Actor => Learner.Actor;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => _metricNames;

    /// <summary>The policy learner.</summary>
    public IPolicyLearner Learner { get; }

    /// <inheritdoc />
    public void Initialize(TrainingContext context)
    {
        TrainPolicy(context, initial: true);
        InitializeGate(context);
    }

    /// <inheritdoc />
    /// <remarks>The learner's scheduled update on the buffers as they are (the agent buffer is still empty).</remarks>
    public void TrainDuringWarmUp(TrainingContext context) => Learner.Update(context);

    /// <inheritdoc />
    public abstract GateDecision Decide(in GateInput input);

    /// <inheritdoc />
    public virtual void OnStep(in GateInput input, GateDecision decision)
    {
    }

    /// <inheritdoc />
    public virtual void OnEpisodeEnd(TrainingContext context)
    {
    }

    /// <inheritdoc />
    public void Update(TrainingContext context)
    {
        BeforePolicyUpdate(context);
        TrainPolicy(context, initial: false);
        UpdateGate(context);
    }

    /// <inheritdoc />
    public void ReportMetrics(IDictionary<string, double> metrics)
    {
        Learner.ReportMetrics(metrics);
        ReportGateMetrics(metrics);
    }

    /// <inheritdoc />
    /// <remarks>Writes the files of <see cref="CheckpointEntries"/>.</remarks>
    public void Save(string directory) => CheckpointFile.Save(CheckpointEntries(directory));

    /// <inheritdoc />
    /// <remarks>Reads the files of <see cref="CheckpointEntries"/>, the learner's and the gate's together.</remarks>
    public void Load(string directory) => CheckpointFile.Load(CheckpointEntries(directory));

    /// <summary>
    /// The files of a checkpoint in <paramref name="directory"/>: the learner's, then those of the gate's networks.
    /// <see cref="Save"/> and <see cref="Load"/> both come from this one list, so they cannot drift apart. Default: the
    /// learner's alone.
    /// </summary>
    public virtual IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory) => Learner.CheckpointEntries(directory);

    /// <inheritdoc />
    /// <remarks>The method's name (a state of another method fails here), the policy learner's state, then the gate's.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("method " + Name);
        Learner.WriteState(writer);
        WriteGateState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("method " + Name);
        Learner.ReadState(reader);
        ReadGateState(reader);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Fits the gate to the warm-up data, after the learner's first fit. Default: nothing.</summary>
    protected virtual void InitializeGate(TrainingContext context)
    {
    }

    /// <summary>
    /// Called before each policy update, while the labels that arrived since the last one are still unseen by the
    /// policy (held-out data). Default: nothing.
    /// </summary>
    protected virtual void BeforePolicyUpdate(TrainingContext context)
    {
    }

    /// <summary>
    /// The part of the gate's training that reads neither the policy nor anything its training changes (for AIM: Q^I's
    /// gradient steps when their loss never asks π_r), run while the policy trains, on another thread when one is free
    /// (<see cref="ConcurrentWork"/>); the results are those of running it right after the policy's training.
    /// Null (default): none, everything happens in <see cref="InitializeGate"/> / <see cref="UpdateGate"/>.
    /// </summary>
    /// <param name="context">The buffers.</param>
    /// <param name="initial">True at the initial fit after warm-up, false at an update.</param>
    protected virtual Action? GateTrainingBesidePolicy(TrainingContext context, bool initial) => null;

    /// <summary>Updates the gate after each policy update. Default: nothing.</summary>
    protected virtual void UpdateGate(TrainingContext context)
    {
    }

    /// <summary>The policy's initial fit or update, with the gate's independent training beside it.</summary>
    private void TrainPolicy(TrainingContext context, bool initial)
    {
        Action policy = initial ? () => Learner.Initialize(context) : () => Learner.Update(context);
        if (GateTrainingBesidePolicy(context, initial) is { } gate)
        {
            ConcurrentWork.Both(policy, gate);
        }
        else
        {
            policy();
        }
    }

    /// <summary>Writes the gate's metrics. Default: nothing.</summary>
    protected virtual void ReportGateMetrics(IDictionary<string, double> metrics)
    {
    }

    /// <summary>Writes the gate's part of the state (its thresholds, statistics and networks). Default: nothing.</summary>
    protected virtual void WriteGateState(StateWriter writer)
    {
    }

    /// <summary>Reads what <see cref="WriteGateState"/> wrote.</summary>
    protected virtual void ReadGateState(StateReader reader)
    {
    }

    /// <summary>Releases the learner (and, in subclasses, the gate's networks).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Learner.Dispose();
        }
    }
}
