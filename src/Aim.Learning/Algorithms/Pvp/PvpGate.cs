using Aim.Learning.Algorithms.Common;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Pvp;

/// <summary>
/// PVP's simulated human, who watches every step. Discrete actions: it takes over whenever the robot's action
/// differs from its own (PVP/AIM MiniGrid code). Continuous actions: it takes over when its Gaussian density of the
/// robot's action, ∏_i N(a_r,i; μ_i, σ_i), is below 1 − free_level (the PVP/EGPO "fake human"; 0.05 at free_level
/// 0.95). The threshold is on a density, not a probability, so its meaning scales with the expert's σ.
/// </summary>
public sealed class PvpGate
{
    /// <summary>Reason logged when the human takes over on a discrete mismatch.</summary>
    public const string Mismatch = "human: a_r != a_h";

    /// <summary>Reason logged when the human takes over on a low density.</summary>
    public const string LowDensity = "human: density(a_r) < 1 - free_level";

    /// <summary>Creates the rule.</summary>
    /// <param name="action">Action spec.</param>
    /// <param name="freeLevel">free_level; the continuous takeover threshold is 1 − free_level.</param>
    public PvpGate(ActionSpec action, double freeLevel)
    {
        Action = action ?? throw new ArgumentNullException(nameof(action));
        FreeLevel = freeLevel;
    }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>free_level.</summary>
    public double FreeLevel { get; }

    /// <summary>The density below which the human takes over: 1 − free_level.</summary>
    public double DensityThreshold => 1 - FreeLevel;

    /// <summary>The density of a diagonal Gaussian at <paramref name="action"/>: ∏_i exp(−(a_i − μ_i)²/(2σ_i²)) / (σ_i √(2π)).</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a σ is not positive.</exception>
    public static double Density(ReadOnlySpan<float> action, ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        if (action.Length != mean.Length || action.Length != std.Length)
        {
            throw new ArgumentException($"Action ({action.Length}), mean ({mean.Length}) and std ({std.Length}) must have the same length.", nameof(action));
        }

        double logDensity = 0;
        for (int i = 0; i < action.Length; i++)
        {
            if (!(std[i] > 0))
            {
                throw new ArgumentException($"The expert's std[{i}] = {std[i]} must be positive.", nameof(std));
            }

            double z = (action[i] - mean[i]) / std[i];
            logDensity += (-0.5 * z * z) - Math.Log(std[i] * Math.Sqrt(2 * Math.PI));
        }

        return Math.Exp(logDensity);
    }

    /// <summary>The decision; the score is the discrepancy (discrete) or the density (continuous).</summary>
    /// <exception cref="InvalidOperationException">Continuous actions without the expert's distribution (the expert is not Gaussian).</exception>
    public GateDecision Decide(in GateInput input)
    {
        bool takeOver;
        double score;
        string reason;
        if (Action.IsDiscrete)
        {
            score = Action.Discrepancy(input.RobotAction, input.ExpertAction);
            takeOver = score > 0;
            reason = Mismatch;
        }
        else
        {
            if (!input.HasExpertDistribution)
            {
                throw new InvalidOperationException("PVP's continuous gate needs the expert's action distribution: use an IGaussianExpert.");
            }

            score = Density(input.RobotAction, input.ExpertMean, input.ExpertStd);
            takeOver = score < DensityThreshold;
            reason = LowDensity;
        }

        return HumanGate.Decide(takeOver, reason, score, input.Previous, Action.IsDiscrete ? 0 : DensityThreshold);
    }
}
