using System.Globalization;
using Aim.Learning.Training;

namespace Aim.Learning.Logging;

/// <summary>
/// The files a run writes as it goes: <c>metrics.csv</c> (one row per evaluation), <c>episodes.csv</c> (one row per
/// training episode) and <c>steps.csv</c> (the per-step shared-control log: who acted, why, the gate's score). The
/// trainer's first observer.
/// </summary>
public sealed class RunLog : ITrainingObserver, IDisposable
{
    private readonly CsvLog? _steps;

    /// <summary>Creates the files in <paramref name="directory"/>.</summary>
    public RunLog(string directory, IReadOnlyList<string> methodMetrics, bool logSteps)
    {
        Directory.CreateDirectory(directory);
        Metrics = new CsvLog(Path.Combine(directory, "metrics.csv"), MetricNames.Harness.Concat(methodMetrics).ToArray());
        Episodes = new CsvLog(Path.Combine(directory, "episodes.csv"), new[] { "episode", "length", "return", "success", "expert_steps", "env_steps" });
        if (logSteps)
        {
            _steps = new CsvLog(Path.Combine(directory, "steps.csv"), new[] { "env_step", "episode", "controller", "reason", "score", "discrepancy", "reward", "x", "y" }, flushEachRow: false);
        }
    }

    /// <summary>metrics.csv.</summary>
    public CsvLog Metrics { get; }

    /// <summary>episodes.csv.</summary>
    public CsvLog Episodes { get; }

    /// <summary>Logs one step of shared control; (x, y) is where the decision was taken (NaN when the env has no pose).</summary>
    public void OnStep(in TrainingStep step)
    {
        _steps?.WriteRaw(
            step.EnvStep.ToString(CultureInfo.InvariantCulture),
            step.Episode.ToString(CultureInfo.InvariantCulture),
            step.Controller == Data.Controller.Expert ? "expert" : "robot",
            step.Decision.Reason,
            CsvLog.Format(step.Decision.Score),
            CsvLog.Format(step.Discrepancy),
            CsvLog.Format(step.Reward),
            CsvLog.Format(step.Pose.X),
            CsvLog.Format(step.Pose.Y));
    }

    /// <summary>Logs one finished training episode (and flushes the step log).</summary>
    public void OnEpisodeEnd(in EpisodeEnd episode)
    {
        Episodes.Write(new Dictionary<string, double>
        {
            ["episode"] = episode.Episode,
            ["length"] = episode.Length,
            ["return"] = episode.Return,
            ["success"] = episode.Success ? 1 : 0,
            ["expert_steps"] = episode.ExpertSteps,
            ["env_steps"] = episode.EnvSteps,
        });
        _steps?.Flush();
    }

    /// <summary>Logs one evaluation's metrics row.</summary>
    public void OnEvaluation(EvaluationPoint point) => Metrics.Write(point.Metrics);

    /// <summary>Flushes every file.</summary>
    public void Flush()
    {
        Metrics.Flush();
        Episodes.Flush();
        _steps?.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Metrics.Dispose();
        Episodes.Dispose();
        _steps?.Dispose();
    }
}
