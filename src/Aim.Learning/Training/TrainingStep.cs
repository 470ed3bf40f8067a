using Aim.Learning.Data;

namespace Aim.Learning.Training;

/// <summary>
/// One step of shared control as the harness saw it, handed to every <see cref="ITrainingObserver"/> right after the
/// environment stepped and the transition was stored. Spans point into the harness's own buffers and are valid only
/// during the call: an observer that keeps an action copies it.
/// </summary>
public readonly ref struct TrainingStep
{
    /// <summary>Creates the step record.</summary>
    public TrainingStep(
        long envStep,
        int episode,
        bool isWarmUp,
        AgentPose pose,
        Controller previous,
        GateDecision decision,
        ReadOnlySpan<float> robotAction,
        ReadOnlySpan<float> expertAction,
        double discrepancy,
        double reward,
        bool? isSafetyCritical,
        bool done,
        bool success,
        bool expertAsked = true)
    {
        ExpertAsked = expertAsked;
        EnvStep = envStep;
        Episode = episode;
        IsWarmUp = isWarmUp;
        Pose = pose;
        Previous = previous;
        Decision = decision;
        RobotAction = robotAction;
        ExpertAction = expertAction;
        Discrepancy = discrepancy;
        Reward = reward;
        IsSafetyCritical = isSafetyCritical;
        Done = done;
        Success = success;
    }

    /// <summary>Environment steps taken, this one included (1-based, warm-up included).</summary>
    public long EnvStep { get; }

    /// <summary>Training episodes finished before this step (the episode this step belongs to, 0-based).</summary>
    public int Episode { get; }

    /// <summary>True during the warm-up, when the expert acts without a gate decision.</summary>
    public bool IsWarmUp { get; }

    /// <summary>The agent's pose before the step: where the decision was taken.</summary>
    public AgentPose Pose { get; }

    /// <summary>Who controlled the previous step.</summary>
    public Controller Previous { get; }

    /// <summary>The gate's decision: who acted, why, the score and the threshold it was compared with.</summary>
    public GateDecision Decision { get; }

    /// <summary>a_r = π_r(s), encoded.</summary>
    public ReadOnlySpan<float> RobotAction { get; }

    /// <summary>a_h, the expert's label in s, encoded (its mean under <see cref="ExpertLabel.Mean"/>).</summary>
    public ReadOnlySpan<float> ExpertAction { get; }

    /// <summary>
    /// False when the expert was not asked at this step (an on-demand expert, a person, while the robot drives):
    /// <see cref="ExpertAction"/> is then NaN and <see cref="Discrepancy"/> NaN.
    /// </summary>
    public bool ExpertAsked { get; }

    /// <summary>The action discrepancy between <see cref="RobotAction"/> and <see cref="ExpertAction"/>.</summary>
    public double Discrepancy { get; }

    /// <summary>The environment's reward for the step.</summary>
    public double Reward { get; }

    /// <summary>
    /// Whether the state before the step was safety-critical (the environment's state rule, else the task's rule on
    /// the expert's action); null when the task has neither or during the warm-up.
    /// </summary>
    public bool? IsSafetyCritical { get; }

    /// <summary>True when the step ended the episode (terminated or truncated).</summary>
    public bool Done { get; }

    /// <summary>True when the step ended the episode in success.</summary>
    public bool Success { get; }

    /// <summary>Who acted on this step.</summary>
    public Controller Controller => Decision.Controller;

    /// <summary>True when the robot was in control and handed over to the expert: a request for help (or a takeover).</summary>
    public bool AskedForHelp => !IsWarmUp && Previous == Controller.Robot && Decision.Controller == Controller.Expert;
}
