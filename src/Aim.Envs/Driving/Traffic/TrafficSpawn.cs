namespace Aim.Envs.Driving.Traffic;

/// <summary>Where a traffic vehicle waits at the start of an episode and when it starts to drive.</summary>
/// <param name="S">Arc length of its centre along the reference line.</param>
/// <param name="Lane">Its lane (0 = left-most); traffic keeps its lane.</param>
/// <param name="Length">Footprint length.</param>
/// <param name="Width">Footprint width.</param>
/// <param name="TriggerS">It stays parked until the ego passes this arc length (MetaDrive's block trigger).</param>
internal readonly record struct TrafficSpawn(double S, int Lane, double Length, double Width, double TriggerS);
