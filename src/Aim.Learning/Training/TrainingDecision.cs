using Aim.Learning.Data;

namespace Aim.Learning.Training;

/// <summary>
/// A gate's decision, heard before it is carried out: the state is the one the decision was taken in, the robot's
/// proposal is known, and the environment has not stepped yet. A live page shows it; the same
/// step is heard again as a <see cref="TrainingStep"/> once it is stored, which carries this decision
/// (<see cref="TrainingStep.Announced"/>).
/// </summary>
public readonly ref struct TrainingDecision
{
    /// <summary>Creates the decision.</summary>
    public TrainingDecision(long envStep, int episode, bool isWarmUp, AgentPose pose, Controller previous, GateDecision decision, ReadOnlySpan<float> robotAction)
    {
        EnvStep = envStep;
        Episode = episode;
        IsWarmUp = isWarmUp;
        Pose = pose;
        Previous = previous;
        Decision = decision;
        RobotAction = robotAction;
    }

    /// <summary>Number the step will have once taken (1-based, as <see cref="TrainingStep.EnvStep"/>).</summary>
    public long EnvStep { get; }

    /// <summary>The episode it belongs to.</summary>
    public int Episode { get; }

    /// <summary>True during warm-up (the expert controls every step; no gate decides).</summary>
    public bool IsWarmUp { get; }

    /// <summary>Where the agent is.</summary>
    public AgentPose Pose { get; }

    /// <summary>Who controlled the previous step.</summary>
    public Controller Previous { get; }

    /// <summary>Who acts now, why, and the score and threshold the rule compared.</summary>
    public GateDecision Decision { get; }

    /// <summary>The robot's proposed action a_r = π_r(s), encoded.</summary>
    public ReadOnlySpan<float> RobotAction { get; }

    /// <summary>True when the robot asks for help now (it controlled the previous step and the expert takes over).</summary>
    public bool AsksForHelp => !IsWarmUp && Previous == Controller.Robot && Decision.Controller == Controller.Expert;
}
