using System.Globalization;
using Aim.Learning.Training;

namespace Aim.Learning.Logging;

/// <summary>
/// The files a run writes as it goes: <c>metrics.csv</c> (one row per evaluation), <c>episodes.csv</c> (one row per
/// training episode) and <c>steps.csv</c> (the per-step shared-control log: who acted, why, the gate's score).
/// </summary>
public sealed class RunLog : IDisposable
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

    /// <summary>Logs one step of shared control; (x, y) is where the decision was taken (NaN when the env has no position).</summary>
    public void Step(long envStep, int episode, GateDecision decision, double discrepancy, double reward, double x = double.NaN, double y = double.NaN)
    {
        _steps?.WriteRaw(
            envStep.ToString(CultureInfo.InvariantCulture),
            episode.ToString(CultureInfo.InvariantCulture),
            decision.Controller == Data.Controller.Expert ? "expert" : "robot",
            decision.Reason,
            CsvLog.Format(decision.Score),
            CsvLog.Format(discrepancy),
            CsvLog.Format(reward),
            CsvLog.Format(x),
            CsvLog.Format(y));
    }

    /// <summary>Logs one finished training episode (and flushes the step log).</summary>
    public void Episode(int episode, int length, double episodeReturn, bool success, int expertSteps, long envSteps)
    {
        Episodes.Write(new Dictionary<string, double>
        {
            ["episode"] = episode,
            ["length"] = length,
            ["return"] = episodeReturn,
            ["success"] = success ? 1 : 0,
            ["expert_steps"] = expertSteps,
            ["env_steps"] = envSteps,
        });
        _steps?.Flush();
    }

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
