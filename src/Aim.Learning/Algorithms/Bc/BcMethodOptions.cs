using Aim.Learning.Learners;
using Aim.Learning.Networks;

namespace Aim.Learning.Algorithms.Bc;

/// <summary>
/// Options of offline behaviour cloning as a method on the harness. The number of expert steps N is the harness's
/// warm-up (<c>TrainerOptions.WarmUpSteps</c>; the paper's budget is 2,000): run it with <c>TotalEnvSteps = WarmUpSteps = N</c>.
/// </summary>
public sealed record BcMethodOptions
{
    /// <summary>
    /// The learner; the policy is fitted once, with <see cref="BcOptions.InitialSteps"/> gradient steps. Default
    /// 3,000 steps at batch 128 (our decision; the AIM code's offline study: 20k steps at batch 1024).
    /// </summary>
    public BcOptions Policy { get; init; } = new() { InitialSteps = 3_000 };

    /// <summary>Policy architecture (null: the shared default, <see cref="BcPolicyLearner.DefaultNetwork"/>).</summary>
    public NetworkOptions? PolicyNetwork { get; init; }

    /// <summary>
    /// Offline BC on the driving tasks: one fit of 20,000 gradient steps on the whole demonstration set, at the shared
    /// driving learner's lr 3e-4 and batch 256.
    /// </summary>
    public static BcMethodOptions Driving { get; } = new() { Policy = new() { LearningRate = 3e-4, BatchSize = 256, InitialSteps = 20_000 } };

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate() => Policy.Validate();
}
