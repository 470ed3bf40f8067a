namespace Aim.Learning.Training;

/// <summary>Stopping a run early on request, with what was done kept.</summary>
public sealed partial class InteractiveTrainer<TObs, TAct>
{
    // Written by any thread (a page's stop button, an observer), read by the training thread between the step's pieces.
    private volatile bool _stopRequested;

    /// <summary>
    /// True once <see cref="RequestStop"/> was called, or the expert (a person) ended the session instead of answering.
    /// False for a new trainer.
    /// </summary>
    public bool StopRequested => _stopRequested;

    /// <summary>
    /// Asks the run to stop; any thread may call it, an observer included (from any of its hooks). It takes effect
    /// between steps: the step in progress is finished (stored, recorded, learned from) unless the stop arrived before
    /// its action was executed, that is during <see cref="ITrainingObserver.OnDecision"/> or while a person was awaited,
    /// in which case that step is not taken at all. <see cref="Train"/> then ends the run as a finished one ends (an
    /// evaluation at the last step and the final checkpoint, once warmed up); <see cref="WarmUp"/>,
    /// <see cref="CollectSteps"/> and <see cref="CollectEpisode"/> return early. The request stays: later phases take
    /// no step.
    /// </summary>
    public void RequestStop() => _stopRequested = true;
}
