using Aim.Core.Resume;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Learning.Learners;

/// <summary>
/// The robot policy together with how it learns from the buffers: behaviour cloning (<see cref="BcPolicyLearner"/>),
/// a bootstrap ensemble (Thrifty-DAgger, Ensemble-DAgger) or PVP's proxy-value learners. A gated method pairs one of
/// these with its gate.
/// </summary>
public interface IPolicyLearner : IDisposable, IResumable
{
    /// <summary>The deterministic actor the harness queries.</summary>
    IActor Actor { get; }

    /// <summary>Names of the learner's metrics (e.g. <c>train/policy_loss</c>).</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>The first fit, on the warm-up data.</summary>
    void Initialize(TrainingContext context);

    /// <summary>One scheduled update from the buffers.</summary>
    void Update(TrainingContext context);

    /// <summary>Writes the current values of <see cref="MetricNames"/>.</summary>
    void ReportMetrics(IDictionary<string, double> metrics);

    /// <summary>
    /// The files <see cref="Save"/> writes into <paramref name="directory"/> and <see cref="Load"/> reads, each with the
    /// network it holds (and the target network a load keeps in step with it). A method adds its gate's files to these
    /// and loads them all at once (<see cref="CheckpointFile.Load(IReadOnlyCollection{CheckpointEntry})"/>).
    /// </summary>
    IReadOnlyList<CheckpointEntry> CheckpointEntries(string directory);

    /// <summary>Saves the networks that act into <paramref name="directory"/>, each file with its checksum.</summary>
    void Save(string directory);

    /// <summary>Loads what <see cref="Save"/> wrote, all files or none: when any is missing or damaged nothing changes.</summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is damaged, unverifiable or of another architecture (the message names it).</exception>
    void Load(string directory);
}
