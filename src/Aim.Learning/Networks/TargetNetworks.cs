using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Networks;

/// <summary>Target-network bookkeeping shared by the value learners (Thrifty's risk critic, PVP's Q-networks).</summary>
public static class TargetNetworks
{
    /// <summary>Makes <paramref name="target"/> an exact, frozen copy of <paramref name="online"/>.</summary>
    public static void Copy(nn.Module online, nn.Module target)
    {
        ArgumentNullException.ThrowIfNull(online);
        ArgumentNullException.ThrowIfNull(target);
        target.load_state_dict(online.state_dict());
        foreach (var p in target.parameters())
        {
            p.requires_grad = false;
        }
    }

    /// <summary>Polyak averaging θ̂ ← τ θ + (1 − τ) θ̂ (Thrifty writes it with ρ = 1 − τ).</summary>
    public static void SoftUpdate(nn.Module online, nn.Module target, double tau)
    {
        ArgumentNullException.ThrowIfNull(online);
        ArgumentNullException.ThrowIfNull(target);
        using var noGrad = no_grad();
        var source = online.parameters().ToArray();
        var destination = target.parameters().ToArray();
        for (int i = 0; i < source.Length; i++)
        {
            destination[i].mul_(1 - tau).add_(source[i], alpha: tau);
        }
    }
}
