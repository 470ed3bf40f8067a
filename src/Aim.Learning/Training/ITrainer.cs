namespace Aim.Learning.Training;

/// <summary>
/// The round-level API of an interactive-training run, independent of the environment's observation and action types
/// (what runners, CLIs and notebooks drive). Implemented by <see cref="InteractiveTrainer{TObs, TAct}"/>.
/// </summary>
public interface ITrainer : IDisposable
{
    /// <summary>The method being trained.</summary>
    IMethod Method { get; }

    /// <summary>The harness options.</summary>
    TrainerOptions Options { get; }

    /// <summary>The run directory (null when nothing is written).</summary>
    string? RunDirectory { get; }

    /// <summary>Buffers, specs and step counters shared with the method.</summary>
    TrainingContext Context { get; }

    /// <summary>The run's bookkeeping: episodes, switches, safety-critical decisions and misses.</summary>
    TrainingAccount Account { get; }

    /// <summary>Environment steps so far.</summary>
    long EnvSteps { get; }

    /// <summary>Expert takeover cost so far (expert-controlled steps, warm-up included).</summary>
    long ExpertCost { get; }

    /// <summary>Training episodes finished.</summary>
    int Episodes { get; }

    /// <summary>True when the step or expert budget is spent.</summary>
    bool IsFinished { get; }

    /// <summary>Every evaluation so far.</summary>
    IReadOnlyList<EvaluationPoint> History { get; }

    /// <summary>Switches to the expert per robot-controlled gate decision (the realised δ).</summary>
    double RealisedSwitchRate { get; }

    /// <summary>
    /// The step of shared control every step of the run takes: <see cref="SharedControlLoop.Step"/> by default; a
    /// course's loop exercise sets its own.
    /// </summary>
    Action<ISharedControl> StepRule { get; set; }

    /// <summary>True once the run was asked to stop (<see cref="RequestStop"/>, or a person who left); false at first.</summary>
    bool StopRequested { get; }

    /// <summary>
    /// Asks the run to stop, from any thread or from an observer's hook: it takes effect between steps, and a stop that
    /// arrives before a step's action is executed leaves that step untaken. What was done is kept.
    /// </summary>
    void RequestStop();

    /// <summary>Adds an observer that hears every step, episode and evaluation from now on.</summary>
    void AddObserver(ITrainingObserver observer);

    /// <summary>Removes an observer; returns false when it was not there.</summary>
    bool RemoveObserver(ITrainingObserver observer);

    /// <summary>Warm-up with the expert in control, then the method's initial fit.</summary>
    void WarmUp();

    /// <summary>Runs up to <paramref name="steps"/> steps of shared control; returns the steps taken.</summary>
    int CollectSteps(int steps);

    /// <summary>Runs shared control to the end of the current episode; returns the steps taken.</summary>
    int CollectEpisode();

    /// <summary>One learning update now.</summary>
    void Update();

    /// <summary>Evaluates the deterministic policy on the held-out seeds.</summary>
    EvaluationPoint Evaluate();

    /// <summary>The whole run; returns every evaluation (an observer hears each as it happens: <see cref="EvaluationProgress"/>).</summary>
    IReadOnlyList<EvaluationPoint> Train();
}
