using Aim.Learning.Learners;
using Aim.Learning.Networks;

namespace Aim.Learning.Algorithms.Thrifty;

/// <summary>Options of Thrifty-DAgger (Hoque et al., CoRL 2021). Defaults follow the original code unless stated.</summary>
public sealed record ThriftyOptions
{
    /// <summary>
    /// Target rate α: β_H is the (1 − α)-quantile of robot-mode novelty and ε_H the α-quantile of robot-mode Q_risk,
    /// so each test alone asks in about a fraction α of robot steps. Default 0.01 (original <c>--targetrate</c>).
    /// </summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>Ensemble size. Default 5 (original <c>num_nets</c>).</summary>
    public int Members { get; init; } = 5;

    /// <summary>
    /// Use the risk critic Q_risk (the original). False gives the released AIM code's Thrifty: novelty only, hand back
    /// on agreement alone. Default true.
    /// </summary>
    public bool RiskCritic { get; init; } = true;

    /// <summary>Refit the thresholds after each episode (original). False keeps the initial ones (AIM code). Default true.</summary>
    public bool RefitThresholds { get; init; } = true;

    /// <summary>
    /// Quantile of warm-up novelty that sets the initial β_H. Null: 1 − α (original, on held-out demonstrations).
    /// The AIM code's variant uses 0.9 and never refits. Default null.
    /// </summary>
    public double? InitialNoveltyQuantile { get; init; }

    /// <summary>Initial ε_H ("48% discounted probability of success"). Default 0.48 (original).</summary>
    public double InitialRiskThreshold { get; init; } = 0.48;

    /// <summary>Initial ε_R. Default 0.495 (original).</summary>
    public double InitialHandBackRiskThreshold { get; init; } = 0.495;

    /// <summary>Thresholds are refit only when more than this many robot-mode samples are held. Default 25 (original).</summary>
    public int MinRefitSamples { get; init; } = 25;

    /// <summary>
    /// After each update, the last this many robot-controlled states are re-scored with the updated ensemble and
    /// critic and the thresholds refit at once, so they mean "a fraction α of robot steps" for the networks in use.
    /// Default 0 (off: thresholds wait for more than <see cref="MinRefitSamples"/> new robot steps and an episode end,
    /// and can stay stale for many updates; see docs/decisions.md#thrifty-dagger-thresholds). 2,000 is the original's
    /// round. Our addition: the original keeps one critic per round and refits once per round.
    /// </summary>
    public int RescoreWindow { get; init; }

    /// <summary>Discount of the goal-reaching critic. Default 0.9999 (original).</summary>
    public double Gamma { get; init; } = 0.9999;

    /// <summary>Polyak factor ρ of the critic targets (θ̂ ← ρθ̂ + (1 − ρ)θ). Default 0.995 (original).</summary>
    public double Polyak { get; init; } = 0.995;

    /// <summary>The targets are updated every this many critic gradient steps. Default 2 (original).</summary>
    public int TargetUpdateEvery { get; init; } = 2;

    /// <summary>Adam learning rate of the critics. Default 1e-3 (original).</summary>
    public double RiskLearningRate { get; init; } = 1e-3;

    /// <summary>Critic batch size. Default 50 (original: half the policy batch of 100).</summary>
    public int RiskBatchSize { get; init; } = 50;

    /// <summary>Share of each critic batch drawn from success transitions. Default 0.1 (original <c>pos_fraction</c>).</summary>
    public double SuccessFraction { get; init; } = 0.1;

    /// <summary>
    /// Critic gradient steps after warm-up. Default 1,000 (our decision; the original retrains 12,500 steps from
    /// scratch per 2,000-step round).
    /// </summary>
    public int RiskInitialSteps { get; init; } = 1_000;

    /// <summary>Critic gradient steps per update (per 25 new expert labels). Default 200 (our decision).</summary>
    public int RiskStepsPerUpdate { get; init; } = 200;

    /// <summary>Each member's behaviour-cloning learner (bootstrap resampling is always on).</summary>
    public BcOptions Policy { get; init; } = new() { Bootstrap = true };

    /// <summary>Member architecture (null: the shared default).</summary>
    public NetworkOptions? PolicyNetwork { get; init; }

    /// <summary>Critic architecture (null: the grid head for images, 256-256 for vectors, as the original).</summary>
    public NetworkOptions? RiskNetwork { get; init; }

    /// <summary>The released AIM code's Thrifty: no risk critic, β_H fixed at the 0.9-quantile of warm-up novelty.</summary>
    public static ThriftyOptions AimCodeVariant { get; } = new() { RiskCritic = false, RefitThresholds = false, InitialNoveltyQuantile = 0.9 };

    /// <summary>Thrifty-DAgger on the driving tasks: its members learn with the shared driving learner (<see cref="BcOptions.Driving"/>).</summary>
    public static ThriftyOptions Driving { get; } = new() { Policy = BcOptions.Driving };

    /// <summary>The released AIM code's Thrifty on the driving tasks: <see cref="AimCodeVariant"/> with the driving learner.</summary>
    public static ThriftyOptions AimCodeVariantDriving => AimCodeVariant with { Policy = BcOptions.Driving };

    /// <summary>Throws when a value is out of range, naming it and what was expected.</summary>
    public void Validate()
    {
        CheckOpenUnit(Alpha, nameof(Alpha));
        if (Members < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Members), Members, "An ensemble needs at least 2 members.");
        }

        if (InitialNoveltyQuantile is double q && !(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialNoveltyQuantile), q, "A quantile must lie in [0, 1].");
        }

        CheckProbability(InitialRiskThreshold, nameof(InitialRiskThreshold));
        CheckProbability(InitialHandBackRiskThreshold, nameof(InitialHandBackRiskThreshold));
        if (!(Gamma >= 0 && Gamma < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "γ must lie in [0, 1).");
        }

        if (!(Polyak >= 0 && Polyak < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Polyak), Polyak, "The Polyak factor must lie in [0, 1).");
        }

        if (!(RiskLearningRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(RiskLearningRate), RiskLearningRate, "The learning rate must be positive.");
        }

        CheckOpenUnit(SuccessFraction, nameof(SuccessFraction));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TargetUpdateEvery);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RiskBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(RiskInitialSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(RiskStepsPerUpdate);
        ArgumentOutOfRangeException.ThrowIfNegative(MinRefitSamples);
        ArgumentOutOfRangeException.ThrowIfNegative(RescoreWindow);
        Policy.Validate();
    }

    private static void CheckProbability(double value, string name)
    {
        // Q_risk is a discounted probability of success, so a threshold outside [0, 1] never or always triggers.
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is a discounted probability of success and must lie in [0, 1].");
        }
    }

    private static void CheckOpenUnit(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in (0, 1).");
        }
    }
}
