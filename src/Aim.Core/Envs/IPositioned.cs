namespace Aim.Core.Envs;

/// <summary>
/// An environment whose current state has a position in its world (the grid agent's cell, the car's centre), so logs
/// can say where things happened: where help was requested, where the policy went wrong.
/// </summary>
public interface IPositioned
{
    /// <summary>World x of the agent now.</summary>
    double PositionX { get; }

    /// <summary>World y of the agent now.</summary>
    double PositionY { get; }
}
