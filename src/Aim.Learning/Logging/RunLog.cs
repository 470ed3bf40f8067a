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

    /// <summary>Creates the files in <paramref name="directory"/>, or continues them for a resumed run.</summary>
    /// <param name="directory">The run directory.</param>
    /// <param name="methodMetrics">The method's own metric columns.</param>
    /// <param name="logSteps">Write steps.csv.</param>
    /// <param name="resumed">
    /// A resumed run's position (null: new files): each file keeps its header and the rows written up to the resume
    /// point (evaluations, episodes, steps) and is appended to.
    /// </param>
    /// <exception cref="InvalidDataException">Resuming: a file is missing, has other columns or fewer rows than the resume point recorded.</exception>
    public RunLog(string directory, IReadOnlyList<string> methodMetrics, bool logSteps, RunPosition? resumed = null)
    {
        Directory.CreateDirectory(directory);
        Metrics = new CsvLog(Path.Combine(directory, "metrics.csv"), MetricNames.Harness.Concat(methodMetrics).ToArray(), keepRows: resumed?.Evaluations);
        Episodes = new CsvLog(Path.Combine(directory, "episodes.csv"), EpisodeColumns, keepRows: resumed?.Episodes);
        if (logSteps)
        {
            _steps = new CsvLog(Path.Combine(directory, "steps.csv"), new[] { "env_step", "episode", "controller", "reason", "score", "discrepancy", "reward", "x", "y" }, flushEachRow: false, keepRows: resumed?.EnvSteps);
        }
    }

    /// <summary>The columns of episodes.csv.</summary>
    public static IReadOnlyList<string> EpisodeColumns { get; } = ["episode", "length", "return", "success", "expert_steps", "env_steps"];

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
