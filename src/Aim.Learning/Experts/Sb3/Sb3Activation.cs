namespace Aim.Learning.Experts.Sb3;

/// <summary>The hidden-layer activation of an SB3 policy, from <c>policy_kwargs.activation_fn</c> in the zip's <c>data</c>.</summary>
internal static class Sb3Activation
{
    /// <summary>
    /// True for <c>Tanh</c>, false for <c>ReLU</c>; <paramref name="defaultTanh"/> when the zip does not say (SB3's
    /// default: ReLU for DQN, Tanh for PPO/A2C).
    /// </summary>
    /// <exception cref="InvalidDataException">Another activation.</exception>
    public static bool IsTanh(Sb3Checkpoint checkpoint, bool defaultTanh) => checkpoint.Metadata.ActivationName switch
    {
        null => defaultTanh,
        "Tanh" => true,
        "ReLU" => false,
        string other => throw new InvalidDataException(
            $"'{checkpoint.Path}': the policy's activation is {other}; the loader supports Tanh and ReLU."),
    };
}
