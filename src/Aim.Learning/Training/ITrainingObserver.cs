namespace Aim.Learning.Training;

/// <summary>
/// Listens to a training run as it happens: every step of shared control, every episode start and end, every
/// evaluation. The run log, the notebooks' decision recorders and live displays are observers; add one with
/// <see cref="InteractiveTrainer{TObs, TAct}.AddObserver"/>. Observers watch: the run is the same with or without
/// them, except that one may end it early with <see cref="ITrainer.RequestStop"/> (from any hook; what was done is kept).
/// Observers do not wait for a person: a person expert waits through <see cref="Aim.Core.Experts.IPersonExpert{TObs, TAct}"/>.
/// Each method has an empty default, so an observer implements only what it needs.
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
    /// when the robot hands over). Called on every step, warm-up included. A stop requested here
    /// (<see cref="ITrainer.RequestStop"/>) ends the run before this step changes anything: it is not executed, stored
    /// or recorded.
    /// </summary>
    void OnDecision(in TrainingDecision decision)
    {
    }

    /// <summary>One step of shared control was taken and stored. A stop requested here ends the run after this step
    /// (an update it triggers still runs).</summary>
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
