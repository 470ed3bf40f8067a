using Aim.Core.Random;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Learners;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Pvp;

/// <summary>
/// PVP (Proxy Value Propagation): human-gated; the simulated human watches every step and takes over by PVP's
/// mismatch (discrete) or density (continuous) rule. The policy learns either with PVP's proxy-value learner
/// (PVP-DQN or PVP-TD3) or with the shared behaviour-cloning learner.
/// </summary>
public sealed class PvpMethod : GatedMethod
{
    /// <summary>The value learner's loss on its last step (named apart from AIM's Q^I loss: AIM can use this learner).</summary>
    public const string QLossMetric = "train/value_loss";

    /// <summary>Mean Q(s, a_behaviour) on the last batch.</summary>
    public const string QHumanMetric = "train/value_behaviour_mean";

    /// <summary>Mean Q(s, a_novice) on the last batch.</summary>
    public const string QNoviceMetric = "train/value_novice_mean";

    /// <summary>PVP-TD3's actor loss on its last step.</summary>
    public const string ActorLossMetric = "train/actor_loss";

    private readonly PvpGate _gate;

    /// <summary>Builds the learner chosen by <see cref="PvpOptions.Learner"/> (seed TorchSharp first for reproducible weights).</summary>
    public PvpMethod(ObservationSpec observation, ActionSpec action, PvpOptions options, Rng rng)
        : base(CreateLearner(observation, action, options, rng), Array.Empty<string>())
    {
        Options = options;
        _gate = new PvpGate(action, options.FreeLevel);
    }

    /// <inheritdoc />
    public override string Name => "pvp";

    /// <inheritdoc />
    public override bool IsRobotGated => false;

    /// <summary>The options in force.</summary>
    public PvpOptions Options { get; }

    /// <summary>The simulated human gate.</summary>
    public PvpGate Gate => _gate;

    /// <inheritdoc />
    public override GateDecision Decide(in GateInput input) => _gate.Decide(input);

    private static IPolicyLearner CreateLearner(ObservationSpec observation, ActionSpec action, PvpOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options.Learner switch
        {
            PvpLearner.BehaviourCloning => new BcPolicyLearner(observation, action, options.Policy, options.PolicyNetwork, rng),
            _ when action.IsDiscrete => new PvpDqnLearner(observation, action, options.ProxyValue, rng),
            _ => new PvpTd3Learner(observation, action, options.ProxyValue, rng),
        };
    }
}
