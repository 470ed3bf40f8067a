using Aim.Learning.Algorithms.Common;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.HgDagger;

/// <summary>
/// The simulated human of HG-DAgger, who watches every step: it takes over when the robot's action is wrong (a
/// different discrete action, or a mean squared discrepancy above the threshold) and hands back once it is right.
/// </summary>
public sealed class HgDaggerGate
{
    /// <summary>Reason logged when the human takes over.</summary>
    public const string TakeOver = "human: a_r disagrees with a_h";

    /// <summary>Creates the rule.</summary>
    /// <param name="action">Action spec (gives the discrepancy).</param>
    /// <param name="threshold">Continuous threshold on mean((a_r − a_h)²); ignored for discrete actions.</param>
    public HgDaggerGate(ActionSpec action, double threshold)
    {
        Action = action ?? throw new ArgumentNullException(nameof(action));
        Threshold = threshold;
    }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>The continuous takeover threshold.</summary>
    public double Threshold { get; }

    /// <summary>The decision: the expert acts exactly when the robot's proposal disagrees with it.</summary>
    public GateDecision Decide(in GateInput input)
    {
        double discrepancy = Action.Discrepancy(input.RobotAction, input.ExpertAction);
        bool disagrees = Action.IsDiscrete ? discrepancy > 0 : discrepancy > Threshold;
        return HumanGate.Decide(disagrees, TakeOver, discrepancy, input.Previous, Action.IsDiscrete ? 0 : Threshold);
    }
}
