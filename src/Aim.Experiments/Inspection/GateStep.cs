using Aim.Learning.Data;

namespace Aim.Experiments.Inspection;

/// <summary>Where the agent was when a gate decided: grid cell and direction, or driving position and heading.</summary>
/// <param name="X">Column (grid) or x in metres (driving).</param>
/// <param name="Y">Row (grid) or y in metres (driving).</param>
/// <param name="Direction">Direction 0..3 (grid) or heading in radians (driving).</param>
public readonly record struct GatePose(double X, double Y, double Direction);

/// <summary>One gate decision of shared control, as <see cref="GateRecorder"/> saw it.</summary>
/// <param name="EnvStep">The environment step the decision was for (1-based, warm-up included); 0 when unknown.</param>
/// <param name="Episode">Training episodes finished before this step (the harness's count).</param>
/// <param name="Pose">The agent's pose before the step.</param>
/// <param name="Previous">Who controlled the previous step.</param>
/// <param name="Controller">Who acts now.</param>
/// <param name="Reason">The gate's reason.</param>
/// <param name="Score">The value the rule compared: Q^I(s, a_r) while the robot is in control, the action discrepancy while the expert is.</param>
/// <param name="Threshold">What <paramref name="Score"/> was compared with: β or ε for AIM; NaN for other methods.</param>
/// <param name="RobotAction">a_r = π_r(s).</param>
/// <param name="ExpertAction">a_h, the expert's action in s.</param>
public sealed record GateStep(
    long EnvStep,
    int Episode,
    GatePose Pose,
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
