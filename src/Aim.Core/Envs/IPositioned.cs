namespace Aim.Core.Envs;

/// <summary>
/// An environment whose current state has a pose in its world (the grid agent's cell and direction, the car's centre
/// and heading), so logs
/// can say where things happened: where help was requested, where the policy went wrong.
/// </summary>
public interface IPositioned
{
    /// <summary>World x of the agent now.</summary>
    double PositionX { get; }

    /// <summary>World y of the agent now.</summary>
    double PositionY { get; }

    /// <summary>Which way the agent faces now: direction 0..3 on a grid (right, down, left, up), radians on a map.</summary>
    double Heading { get; }
}
