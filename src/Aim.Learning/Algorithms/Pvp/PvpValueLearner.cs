using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Learners;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Pvp;

/// <summary>
/// What PVP's two value learners share: balanced batches, the schedule (<see cref="PvpValueOptions.InitialSteps"/>
/// after warm-up, <see cref="PvpValueOptions.StepsPerUpdate"/> per update) and the Q metrics. Each form writes its
/// gradient step.
/// </summary>
public abstract class PvpValueLearner : IPolicyLearner
{
    private readonly string[] _metricNames;

    /// <summary>Sets up the sampler (its random stream is the first split of <paramref name="rng"/>).</summary>
    protected PvpValueLearner(ObservationSpec observation, ActionSpec action, PvpValueOptions options, Rng rng, params string[] extraMetricNames)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(action);
        Options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(rng);
        options.Validate();
        Sampler = new BalancedSampler(options.BatchSize, observation.Size, action.Dimension, rng.Split());
        _metricNames = new[] { PvpMethod.QLossMetric, PvpMethod.QHumanMetric, PvpMethod.QNoviceMetric }.Concat(extraMetricNames).ToArray();
    }

    /// <inheritdoc />
    public abstract IActor Actor { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => _metricNames;

    /// <summary>The options in force.</summary>
    protected PvpValueOptions Options { get; }

    /// <summary>Half-human, half-agent batches.</summary>
    protected BalancedSampler Sampler { get; }

    /// <summary>The value loss of the last step.</summary>
    protected double LastLoss { get; set; } = double.NaN;

    /// <summary>Mean Q(s, a_behaviour) on the last batch.</summary>
    protected double LastQHuman { get; set; } = double.NaN;

    /// <summary>Mean Q(s, a_novice) on the last batch.</summary>
    protected double LastQNovice { get; set; } = double.NaN;

    /// <inheritdoc />
    public void Initialize(TrainingContext context) => Train(context, Options.InitialSteps);

    /// <inheritdoc />
    public void Update(TrainingContext context) => Train(context, Options.StepsPerUpdate);

    /// <inheritdoc />
    public virtual void ReportMetrics(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics[PvpMethod.QLossMetric] = LastLoss;
        metrics[PvpMethod.QHumanMetric] = LastQHuman;
        metrics[PvpMethod.QNoviceMetric] = LastQNovice;
    }

    /// <inheritdoc />
    public abstract IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory);

    /// <inheritdoc />
    public void Save(string directory) => CheckpointFile.Save(CheckpointEntries(directory));

    /// <inheritdoc />
    public void Load(string directory) => CheckpointFile.Load(CheckpointEntries(directory));

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    /// <remarks>The sampler's stream and the last statistics, then the subclass's networks and optimisers.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("pvp-learner " + GetType().Name);
        Sampler.WriteState(writer);
        writer.Write(LastLoss);
        writer.Write(LastQHuman);
        writer.Write(LastQNovice);
        WriteLearnerState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("pvp-learner " + GetType().Name);
        Sampler.ReadState(reader);
        LastLoss = reader.ReadDouble();
        LastQHuman = reader.ReadDouble();
        LastQNovice = reader.ReadDouble();
        ReadLearnerState(reader);
    }

    /// <summary>Writes the subclass's networks, optimisers and counters.</summary>
    protected abstract void WriteLearnerState(StateWriter writer);

    /// <summary>Reads what <see cref="WriteLearnerState"/> wrote.</summary>
    protected abstract void ReadLearnerState(StateReader reader);

    /// <summary>One gradient step on a fresh balanced batch.</summary>
    protected abstract void Step(TrainingContext context);

    /// <summary>Releases the networks and optimisers.</summary>
    protected abstract void Dispose(bool disposing);

    private void Train(TrainingContext context, int steps)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (int i = 0; i < steps; i++)
        {
            Step(context);
        }
    }
}
