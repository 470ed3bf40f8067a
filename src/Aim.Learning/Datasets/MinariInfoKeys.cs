namespace Aim.Learning.Datasets;

/// <summary>
/// The <c>infos</c> datasets our runs and play sessions write in each episode. Like every Minari info they have one row
/// per observation: row 0 goes with the reset (no step: an empty controller, NaN scores, false flags, the expert's
/// action not asked) and row t + 1 describes step t, the one that executed <c>actions[t]</c>.
/// </summary>
public static class MinariInfoKeys
{
    /// <summary>Who executed the step (string): <see cref="Robot"/>, <see cref="Expert"/> or <see cref="Person"/>.</summary>
    public const string Controller = "controller";

    /// <summary>True during the harness's warm-up, when the expert drives without a gate decision (bool).</summary>
    public const string WarmUp = "warm_up";

    /// <summary>The gate's reason for its decision, as the run's steps.csv logs it (string).</summary>
    public const string GateReason = "gate_reason";

    /// <summary>The value the gate compared with its threshold, e.g. AIM's Q^I(s, a_r) (float64; NaN when none).</summary>
    public const string GateScore = "gate_score";

    /// <summary>What the score was compared with, e.g. AIM's β or ε (float64; NaN when the rule has no single threshold).</summary>
    public const string GateThreshold = "gate_threshold";

    /// <summary>The action the robot proposed, in the action's dtype and shape.</summary>
    public const string RobotAction = "robot_action";

    /// <summary>
    /// The expert's label where it was asked (<see cref="ExpertAsked"/>), in the action's dtype and shape: for a
    /// Gaussian expert under the mean label, the mean it intended rather than the sample it executed. Where it was not
    /// asked: NaN for a box, −1 for a discrete action.
    /// </summary>
    public const string ExpertAction = "expert_action";

    /// <summary>Whether the expert was asked for its action at the step (bool): always for a simulated expert, only in control for a person.</summary>
    public const string ExpertAsked = "expert_asked";

    /// <summary>Whether the step reached the task's goal (bool).</summary>
    public const string Success = "success";

    /// <summary>The controller value of a step the robot executed.</summary>
    public const string Robot = "robot";

    /// <summary>The controller value of a step the simulated expert executed.</summary>
    public const string Expert = "expert";

    /// <summary>The controller value of a step a person executed at the play page.</summary>
    public const string Person = "person";
}
