namespace Aim.Learning.Networks;

/// <summary>Architecture of a policy or proxy-Q network.</summary>
/// <param name="Hidden">Hidden widths of the MLP head (after the grid CNN for images).</param>
/// <param name="HiddenTanh">tanh between hidden layers instead of ReLU.</param>
public sealed record NetworkOptions(IReadOnlyList<int> Hidden, bool HiddenTanh = false)
{
    /// <summary>The grid head of the AIM/PVP code: MinigridCNN then [64] with tanh.</summary>
    public static NetworkOptions GridHead { get; } = new(new[] { 64 }, HiddenTanh: true);

    /// <summary>The continuous BC policy of the AIM code (SB3 TD3 actor, net_arch [256, 256], ReLU).</summary>
    public static NetworkOptions Actor256 { get; } = new(new[] { 256, 256 });

    /// <summary>The continuous proxy-Q of the AIM code (SB3 TD3 critic default, [400, 300], ReLU).</summary>
    public static NetworkOptions Critic400x300 { get; } = new(new[] { 400, 300 });
}
