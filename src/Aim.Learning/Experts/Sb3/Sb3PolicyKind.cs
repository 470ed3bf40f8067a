namespace Aim.Learning.Experts.Sb3;

/// <summary>The kind of policy a Stable-Baselines3 zip holds, told by the keys of its <c>policy.pth</c>.</summary>
public enum Sb3PolicyKind
{
    /// <summary>A DQN Q-network (<c>q_net.*</c> and <c>q_net_target.*</c>): discrete actions, acted on greedily.</summary>
    QNetwork,

    /// <summary>
    /// An actor-critic MLP policy with a diagonal Gaussian (PPO or A2C <c>MlpPolicy</c>: <c>mlp_extractor.policy_net.*</c>,
    /// <c>action_net.*</c>, <c>log_std</c>): continuous actions.
    /// </summary>
    GaussianActorCritic,
}
