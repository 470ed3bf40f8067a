using Aim.Learning.Learners;
using Aim.Learning.Networks;

namespace Aim.Learning.Algorithms.Pvp;

/// <summary>Which learner trains PVP's policy.</summary>
public enum PvpLearner
{
    /// <summary>
    /// PVP's own proxy-value learner: PVP-DQN for discrete actions, PVP-TD3 for continuous ones (Peng et al., 2023).
    /// </summary>
    ProxyValue,

    /// <summary>The shared behaviour-cloning learner (how the released AIM code runs PVP on MetaDrive).</summary>
    BehaviourCloning,
}

/// <summary>Options of PVP's proxy-value learners. Defaults follow the PVP code unless stated.</summary>
public sealed record PvpValueOptions
{
    /// <summary>Adam learning rate of the Q-networks (and the TD3 actor). Default 1e-4 (PVP code).</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Samples per gradient step, half from each buffer once both hold enough. Default 128 (PVP-TD3 code; DQN: 32).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Gradient steps per update (per 25 new expert labels). Default 200 (our decision; PVP: 1–32 per env step).</summary>
    public int StepsPerUpdate { get; init; } = 200;

    /// <summary>Gradient steps of the first fit after warm-up. Default 1,000 (our decision).</summary>
    public int InitialSteps { get; init; } = 1_000;

    /// <summary>Discount of the reward-free TD target. Default 0.99 (PVP code).</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>Polyak rate τ of the target networks, applied after every (DQN) or every delayed (TD3) step. Default 0.005.</summary>
    public double Tau { get; init; } = 0.005;

    /// <summary>
    /// DQN: the Polyak update of the target runs every this many gradient steps. Default 1 (PVP-DQN code with one
    /// gradient step per environment step); the AIM MiniGrid code updates once per environment step, i.e. every 32
    /// gradient steps.
    /// </summary>
    public int SoftUpdateEvery { get; init; } = 1;

    /// <summary>Gradient-norm clip (DQN). Default 10 (PVP-DQN code).</summary>
    public double GradientClip { get; init; } = 10.0;

    /// <summary>TD3: the actor and targets are updated every this many critic steps. Default 2 (PVP-TD3 code).</summary>
    public int PolicyDelay { get; init; } = 2;

    /// <summary>TD3: std of the target-policy smoothing noise. Default 0.2 (PVP-TD3 code).</summary>
    public double TargetNoise { get; init; } = 0.2;

    /// <summary>TD3: the smoothing noise is clipped to ± this. Default 0.5 (PVP-TD3 code).</summary>
    public double NoiseClip { get; init; } = 0.5;

    /// <summary>Q-network (and TD3 actor) architecture (null: the grid head for images, 256-256 for vectors, as PVP).</summary>
    public NetworkOptions? Network { get; init; }

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        }

        if (!(Gamma >= 0 && Gamma < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "γ must lie in [0, 1).");
        }

        if (!(Tau > 0 && Tau <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Tau), Tau, "τ must lie in (0, 1].");
        }

        if (!(TargetNoise >= 0) || !(NoiseClip >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetNoise), $"Target noise {TargetNoise} and clip {NoiseClip} must not be negative.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(StepsPerUpdate);
        ArgumentOutOfRangeException.ThrowIfNegative(InitialSteps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PolicyDelay);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SoftUpdateEvery);
        if (!(GradientClip > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(GradientClip), GradientClip, "The gradient-norm clip must be positive (> 0).");
        }
    }
}

/// <summary>Options of PVP (Proxy Value Propagation, Peng et al., NeurIPS 2023) with a simulated human gate.</summary>
public sealed record PvpOptions
{
    /// <summary>
    /// free_level of the continuous gate: the human takes over when its density of the robot's action is below
    /// 1 − free_level. Default 0.95 (PVP/EGPO fake human; the AIM code's later script default: 0.9).
    /// </summary>
    public double FreeLevel { get; init; } = 0.95;

    /// <summary>The policy's learner. Default <see cref="PvpLearner.ProxyValue"/> (PVP; the AIM MiniGrid code).</summary>
    public PvpLearner Learner { get; init; } = PvpLearner.ProxyValue;

    /// <summary>The proxy-value learner's options.</summary>
    public PvpValueOptions ProxyValue { get; init; } = new();

    /// <summary>The behaviour-cloning learner's options (when <see cref="Learner"/> is BehaviourCloning).</summary>
    public BcOptions Policy { get; init; } = new();

    /// <summary>Policy architecture of the behaviour-cloning learner (null: the shared default).</summary>
    public NetworkOptions? PolicyNetwork { get; init; }

    /// <summary>
    /// PVP on the driving tasks: the shared driving learner (<see cref="BcOptions.Driving"/>) without bootstrap
    /// resampling. It is read only with <see cref="Learner"/> = BehaviourCloning (the AIM code's PVP); the default
    /// learner stays PVP-TD3.
    /// </summary>
    public static PvpOptions Driving { get; } = new() { Policy = BcOptions.Driving with { Bootstrap = false } };

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (!(FreeLevel >= 0 && FreeLevel <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(FreeLevel), FreeLevel, "free_level must lie in [0, 1].");
        }

        ProxyValue.Validate();
        Policy.Validate();
    }
}
