using Aim.Core.Random;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Learners;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.HgDagger;

/// <summary>
/// HG-DAgger: human-gated DAgger. The human watches every step (so every step is charged as a wall step) and takes
/// over when the robot errs; the policy clones the human's labels with the shared behaviour-cloning learner.
/// </summary>
public sealed class HgDaggerMethod : GatedMethod
{
    private readonly HgDaggerGate _gate;

    /// <summary>Builds the policy and the simulated human gate.</summary>
    public HgDaggerMethod(ObservationSpec observation, ActionSpec action, HgDaggerOptions options, Rng rng)
        : base(CreateLearner(observation, action, options, rng), Array.Empty<string>())
    {
        Options = options;
        _gate = new HgDaggerGate(action, options.Threshold);
    }

    /// <inheritdoc />
    public override string Name => "hg-dagger";

    /// <inheritdoc />
    public override bool IsRobotGated => false;

    /// <summary>The options in force.</summary>
    public HgDaggerOptions Options { get; }

    /// <summary>The simulated human gate.</summary>
    public HgDaggerGate Gate => _gate;

    /// <inheritdoc />
    public override GateDecision Decide(in GateInput input) => _gate.Decide(input);

    private static BcPolicyLearner CreateLearner(ObservationSpec observation, ActionSpec action, HgDaggerOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new BcPolicyLearner(observation, action, options.Policy, options.PolicyNetwork, rng);
    }
}
