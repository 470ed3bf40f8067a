using Aim.Core.Resume;
using Aim.Learning.Data;
using Aim.Learning.Spec;
using Aim.Learning.Stats;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Aim;

/// <summary>
/// AIM's switching rule and its thresholds, separate from the networks so it can be tested on hand-made Q-values:
/// robot → expert when Q^I(s, a_r) &gt; β; expert keeps control while the discrepancy between a_r and a_h exceeds ε;
/// β is the (1 − δ)-quantile of recent robot-step Q-values.
/// </summary>
public sealed class AimGate : IResumable
{
    /// <summary>Reason logged when Q^I asks for help.</summary>
    public const string AskForHelp = "Q^I(s,a_r) > beta";

    private readonly List<double> _recentRobotQ = new();

    /// <summary>Creates the rule with its initial thresholds.</summary>
    /// <param name="action">Action spec (gives the discrepancy).</param>
    /// <param name="delta">Target switch rate δ.</param>
    /// <param name="beta">Initial β.</param>
    /// <param name="epsilon">Initial ε (0 for discrete actions: hand back only when the actions agree).</param>
    /// <param name="minSamples">β is refit only when more than this many values are held.</param>
    public AimGate(ActionSpec action, double delta, double beta, double epsilon, int minSamples)
    {
        Action = action ?? throw new ArgumentNullException(nameof(action));
        Delta = delta;
        Beta = beta;
        Epsilon = epsilon;
        MinSamples = minSamples;
    }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>Target switch rate δ.</summary>
    public double Delta { get; }

    /// <summary>Current switch-to-expert threshold β on Q^I(s, a_r).</summary>
    public double Beta { get; set; }

    /// <summary>Current hand-back threshold ε on the action discrepancy.</summary>
    public double Epsilon { get; set; }

    /// <summary>Minimum number of held values before β is refit.</summary>
    public int MinSamples { get; }

    /// <summary>Robot-step Q-values held for the next refit of β.</summary>
    public IReadOnlyList<double> RecentRobotQ => _recentRobotQ;

    /// <summary>
    /// The switching rule's three pieces: <see cref="AimGateRule.Library"/> (the default) or another, such as a course
    /// student's (<c>aim course check</c> trains with the student's rule).
    /// </summary>
    public AimGateRule Rule { get; set; } = AimGateRule.Library;

    /// <summary>β from recent robot-step values: their (1 − δ)-quantile, so that Q^I(s, a_r) exceeds β on a fraction δ
    /// of robot steps like those (linear interpolation, <see cref="Quantiles.Quantile"/>).</summary>
    /// <param name="recentRobotQ">Q^I(s, a_r) of recent robot-controlled steps; at least one value.</param>
    /// <param name="delta">Target switch rate δ in [0, 1].</param>
    public static double BetaOf(IReadOnlyCollection<double> recentRobotQ, double delta)
    {
        // <solution exercise="beta">
        return Quantiles.Quantile(recentRobotQ, 1 - delta);
        // </solution>
    }

    /// <summary>Robot in control: whether it asks the expert for help, i.e. Q^I(s, a_r) is above β.</summary>
    /// <param name="qRobot">Q^I(s, a_r), the proxy value of the robot's own action.</param>
    /// <param name="beta">The threshold β.</param>
    public static bool AsksForHelp(double qRobot, double beta)
    {
        // <solution exercise="gate">
        return qRobot > beta;
        // </solution>
    }

    /// <summary>Expert in control: whether it hands control back, i.e. the robot's action is within ε of the expert's
    /// (for discrete actions ε = 0: only when they agree).</summary>
    /// <param name="discrepancy">The discrepancy between a_r and a_h (0 when they agree).</param>
    /// <param name="epsilon">The hand-back threshold ε.</param>
    public static bool HandsBack(double discrepancy, double epsilon)
    {
        // <solution exercise="gate">
        return discrepancy <= epsilon;
        // </solution>
    }

    /// <summary>
    /// The decision. <paramref name="qRobot"/> is Q^I(s, a_r); the expert action is read only when the expert was in
    /// control (the human is not watching otherwise).
    /// </summary>
    public GateDecision Decide(double qRobot, in GateInput input)
    {
        if (input.Previous == Controller.Robot)
        {
            // Robot in control: ask for help when the proxy value says a human would intervene.
            return Rule.AsksForHelp(qRobot, Beta)
                ? new GateDecision(Controller.Expert, AskForHelp, qRobot, Beta)
                : new GateDecision(Controller.Robot, GateReasons.RobotContinues, qRobot, Beta);
        }

        // Expert in control: keep it while the robot still disagrees, hand back once within ε.
        double discrepancy = Action.Discrepancy(input.RobotAction, input.ExpertAction);
        if (!Rule.HandsBack(discrepancy, Epsilon))
        {
            return new GateDecision(Controller.Expert, GateReasons.ExpertContinues, discrepancy, Epsilon);
        }

        return HandBack == AimHandBack.NextStep
            ? new GateDecision(Controller.Expert, GateReasons.HandBackNext, discrepancy, Epsilon, HandsBackAfter: true)
            : new GateDecision(Controller.Robot, GateReasons.HandBack, discrepancy, Epsilon);
    }

    /// <summary>When control returns to the robot once it agrees. Default <see cref="AimHandBack.SameStep"/>.</summary>
    public AimHandBack HandBack { get; init; }

    /// <summary>Remembers Q^I(s, a_r) of a robot-controlled step for the next refit of β.</summary>
    public void RecordRobotStep(double qRobot) => _recentRobotQ.Add(qRobot);

    /// <summary>
    /// The tracked quantile's move after a robot decision (<see cref="BetaSource.TrackedQuantile"/>): β rises by
    /// step·(1 − δ) when the robot asked for help and falls by step·δ when it did not, so it rests only where a fraction
    /// δ of decisions ask.
    /// </summary>
    /// <param name="asked">Whether this decision handed control to the expert.</param>
    /// <param name="step">The step on Q^I's scale (positive).</param>
    public void TrackQuantile(bool asked, double step) => Beta += step * ((asked ? 1.0 : 0.0) - Delta);

    /// <summary>At episode end: β ← (1 − δ)-quantile of the held values once more than <see cref="MinSamples"/> are held.</summary>
    /// <returns>True when β changed.</returns>
    public bool RefitBeta()
    {
        if (_recentRobotQ.Count <= MinSamples)
        {
            return false;
        }

        Beta = Rule.BetaOf(_recentRobotQ, Delta);
        return true;
    }

    /// <summary>Sets β from an explicit sample (initialisation and the agent-buffer variant).</summary>
    public void SetBetaFrom(IReadOnlyCollection<double> values) => Beta = Rule.BetaOf(values, Delta);

    /// <summary>Forgets the held values (after a policy update: they described the old policy).</summary>
    public void ClearRecent() => _recentRobotQ.Clear();

    /// <inheritdoc />
    /// <remarks>β, ε and the robot-step Q-values held for the next refit.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("aim-gate");
        writer.Write(Beta);
        writer.Write(Epsilon);
        writer.Write(_recentRobotQ);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("aim-gate");
        Beta = reader.ReadDouble();
        Epsilon = reader.ReadDouble();
        reader.ReadInto(_recentRobotQ);
    }
}
