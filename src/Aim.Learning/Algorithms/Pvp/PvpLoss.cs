using Aim.Learning.Torch;
using static TorchSharp.torch;

namespace Aim.Learning.Algorithms.Pvp;

/// <summary>The terms of PVP's value losses, as functions of tensors so they can be tested on hand-made batches.</summary>
public static class PvpLoss
{
    /// <summary>
    /// The proxy-value term: on intervention samples, Q(s, a_h) → +1 and Q(s, a_novice) → −1 (the novice term only
    /// where the actions differ). Masked per sample, then averaged over the whole batch:
    /// mean(m·(Q(s, a_h) − 1)²) + mean(m·o·(Q(s, a_n) + 1)²). PVP-TD3 averaged before masking, which only rescaled a
    /// batch-wide scalar and pushed agent samples toward 0; this is the per-sample form of the PVP-DQN code.
    /// </summary>
    /// <param name="qHuman">Q(s, a_behaviour), shape B.</param>
    /// <param name="qNovice">Q(s, a_novice), shape B.</param>
    /// <param name="intervention">m: 1 on expert-controlled samples; shape B.</param>
    /// <param name="noOverlap">o: 1 where the novice action differs from the behaviour action (all ones for continuous actions); shape B.</param>
    public static Tensor Proxy(Tensor qHuman, Tensor qNovice, Tensor intervention, Tensor noOverlap)
    {
        Tensor humanTerm = (intervention * qHuman.Minus(1).Squared()).mean();
        Tensor noviceTerm = (intervention * noOverlap * qNovice.Plus(1).Squared()).mean();
        return humanTerm.Plus(noviceTerm);
    }

    /// <summary>The reward-free TD target y = 0 + γ (1 − d) V̂(s′).</summary>
    public static Tensor TdTarget(Tensor nextValues, Tensor terminated, double gamma) => terminated.SubtractedFrom(1).Times(gamma) * nextValues;

    /// <summary>k = 1 − s: PVP-TD3's TD mask, 0 on the samples where a takeover starts (s = 1).</summary>
    public static Tensor Keep(Tensor interventionStarts) => interventionStarts.SubtractedFrom(1);

    /// <summary>TD3's target-policy smoothing: clip(π̂(s′) + ε, −1, 1), with ε already clipped to [−c, c].</summary>
    public static Tensor SmoothedActions(Tensor targetActions, Tensor noise) => targetActions.Plus(noise).Clamp(-1, 1);

    /// <summary>PVP-DQN's TD term: Huber (smooth-L1) between Q(s, a_behaviour) and y, on every sample.</summary>
    public static Tensor HuberTd(Tensor q, Tensor target) => nn.functional.smooth_l1_loss(q, target.detach());

    /// <summary>PVP-TD3's TD term: 0.5 · mean(k·(Q(s, a_behaviour) − y)²), with k = 0 where a takeover starts.</summary>
    public static Tensor MaskedTd(Tensor q, Tensor target, Tensor keep) => (keep * q.Minus(target.detach()).Squared()).mean().Times(0.5);
}
