using Aim.Learning.Data;

namespace Aim.Learning.Training;

/// <summary>
/// The pieces of one step of shared control, in the words of the interactive-learning loop (the paper's Algorithm 1):
/// the robot proposes, the gate decides who acts, the actor's action is executed, the transition is stored, control
/// passes, and the learners update on schedule. <see cref="SharedControlLoop.Step"/> puts them in order;
/// <see cref="InteractiveTrainer{TObs, TAct}"/> provides them (environment, expert, method, buffers, logs, observers).
/// </summary>
/// <remarks>
/// Each piece does the bookkeeping a run needs (logs, observers, the step and episode accounts) itself, so that the
/// order of the pieces is the whole algorithm. A course's loop exercise writes that order (docs/teaching.md).
/// </remarks>
public interface ISharedControl
{
    /// <summary>True during the warm-up, when the expert controls every step and its labels seed the learners.</summary>
    bool WarmingUp { get; }

    /// <summary>The buffers and counters the learners read (<see cref="TrainingContext.Human"/>: expert-labelled steps,
    /// <see cref="TrainingContext.Agent"/>: the robot's own).</summary>
    TrainingContext Context { get; }

    /// <summary>
    /// True once the run was asked to stop (<see cref="InteractiveTrainer{TObs, TAct}.RequestStop"/>: by an observer
    /// while it heard the decision, by a person who left instead of answering, or from another thread). A step that
    /// finds it true before <see cref="Execute"/> returns without executing, storing or recording anything.
    /// </summary>
    bool StopRequested { get; }

    /// <summary>Whether enough new labels (or steps, by <see cref="TrainerOptions.UpdateSchedule"/>) have arrived since
    /// the last update for the next one (<see cref="TrainerOptions.UpdateEvery"/>).</summary>
    bool UpdateDue { get; }

    /// <summary>Whether the warm-up has passed <see cref="TrainerOptions.LearningStarts"/> steps, from which the policy
    /// trains while the warm-up still collects (0: never).</summary>
    bool LearningStarted { get; }

    /// <summary>Resets the environment when the last episode ended (the expert holds control in the warm-up, the robot
    /// after it); otherwise does nothing.</summary>
    void BeginEpisodeIfNeeded();

    /// <summary>The robot proposes a_r = π_r(s) in the current state. A simulated expert is asked too, as every step
    /// logs both actions; a person is asked only when in control.</summary>
    void ProposeRobotAction();

    /// <summary>Who acts: the expert in the warm-up, else the method's gate on (s, a_r, a_h, who was in control).
    /// Observers see the decision before it is executed (and may ask the run to stop), and a person expert watches a
    /// robot's step before it is taken. Once the run was asked to stop, consults and tells no one
    /// (<see cref="GateReasons.Stopped"/>).</summary>
    GateDecision Decide();

    /// <summary>Asks the expert for a_h in the current state, if it has not been asked at this step. A person who ends
    /// the session instead of answering asks the run to stop (<see cref="StopRequested"/>).</summary>
    void AskExpert();

    /// <summary>Executes the action of <paramref name="actor"/> (a_h or a_r) in the environment.</summary>
    /// <exception cref="InvalidOperationException">The expert acts but was not asked (<see cref="AskExpert"/>), or the
    /// run was asked to stop (<see cref="StopRequested"/>).</exception>
    void Execute(Controller actor);

    /// <summary>Stores the executed transition in <paramref name="buffer"/>: with the expert's label and cost 1 when it
    /// was an intervention, with the robot's own action as label and cost 0 otherwise.</summary>
    void Store(HacoBuffer buffer, bool intervention);

    /// <summary>Counts the step (environment steps, expert cost), tells the method (outside the warm-up) and the logs,
    /// and ends the episode when the environment did.</summary>
    void Record(GateDecision decision);

    /// <summary>Gives control to <paramref name="next"/> for the next step.</summary>
    void HandControlTo(Controller next);

    /// <summary>One learning update: during the warm-up the policy's warm-up training, after it the method's update
    /// (policy, then the gate's learners).</summary>
    void Learn();
}
