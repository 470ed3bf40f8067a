using System.Diagnostics;

namespace Aim.Learning.Training;

/// <summary>
/// Where a run's wall time goes, measured from the trainer's hooks: <see cref="RunPhases.Learning"/> from each
/// <see cref="ITrainingObserver.OnUpdateStart"/> (the initial fit after warm-up and every update) to the next hook,
/// <see cref="RunPhases.Evaluation"/> from <see cref="ITrainingObserver.OnEvaluationStart"/> to
/// <see cref="ITrainingObserver.OnEvaluation"/>, and the rest, <see cref="RunPhases.Collection"/>: gate decisions,
/// environment and expert steps, logs and checkpoints. Add it with <see cref="ITrainer.AddObserver"/> before the run.
/// </summary>
public sealed class PhaseClock : ITrainingObserver
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _phase = new();
    private Phase _current = Phase.Collection;
    private double _learning;
    private double _evaluation;

    private enum Phase
    {
        Collection,
        Learning,
        Evaluation,
    }

    /// <summary>The seconds so far, by phase (a phase in progress counts up to now).</summary>
    public RunPhases Seconds
    {
        get
        {
            double open = _phase.Elapsed.TotalSeconds;
            double learning = _learning + (_current == Phase.Learning ? open : 0);
            double evaluation = _evaluation + (_current == Phase.Evaluation ? open : 0);
            return new RunPhases(learning, evaluation, Math.Max(0, _total.Elapsed.TotalSeconds - learning - evaluation));
        }
    }

    /// <inheritdoc />
    public void OnEpisodeStart(int episode) => Enter(Phase.Collection);

    /// <inheritdoc />
    public void OnDecision(in TrainingDecision decision) => Enter(Phase.Collection);

    /// <inheritdoc />
    public void OnStep(in TrainingStep step) => Enter(Phase.Collection);

    /// <inheritdoc />
    public void OnEpisodeEnd(in EpisodeEnd episode) => Enter(Phase.Collection);

    /// <inheritdoc />
    public void OnUpdateStart() => Enter(Phase.Learning);

    /// <inheritdoc />
    public void OnEvaluationStart() => Enter(Phase.Evaluation);

    /// <inheritdoc />
    public void OnEvaluation(EvaluationPoint point) => Enter(Phase.Collection);

    /// <summary>Closes the phase in progress (adding its time) and opens <paramref name="next"/>.</summary>
    private void Enter(Phase next)
    {
        double elapsed = _phase.Elapsed.TotalSeconds;
        if (_current == Phase.Learning)
        {
            _learning += elapsed;
        }
        else if (_current == Phase.Evaluation)
        {
            _evaluation += elapsed;
        }

        _current = next;
        _phase.Restart();
    }
}

/// <summary>A run's wall time by phase, in seconds (see <see cref="PhaseClock"/>).</summary>
/// <param name="Learning">Gradient steps and everything else the method does in its initial fit and its updates.</param>
/// <param name="Evaluation">Test episodes on the held-out seeds.</param>
/// <param name="Collection">Shared control (gate, environment, expert), logs and checkpoints.</param>
public sealed record RunPhases(double Learning, double Evaluation, double Collection);
