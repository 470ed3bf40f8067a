using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Aim.Play.Protocol;
using static Aim.Play.Protocol.MessageJson;

namespace Aim.Play.Session;

/// <summary>
/// Reads what a gate compared at a decision, for the page's gauges: AIM's Q^I(s, a_r) against β (and, while the person
/// drives, |a_r − a_h| against ε); Thrifty-DAgger's novelty against β_H and risk against ε_H; other gates their own
/// score and threshold as the decision reports them.
/// </summary>
internal static class GateGauges
{
    /// <summary>The gauges of <paramref name="decision"/>, taken by <paramref name="method"/> after <paramref name="previous"/> acted.</summary>
    public static IReadOnlyList<Gauge> Read(IMethod method, GateDecision decision, Controller previous, bool warmUp)
    {
        if (warmUp)
        {
            return [];
        }

        bool robotDecides = previous == Controller.Robot;
        switch (method)
        {
            case PersonGatedMethod:
                return [];
            case AimMethod when robotDecides:
                return [Above("Q^I(s, a_r)", decision.Score, "β", decision.Threshold, "asks for help when above")];
            case AimMethod:
                return [HandBack(decision, "ε")];
            case ThriftyMethod thrifty when robotDecides:
                var gauges = new List<Gauge> { Above("novelty", thrifty.LastNovelty, "β_H", thrifty.Gate.NoveltyThreshold, "asks for help when above") };
                if (thrifty.Gate.UseRisk)
                {
                    gauges.Add(Below("Q_risk(s, a_r)", thrifty.LastRisk, "ε_H", thrifty.Gate.RiskThreshold, "asks for help when below"));
                }

                return gauges;
            case ThriftyMethod:
                return [HandBack(decision, "β_R")];
            default:
                return double.IsNaN(decision.Score)
                    ? []
                    : [robotDecides
                        ? Above("score", decision.Score, "threshold", decision.Threshold, "asks for help when above")
                        : HandBack(decision, "threshold")];
        }
    }

    private static Gauge HandBack(GateDecision decision, string thresholdName) =>
        new("|a_r − a_h|", Finite(decision.Score), thresholdName, Finite(decision.Threshold), "hands control back when at most",
            decision.Controller == Controller.Robot);

    private static Gauge Above(string name, double value, string thresholdName, double threshold, string rule) =>
        new(name, Finite(value), thresholdName, Finite(threshold), rule, value > threshold);

    private static Gauge Below(string name, double value, string thresholdName, double threshold, string rule) =>
        new(name, Finite(value), thresholdName, Finite(threshold), rule, value < threshold);
}
