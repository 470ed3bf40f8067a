using Aim.Core.Random;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Bc;

/// <summary>
/// Offline behaviour cloning: the expert demonstrates during the harness's warm-up, the policy is fitted to those N
/// steps, and afterwards the gate never asks (any further steps are the robot's alone and teach nothing). Counted
/// as robot-gated so that wall steps equal the N demonstrated steps.
/// </summary>
public sealed class BcMethod : GatedMethod
{
    /// <summary>Reason logged on every step after the demonstrations.</summary>
    public const string Offline = "offline: never asks";

    /// <summary>Builds the policy.</summary>
    public BcMethod(ObservationSpec observation, ActionSpec action, BcMethodOptions options, Rng rng)
        : base(CreateLearner(observation, action, options, rng), Array.Empty<string>())
    {
        Options = options;
    }

    /// <inheritdoc />
    public override string Name => "bc";

    /// <inheritdoc />
    public override bool IsRobotGated => true;

    /// <inheritdoc />
    public override bool LearnsOnlyFromWarmUp => true;

    /// <summary>The options in force.</summary>
    public BcMethodOptions Options { get; }

    /// <inheritdoc />
    public override GateDecision Decide(in GateInput input) => new(Controller.Robot, Offline, double.NaN);

    private static BcPolicyLearner CreateLearner(ObservationSpec observation, ActionSpec action, BcMethodOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new BcPolicyLearner(observation, action, options.Policy, options.PolicyNetwork, rng);
    }
}
