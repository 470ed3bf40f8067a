using Aim.Learning.Data;
using Aim.Learning.Training;

namespace Aim.Interactive.Inspection;

/// <summary>One gate decision of shared control, as <see cref="DecisionRecorder"/> saw it.</summary>
/// <param name="EnvStep">The environment step the decision was for (1-based, warm-up included).</param>
/// <param name="Episode">Training episodes finished before this step (the harness's count).</param>
/// <param name="Pose">The agent's pose before the step.</param>
/// <param name="Previous">Who controlled the previous step.</param>
/// <param name="Controller">Who acts now.</param>
/// <param name="Reason">The gate's reason.</param>
/// <param name="Score">The value the rule compared: Q^I(s, a_r) while the robot is in control, the action discrepancy while the expert is.</param>
/// <param name="Threshold">What <paramref name="Score"/> was compared with (β or ε for AIM); NaN when the gate has no single threshold.</param>
/// <param name="RobotAction">a_r = π_r(s).</param>
/// <param name="ExpertAction">a_h, the expert's action in s.</param>
public sealed record GateStep(
    long EnvStep,
    int Episode,
    AgentPose Pose,
    Controller Previous,
    Controller Controller,
    string Reason,
    double Score,
    double Threshold,
    float[] RobotAction,
    float[] ExpertAction)
{
    /// <summary>True when the robot was in control and handed over to the expert: a request for help.</summary>
    public bool AskedForHelp => Previous == Controller.Robot && Controller == Controller.Expert;
}
