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
    /// <remarks>
    /// The scalars are explicit and kept alive across the native calls: TorchSharp 0.107 passes implicitly converted
    /// scalars by raw handle, and a collection during the call frees them (environment.md: scalar lifetimes). Every
    /// method's target network goes through here, so every method gets the protection.
    /// </remarks>
    public static void SoftUpdate(nn.Module online, nn.Module target, double tau)
    {
        ArgumentNullException.ThrowIfNull(online);
        ArgumentNullException.ThrowIfNull(target);
        using var noGrad = no_grad();
        var source = online.parameters().ToArray();
        var destination = target.parameters().ToArray();
        using Scalar keep = (1 - tau).ToScalar();
        using Scalar take = tau.ToScalar();
        for (int i = 0; i < source.Length; i++)
        {
            destination[i].mul_(keep).add_(source[i], take);
        }

        GC.KeepAlive(keep);
        GC.KeepAlive(take);
    }
}
