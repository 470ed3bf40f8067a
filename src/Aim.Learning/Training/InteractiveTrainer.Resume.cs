using Aim.Core.Resume;
using Aim.Learning.Logging;
using Aim.Learning.Torch;

namespace Aim.Learning.Training;

/// <summary>Resume points: the whole state of a run between two episodes, so a killed run continues where it stopped.</summary>
public sealed partial class InteractiveTrainer<TObs, TAct>
{
    /// <summary>The resume point's file, relative to the run directory.</summary>
    public const string ResumeFileName = "checkpoints/resume.state";

    /// <summary>
    /// True when this run can write resume points: its environment and expert keep resumable state (a person, for
    /// one, does not).
    /// </summary>
    public bool CanResume => _env is IResumable && _expert is IResumable;

    /// <summary>The resume point of this run (null when nothing is written).</summary>
    public string? ResumeFile => RunDirectory is null ? null : Path.Combine(RunDirectory, ResumeFileName);

    /// <summary>
    /// Writes the run's whole state to <paramref name="path"/> (default: <see cref="ResumeFile"/>): the settings that shaped
    /// its rows (<see cref="ResumeSettings"/>), counters, evaluation
    /// history, both buffers, every network, optimiser, gate threshold and random stream, the environment's and the
    /// expert's state. The file replaces the previous one only once it is complete.
    /// </summary>
    /// <remarks>
    /// Only between episodes, after the warm-up: an episode's layout and physics are not part of the state, and the
    /// next step starts a new episode from the environment's stream exactly as the uninterrupted run would.
    /// <see cref="Train"/> writes one at the first episode end after each evaluation.
    /// </remarks>
    /// <exception cref="InvalidOperationException">Mid-episode, before the warm-up, or with no path and no run directory.</exception>
    /// <exception cref="NotSupportedException">The environment or expert keeps no resumable state.</exception>
    public void SaveResumePoint(string? path = null)
    {
        path ??= ResumeFile ?? throw new InvalidOperationException("This trainer has no run directory: give the resume point's path.");
        if (!IsWarmedUp || !_needsReset)
        {
            throw new InvalidOperationException("A resume point is written between episodes after the warm-up; an episode is running or the warm-up has not finished.");
        }

        using var writer = new StateWriter();
        writer.Section("run");
        ResumeSettings.WriteHead(writer, ResumeSettings.Format, Method.Name, _context.EnvSteps, _context.ExpertSteps, _settings);
        writer.Write(_lastUpdateLabels);
        writer.Write(_lastUpdateStep);
        writer.Write(_lastEvalClock);
        writer.Write(_history.Count);
        foreach (EvaluationPoint point in _history)
        {
            writer.Write(point.Metrics.Count);
            foreach ((string key, double value) in point.Metrics)
            {
                writer.Write(key);
                writer.Write(value);
            }
        }

        _account.WriteState(writer);
        writer.Section("human buffer");
        _context.Human.WriteState(writer);
        writer.Section("agent buffer");
        _context.Agent.WriteState(writer);
        Resumable(_env, "environment").WriteState(writer);
        Resumable(_expert, "expert").WriteState(writer);
        Method.WriteState(writer);
        TorchRuntime.WriteGeneratorState(writer);
        writer.Section("end");
        StateFile.Save(path, writer);
    }

    /// <summary>
    /// Restores the state in <paramref name="path"/> into this trainer while it is being built (before its logs open),
    /// leaving the run ready for <see cref="Train"/> to continue: the result equals the uninterrupted run's. Settings
    /// other than those recorded are refused (<see cref="ResumeSettings"/>).
    /// </summary>
    private void ReadResumePoint(string path)
    {
        using StateReader reader = StateFile.Open(path);
        (_context.EnvSteps, _context.ExpertSteps) = ResumeSettings.ReadHead(reader, Method.Name, _settings, Options);
        _lastUpdateLabels = reader.ReadInt64();
        _lastUpdateStep = reader.ReadInt64();
        _lastEvalClock = reader.ReadInt64();
        int points = reader.ReadInt32();
        var history = new List<EvaluationPoint>(points);
        for (int i = 0; i < points; i++)
        {
            int count = reader.ReadInt32();
            var metrics = new Dictionary<string, double>(count);
            for (int k = 0; k < count; k++)
            {
                metrics[reader.ReadString() ?? string.Empty] = reader.ReadDouble();
            }

            history.Add(new EvaluationPoint(metrics));
        }

        _account.ReadState(reader);
        reader.Section("human buffer");
        _context.Human.ReadState(reader);
        reader.Section("agent buffer");
        _context.Agent.ReadState(reader);
        Resumable(_env, "environment").ReadState(reader);
        Resumable(_expert, "expert").ReadState(reader);
        Method.ReadState(reader);
        TorchRuntime.ReadGeneratorState(reader);
        reader.Section("end");
        if (!reader.AtEnd)
        {
            throw reader.Defect("bytes follow the end of the state");
        }

        _history.Clear();
        _history.AddRange(history);
        _needsReset = true;
        IsWarmedUp = true;
        _resumePointDue = false;
    }

    private static IResumable Resumable(object component, string role) =>
        component as IResumable
        ?? throw new NotSupportedException($"The {role} ({component.GetType().Name}) keeps no resumable state: this run cannot write or read resume points.");
}
