using Aim.Learning.Data;

namespace Aim.Learning.Training;

/// <summary>
/// One step of the interactive-learning loop, as the paper's Algorithm 1 writes it: every run of the harness takes
/// its steps through <see cref="Step"/>.
/// </summary>
public static class SharedControlLoop
{
    /// <summary>One step of shared control on <paramref name="loop"/>.</summary>
    public static void Step(ISharedControl loop)
    {
        ArgumentNullException.ThrowIfNull(loop);

        // <solution exercise="loop">
        loop.BeginEpisodeIfNeeded();

        // The robot proposes a_r = π_r(s); the gate decides who acts (the expert, throughout the warm-up).
        loop.ProposeRobotAction();
        GateDecision decision = loop.Decide();
        bool expertActs = decision.Controller == Controller.Expert;

        // The actor's action is executed: a_h when the expert is in control (asked now if it was not), a_r otherwise.
        if (expertActs)
        {
            loop.AskExpert();
        }

        // A stop asked for by now (while the decision was shown, or by a person who left instead of answering) ends the
        // run before this step changes anything.
        if (loop.StopRequested)
        {
            return;
        }

        loop.Execute(decision.Controller);

        // Expert steps are labels (D_h, with a_h and cost 1); robot steps go to the robot's buffer (D_r) with a_r.
        loop.Store(expertActs ? loop.Context.Human : loop.Context.Agent, intervention: expertActs);
        loop.Record(decision);

        // Control stays with whom the gate chose, except a hand-back that takes effect from the next step.
        loop.HandControlTo(decision.HandsBackAfter ? Controller.Robot : decision.Controller);

        // Learning: in the warm-up once learning has started, after it whenever an update is due.
        if (loop.WarmingUp ? loop.LearningStarted : loop.UpdateDue)
        {
            loop.Learn();
        }

        // </solution>
    }
}
