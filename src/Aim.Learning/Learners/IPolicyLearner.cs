using Aim.Learning.Training;

namespace Aim.Learning.Learners;

/// <summary>
/// The robot policy together with how it learns from the buffers: behaviour cloning (<see cref="BcPolicyLearner"/>),
/// a bootstrap ensemble (Thrifty-DAgger, Ensemble-DAgger) or PVP's proxy-value learners. A gated method pairs one of
/// these with its gate.
/// </summary>
public interface IPolicyLearner : IDisposable
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

    /// <summary>Saves the networks that act into <paramref name="directory"/>.</summary>
    void Save(string directory);
}
