namespace Aim.Learning.Training;

/// <summary>
/// Listens to a training run as it happens: every step of shared control, every episode start and end, every
/// evaluation. The run log, the notebooks' decision recorders and live displays are observers; add one with
/// <see cref="InteractiveTrainer{TObs, TAct}.AddObserver"/>. Observers only watch: the run is the same with or
/// without them. Each method has an empty default, so an observer implements only what it needs.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>A training episode starts: the environment was just reset (its first decision has not been taken).</summary>
    /// <param name="episode">The episode's index (0-based, warm-up included).</param>
    void OnEpisodeStart(int episode)
    {
    }

    /// <summary>
    /// The gate has decided who acts and the environment has not stepped yet (a person expert has not been asked yet
    /// when the robot hands over). Called on every step, warm-up included. A live page may block here to pace the run;
    /// throwing <see cref="OperationCanceledException"/> stops the run before the step changes anything.
    /// </summary>
    void OnDecision(in TrainingDecision decision)
    {
    }

    /// <summary>One step of shared control was taken and stored.</summary>
    void OnStep(in TrainingStep step)
    {
    }

    /// <summary>A training episode ended (called after the <see cref="OnStep"/> of its last step).</summary>
    void OnEpisodeEnd(in EpisodeEnd episode)
    {
    }

    /// <summary>A learning update of the method starts (it may take seconds; a live page says so).</summary>
    void OnUpdateStart()
    {
    }

    /// <summary>An evaluation on the held-out seeds starts (a live page says so).</summary>
    void OnEvaluationStart()
    {
    }

    /// <summary>The policy was evaluated on the held-out seeds; <paramref name="point"/> holds every metric.</summary>
    void OnEvaluation(EvaluationPoint point)
    {
    }
}
