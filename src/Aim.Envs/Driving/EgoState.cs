namespace Aim.Envs.Driving;

/// <summary>The ego vehicle's planar state.</summary>
/// <param name="X">Centre x in metres.</param>
/// <param name="Y">Centre y in metres.</param>
/// <param name="Heading">Heading in radians, counter-clockwise from +x.</param>
/// <param name="Speed">Forward speed in m/s (never negative: there is no reverse gear).</param>
public readonly record struct EgoState(double X, double Y, double Heading, double Speed);
