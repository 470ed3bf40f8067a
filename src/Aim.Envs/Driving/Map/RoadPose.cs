namespace Aim.Envs.Driving.Map;

/// <summary>Where a point lies on the road: its piece, arc length along the reference line and lateral offset (right positive).</summary>
internal readonly record struct RoadPose(int Piece, double S, double Lateral);
