using Aim.Learning.Torch;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Aim;

/// <summary>
/// The terms of Q^I's objective J = J_AIM + w·J_TD, as functions of tensors so they can be tested on hand-made
/// batches.
/// </summary>
public static class AimLoss
{
    /// <summary>
    /// J_AIM = E[(Q(s, a_h) + 1)²] + E[f · (Q(s, a_r) − 1)²], with f = 1 where a_r deviates from a_h. The mask is
    /// applied per sample before averaging over the whole batch (the expectation of the paper's formula); PVP's
    /// TD3 code averaged first and masked after, which only rescaled a batch-wide scalar.
    /// </summary>
    /// <param name="qExpert">Q(s, a_h), shape B.</param>
    /// <param name="qRobot">Q(s, a_r), shape B.</param>
    /// <param name="deviates">f: 1 where a_r deviates from a_h, else 0; shape B.</param>
    public static Tensor Regression(Tensor qExpert, Tensor qRobot, Tensor deviates)
    {
        // <solution exercise="aim-loss">
        Tensor expertTerm = qExpert.Plus(1).Squared().mean();
        return expertTerm.Plus(PositiveTerm(qRobot, deviates));
        // </solution>
    }

    /// <summary>J_AIM's +1 term alone, E[f · (Q(s, a) − 1)²], masked per sample before averaging over the batch.</summary>
    /// <param name="q">Q(s, a) of the candidate robot actions, shape B.</param>
    /// <param name="deviates">f: 1 where the candidate deviates from a_h, else 0; shape B.</param>
    public static Tensor PositiveTerm(Tensor q, Tensor deviates)
    {
        // <solution exercise="aim-loss">
        return (deviates * q.Minus(1).Squared()).mean();
        // </solution>
    }

    /// <summary>Reward-free TD target y = r + γ (1 − d) V̂(s′) with r = <paramref name="reward"/> (0 in AIM).</summary>
    public static Tensor TdTarget(Tensor nextValues, Tensor terminated, double gamma, double reward = 0.0)
    {
        // <solution exercise="td-target">
        return (terminated.SubtractedFrom(1).Times(gamma) * nextValues).Plus(reward);
        // </solution>
    }

    /// <summary>J_TD = E[(Q(s, a) − y)²] with y held constant.</summary>
    public static Tensor Td(Tensor q, Tensor target) => q.Minus(target.detach()).Squared().mean();

    /// <summary>
    /// The "AIM − reward" ablation: the ±1 labels become TD rewards, Q(s, a_h) → −1 + γ(1 − d)V̂(s′) and, where a_r
    /// deviates, Q(s, a_r) → +1 + γ(1 − d)V̂(s′).
    /// </summary>
    public static Tensor RewardLabels(Tensor qExpert, Tensor qRobot, Tensor deviates, Tensor nextValues, Tensor terminated, double gamma)
    {
        Tensor expertTarget = TdTarget(nextValues, terminated, gamma, reward: -1.0).detach();
        Tensor robotTarget = TdTarget(nextValues, terminated, gamma, reward: 1.0).detach();
        return qExpert.Minus(expertTarget).Squared().mean().Plus((deviates * qRobot.Minus(robotTarget).Squared()).mean());
    }
}
