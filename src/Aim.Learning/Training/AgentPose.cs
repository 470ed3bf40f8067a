namespace Aim.Learning.Training;

/// <summary>Where the agent was when a gate decided: grid cell and direction, or the car's position and heading.</summary>
/// <param name="X">Column (grid) or x in metres (driving); NaN when the environment has no pose.</param>
/// <param name="Y">Row (grid) or y in metres (driving); NaN when the environment has no pose.</param>
/// <param name="Heading">Direction 0..3 (grid) or heading in radians (driving); NaN when the environment has no pose.</param>
public readonly record struct AgentPose(double X, double Y, double Heading)
{
    /// <summary>The pose of an environment without one.</summary>
    public static AgentPose Unknown { get; } = new(double.NaN, double.NaN, double.NaN);
}
