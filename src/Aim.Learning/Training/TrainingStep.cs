using Aim.Learning.Data;

namespace Aim.Learning.Training;

/// <summary>
/// One step of shared control as the harness saw it, handed to every <see cref="ITrainingObserver"/> right after the
/// environment stepped and the transition was stored: the <see cref="TrainingDecision"/> it carried out, and what the
/// expert and the environment answered. Spans point into the harness's own buffers and are valid only
/// during the call: an observer that keeps an action copies it.
/// </summary>
public readonly ref struct TrainingStep
{
    /// <summary>Creates the step record.</summary>
    /// <param name="decision">The decision this step carried out, as observers heard it before the step.</param>
    /// <param name="expertAction">a_h, encoded (NaN when the expert was not asked).</param>
    /// <param name="discrepancy">The action discrepancy between a_r and a_h (NaN when the expert was not asked).</param>
    /// <param name="reward">The environment's reward for the step.</param>
    /// <param name="isSafetyCritical">Whether the state before the step was safety-critical (null: unknown).</param>
    /// <param name="done">True when the step ended the episode.</param>
    /// <param name="success">True when the step ended the episode in success.</param>
    /// <param name="expertAsked">False when the expert was not asked at this step.</param>
    public TrainingStep(
        in TrainingDecision decision,
        ReadOnlySpan<float> expertAction,
        double discrepancy,
        double reward,
        bool? isSafetyCritical,
        bool done,
        bool success,
        bool expertAsked = true)
    {
        Announced = decision;
        ExpertAsked = expertAsked;
        ExpertAction = expertAction;
        Discrepancy = discrepancy;
        Reward = reward;
        IsSafetyCritical = isSafetyCritical;
        Done = done;
        Success = success;
    }

    /// <summary>
    /// The decision this step carried out, as <see cref="ITrainingObserver.OnDecision"/> heard it: step number,
    /// episode, pose, who was in control, the gate's decision and a_r. The properties below that repeat its names read it.
    /// </summary>
    public TrainingDecision Announced { get; }

    /// <summary>Environment steps taken, this one included (1-based, warm-up included).</summary>
    public long EnvStep => Announced.EnvStep;

    /// <summary>Training episodes finished before this step (the episode this step belongs to, 0-based).</summary>
    public int Episode => Announced.Episode;

    /// <summary>True during the warm-up, when the expert acts without a gate decision.</summary>
    public bool IsWarmUp => Announced.IsWarmUp;

    /// <summary>The agent's pose before the step: where the decision was taken.</summary>
    public AgentPose Pose => Announced.Pose;

    /// <summary>Who controlled the previous step.</summary>
    public Controller Previous => Announced.Previous;

    /// <summary>The gate's decision: who acted, why, the score and the threshold it was compared with.</summary>
    public GateDecision Decision => Announced.Decision;

    /// <summary>a_r = π_r(s), encoded.</summary>
    public ReadOnlySpan<float> RobotAction => Announced.RobotAction;

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
    public bool AskedForHelp => Announced.AsksForHelp;
}
