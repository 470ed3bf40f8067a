using System.Globalization;
using Aim.Learning.Training;

namespace Aim.Learning.Logging;

/// <summary>
/// Writes a run's scalars as TensorBoard event files (<see cref="TensorBoardEventFile"/>) in
/// <c>{run}/tensorboard/</c>, beside the CSV logs, so a run can be viewed in one TensorBoard with the Python originals'
/// runs: every evaluation metric at the run's environment step (tags as in metrics.csv; the harness's counters under
/// <c>run/</c>), and each training episode's return, length, success and expert steps under <c>episode/</c>. An
/// observer of the trainer (<see cref="TrainerOptions.TensorBoard"/>); each event is appended and the file closed, so a
/// crash keeps what was written. Wall times are Unix seconds, as TensorBoard reads them.
/// </summary>
public sealed class TensorBoardLog : ITrainingObserver
{
    private readonly TensorBoardEventFile _file;

    /// <summary>Creates the event file in <paramref name="directory"/> (created if missing).</summary>
    public TensorBoardLog(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _file = new TensorBoardEventFile(Directory);
    }

    /// <summary>
    /// Starts the event files of a resumed run afresh: removes those in <paramref name="directory"/> (they may hold points
    /// the killed run logged after its resume point) and writes again every evaluation in <paramref name="history"/> and
    /// every episode in <paramref name="episodesCsv"/> (the resumed run's episodes.csv, already cut to the resume point).
    /// </summary>
    public static TensorBoardLog Restart(string directory, IReadOnlyList<EvaluationPoint> history, string episodesCsv)
    {
        ArgumentNullException.ThrowIfNull(history);
        string full = Path.GetFullPath(directory);
        if (System.IO.Directory.Exists(full))
        {
            foreach (string events in System.IO.Directory.GetFiles(full, "events.out.tfevents.*"))
            {
                File.Delete(events);
            }
        }

        var log = new TensorBoardLog(full);
        foreach (string line in File.ReadLines(episodesCsv).Skip(1))
        {
            // episode,length,return,success,expert_steps,env_steps: numbers only.
            double[] cells = line.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            log.OnEpisodeEnd(new EpisodeEnd((int)cells[0], (int)cells[1], cells[2], cells[3] > 0, (int)cells[4], (long)cells[5]));
        }

        foreach (EvaluationPoint point in history)
        {
            log.OnEvaluation(point);
        }

        return log;
    }

    /// <summary>The folder holding the event file.</summary>
    public string Directory { get; }

    /// <summary>The event file.</summary>
    public string EventFile => _file.Path;

    /// <summary>The tag a metric is written under: metrics.csv's name, or <c>run/{name}</c> for the harness's unprefixed counters.</summary>
    public static string Tag(string metric) => metric.Contains('/', StringComparison.Ordinal) ? metric : $"run/{metric}";

    /// <inheritdoc />
    public void OnEpisodeEnd(in EpisodeEnd episode)
    {
        long step = episode.EnvSteps;
        Write("episode/return", episode.Return, step);
        Write("episode/length", episode.Length, step);
        Write("episode/success", episode.Success ? 1 : 0, step);
        Write("episode/expert_steps", episode.ExpertSteps, step);
    }

    /// <inheritdoc />
    public void OnEvaluation(EvaluationPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        long step = (long)point.EnvSteps;
        foreach ((string metric, double value) in point.Metrics)
        {
            if (metric != MetricNames.EnvSteps && double.IsFinite(value))
            {
                Write(Tag(metric), value, step);
            }
        }
    }

    private void Write(string tag, double value, long step) => _file.AddScalar(tag, (float)value, step);
}
