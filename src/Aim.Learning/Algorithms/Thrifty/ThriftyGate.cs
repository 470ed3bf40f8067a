using Aim.Core.Resume;
using Aim.Learning.Data;
using Aim.Learning.Spec;
using Aim.Learning.Stats;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Thrifty;

/// <summary>
/// Thrifty-DAgger's switching rule and thresholds, separate from the networks so it can be tested on hand-made
/// scores. Robot → expert when the state is novel (novelty &gt; β_H), otherwise when it is risky
/// (Q_risk(s, a_r) &lt; ε_H); expert → robot when the robot agrees with the expert (discrepancy &lt; β_R; discrete:
/// equal actions) and the state is safe (Q_risk(s, a_r) &gt; ε_R). Without a risk critic only novelty and agreement
/// count (the released AIM code's Thrifty, and Ensemble-DAgger).
/// </summary>
public sealed class ThriftyGate : IResumable
{
    /// <summary>Reason logged when novelty asks for help.</summary>
    public const string Novel = "novelty > beta_H";

    /// <summary>Reason logged when risk asks for help.</summary>
    public const string Risky = "Q_risk(s,a_r) < eps_H";

    private readonly List<double> _novelties = new();
    private readonly List<double> _risks = new();

    /// <summary>Creates the rule; thresholds are set by the method (initial values) and by <see cref="Refit"/>.</summary>
    /// <param name="action">Action spec (gives the discrepancy).</param>
    /// <param name="alpha">Target rate α of each test.</param>
    /// <param name="useRisk">Whether the risk tests take part.</param>
    /// <param name="minSamples">Thresholds are refit only when more than this many robot-mode samples are held.</param>
    public ThriftyGate(ActionSpec action, double alpha, bool useRisk, int minSamples)
    {
        Action = action ?? throw new ArgumentNullException(nameof(action));
        Alpha = alpha;
        UseRisk = useRisk;
        MinSamples = minSamples;
    }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>Target rate α.</summary>
    public double Alpha { get; }

    /// <summary>Whether the risk tests take part.</summary>
    public bool UseRisk { get; }

    /// <summary>Minimum number of held robot-mode samples before a refit.</summary>
    public int MinSamples { get; }

    /// <summary>β_H: novelty above it asks for help.</summary>
    public double NoveltyThreshold { get; set; }

    /// <summary>ε_H: Q_risk below it asks for help.</summary>
    public double RiskThreshold { get; set; }

    /// <summary>β_R: the expert hands back only when the discrepancy is below it (continuous actions).</summary>
    public double DiscrepancyThreshold { get; set; }

    /// <summary>ε_R: the expert hands back only when Q_risk is above it.</summary>
    public double HandBackRiskThreshold { get; set; }

    /// <summary>Robot-mode novelties held for the next refit.</summary>
    public IReadOnlyList<double> RecentNovelties => _novelties;

    /// <summary>Robot-mode Q_risk values held for the next refit.</summary>
    public IReadOnlyList<double> RecentRisks => _risks;

    /// <summary>
    /// The decision. <paramref name="novelty"/> and <paramref name="risk"/> (Q_risk(s, a_r); NaN without a critic)
    /// are the robot's scores in s; the expert action is read only when the expert was in control.
    /// </summary>
    public GateDecision Decide(double novelty, double risk, in GateInput input)
    {
        if (input.Previous == Controller.Robot)
        {
            // Novelty is checked first; risk only for states that are not novel.
            if (novelty > NoveltyThreshold)
            {
                return new GateDecision(Controller.Expert, Novel, novelty, NoveltyThreshold);
            }

            if (UseRisk && risk < RiskThreshold)
            {
                return new GateDecision(Controller.Expert, Risky, risk, RiskThreshold);
            }

            return new GateDecision(Controller.Robot, GateReasons.RobotContinues, novelty, NoveltyThreshold);
        }

        // Expert in control: hand back only when the robot agrees AND (with a critic) the state is safe.
        double discrepancy = Action.Discrepancy(input.RobotAction, input.ExpertAction);
        bool agrees = Action.IsDiscrete ? discrepancy == 0 : discrepancy < DiscrepancyThreshold;
        bool safe = !UseRisk || risk > HandBackRiskThreshold;
        double handBackThreshold = Action.IsDiscrete ? 0 : DiscrepancyThreshold;
        return agrees && safe
            ? new GateDecision(Controller.Robot, GateReasons.HandBack, discrepancy, handBackThreshold)
            : new GateDecision(Controller.Expert, GateReasons.ExpertContinues, discrepancy, handBackThreshold);
    }

    /// <summary>Remembers the scores of a robot-mode step for the next refit.</summary>
    public void RecordRobotStep(double novelty, double risk)
    {
        _novelties.Add(novelty);
        if (UseRisk)
        {
            _risks.Add(risk);
        }
    }

    /// <summary>
    /// At episode end, once more than <see cref="MinSamples"/> robot-mode samples are held: β_H ← (1 − α)-quantile of
    /// the novelties; with a critic ε_H ← α-quantile and ε_R ← median of the Q_risk values. β_R is never refit.
    /// </summary>
    /// <returns>True when the thresholds changed.</returns>
    public bool Refit()
    {
        if (_novelties.Count <= MinSamples)
        {
            return false;
        }

        NoveltyThreshold = NoveltyThresholdOf(_novelties, Alpha);
        if (UseRisk)
        {
            RiskThreshold = RiskThresholdOf(_risks, Alpha);
            HandBackRiskThreshold = Quantiles.Quantile(_risks, 0.5);
        }

        return true;
    }

    /// <summary>β_H from recent robot-mode novelties: their (1 − α)-quantile, so that a fraction α of such states count
    /// as novel.</summary>
    /// <param name="novelties">Novelties (ensemble disagreement) of recent robot-mode states; at least one value.</param>
    /// <param name="alpha">Target rate α in [0, 1].</param>
    public static double NoveltyThresholdOf(IReadOnlyCollection<double> novelties, double alpha)
    {
        // <solution exercise="thrifty-thresholds">
        return Quantiles.Quantile(novelties, 1 - alpha);
        // </solution>
    }

    /// <summary>ε_H from recent robot-mode Q_risk values: their α-quantile, so that a fraction α of such states count as
    /// risky (Q_risk is the chance of success: low is risky).</summary>
    /// <param name="risks">Q_risk(s, a_r) of recent robot-mode states; at least one value.</param>
    /// <param name="alpha">Target rate α in [0, 1].</param>
    public static double RiskThresholdOf(IReadOnlyCollection<double> risks, double alpha)
    {
        // <solution exercise="thrifty-thresholds">
        return Quantiles.Quantile(risks, alpha);
        // </solution>
    }

    /// <summary>Forgets the held samples (a new round begins after each policy update).</summary>
    public void ClearRecent()
    {
        _novelties.Clear();
        _risks.Clear();
    }

    /// <inheritdoc />
    /// <remarks>The four thresholds and the robot-step scores held for the next refit.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("thrifty-gate");
        writer.Write(NoveltyThreshold);
        writer.Write(RiskThreshold);
        writer.Write(DiscrepancyThreshold);
        writer.Write(HandBackRiskThreshold);
        writer.Write(_novelties);
        writer.Write(_risks);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("thrifty-gate");
        NoveltyThreshold = reader.ReadDouble();
        RiskThreshold = reader.ReadDouble();
        DiscrepancyThreshold = reader.ReadDouble();
        HandBackRiskThreshold = reader.ReadDouble();
        reader.ReadInto(_novelties);
        reader.ReadInto(_risks);
    }
}
