using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Map;
using Aim.Envs.Driving.Vehicle;

namespace Aim.Envs.Driving.Sensors;

/// <summary>
/// Writes the 19 non-lidar entries of MetaDrive's <c>LidarStateObservation</c>: 9 ego-state entries and 5 numbers for
/// each of the next two checkpoints, every one clipped to [0, 1].
/// </summary>
internal static class StateObservation
{
    /// <summary>Entries written by <see cref="Write"/>.</summary>
    public const int Size = 19;

    // MetaDrive's normalisers: (MAX_LANE_NUM 3 + 1) × MAX_LANE_WIDTH 4.5, max speed 80 km/h, MAX_STEERING 60,
    // NAVI_POINT_DIST 50 m, maximum curve radius 60 m, maximum arc angle 135°.
    private const double SideDistanceScale = 18;
    private const double MaxLaneWidth = 4.5;
    private const double MaxSpeedKmh = 80;
    private const double SteeringScale = 60;
    private const double NaviDistance = 50;
    private const double MaxCurveRadius = 60;
    private const double MaxArcDegrees = 135;

    /// <param name="output">Receives the 19 entries.</param>
    /// <param name="map">The map.</param>
    /// <param name="ego">The ego state.</param>
    /// <param name="pose">The ego's road coordinates.</param>
    /// <param name="navigationPiece">The route road the checkpoints are taken from.</param>
    /// <param name="steer">The steering command applied this step.</param>
    /// <param name="throttle">The throttle/brake command applied this step.</param>
    /// <param name="headingChange">Heading change over the last step (radians).</param>
    public static void Write(Span<float> output, DrivingMap map, in EgoState ego, in RoadPose pose, int navigationPiece, double steer, double throttle, double headingChange)
    {
        double width = map.RoadWidth;
        RoadPiece piece = map.Pieces[pose.Piece];
        double sLocal = Math.Clamp(pose.S - piece.StartS, 0, piece.Length);
        double headingError = Angles.Wrap(ego.Heading - piece.HeadingAt(sLocal));
        int lane = Math.Clamp((int)Math.Floor(pose.Lateral / map.LaneWidth), 0, map.LaneCount - 1);
        double laneOffset = pose.Lateral - map.LaneCenter(lane);

        output[0] = Clip(pose.Lateral / SideDistanceScale);
        output[1] = Clip((width - pose.Lateral) / SideDistanceScale);
        output[2] = Clip(0.5 - (0.5 * Math.Sin(headingError)));
        output[3] = Clip(((ego.Speed * 3.6) + 1) / (MaxSpeedKmh + 1));

        // MetaDrive divides the normalised steering by MAX_STEERING too, so this entry stays within 0.4917–0.5083.
        output[4] = Clip(((steer / SteeringScale) + 1) / 2);
        output[5] = Clip((steer + 1) / 2);
        output[6] = Clip((throttle + 1) / 2);
        output[7] = Clip(Math.Acos(Math.Clamp(Math.Cos(headingChange), 0, 1)) / BicycleModel.StepSeconds);
        output[8] = Clip(0.5 + (laneOffset / MaxLaneWidth));

        int current = Math.Clamp(navigationPiece, 0, map.Pieces.Count - 1);
        int next = Math.Min(current + 1, map.Pieces.Count - 1);
        WriteCheckpoint(output.Slice(9, 5), map, map.Pieces[current], ego);
        WriteCheckpoint(output.Slice(14, 5), map, map.Pieces[next], ego);
    }

    private static void WriteCheckpoint(Span<float> output, DrivingMap map, RoadPiece piece, in EgoState ego)
    {
        // The checkpoint is the centre of the carriageway at the end of the road.
        Vec2 checkpoint = piece.PointAt(piece.Length, map.RoadWidth / 2);
        Vec2 d = checkpoint - new Vec2(ego.X, ego.Y);
        double length = d.Length;
        if (length > NaviDistance)
        {
            d *= NaviDistance / length;
        }

        Vec2 forward = Vec2.FromAngle(ego.Heading);
        output[0] = Clip(((d.Dot(forward) / NaviDistance) + 1) / 2);
        output[1] = Clip(((d.Dot(forward.LeftNormal) / NaviDistance) + 1) / 2);
        if (piece is ArcPiece arc)
        {
            // MetaDrive reports the radius of lane 0's centre line.
            double lane0Radius = arc.Radius + ((arc.TurnsLeft ? 1 : -1) * map.LaneWidth / 2);
            output[2] = Clip(lane0Radius / (MaxCurveRadius + map.RoadWidth));
            output[3] = arc.TurnsLeft ? 0f : 1f;
            output[4] = Clip(((Angles.Degrees(arc.Sweep) / MaxArcDegrees) + 1) / 2);
        }
        else
        {
            output[2] = 0f;
            output[3] = 0.5f;
            output[4] = 0.5f;
        }
    }

    private static float Clip(double value) => (float)Math.Clamp(value, 0.0, 1.0);
}
