using Aim.Learning.Data;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Common;

/// <summary>
/// The decision of a simulated human who watches every step (HG-DAgger, PVP): the expert acts exactly when its rule
/// says the robot is wrong now, whoever acted before. This names the reason by the transition.
/// </summary>
public static class HumanGate
{
    /// <summary>The decision for this step.</summary>
    /// <param name="expertActs">The human's rule says take over (or keep control).</param>
    /// <param name="takeOverReason">Reason logged when the human takes over from the robot.</param>
    /// <param name="score">The value the rule compared (discrepancy, density).</param>
    /// <param name="previous">Who acted on the previous step.</param>
    /// <param name="threshold">What <paramref name="score"/> was compared with (NaN: none).</param>
    public static GateDecision Decide(bool expertActs, string takeOverReason, double score, Controller previous, double threshold = double.NaN)
    {
        if (expertActs)
        {
            return new GateDecision(Controller.Expert, previous == Controller.Robot ? takeOverReason : GateReasons.ExpertContinues, score, threshold);
        }

        return new GateDecision(Controller.Robot, previous == Controller.Expert ? GateReasons.HandBack : GateReasons.RobotContinues, score, threshold);
    }
}
