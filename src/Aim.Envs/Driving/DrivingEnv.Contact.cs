using Aim.Envs.Driving.Geometry;
using Aim.Envs.Driving.Map;
using Aim.Envs.Driving.Traffic;
using Aim.Envs.Driving.Vehicle;

namespace Aim.Envs.Driving;

/// <summary>Contact between the ego and what it touches (<see cref="ContactModel"/>).</summary>
public sealed partial class DrivingEnv
{
    // Passes over the bodies: pushing out of one can push into another (a cone taper, a car beside a barrier).
    private const int ContactPasses = 4;

    // The ego is separated a millimetre beyond touching, so resting against an object is not a new contact.
    private const double ContactSkin = 1e-3;

    /// <summary>
    /// Finds every body the ego's move made it overlap and, under <see cref="ContactModel.Physical"/>, separates them:
    /// static objects push the ego out along the contact normal and remove its velocity into them (it slides);
    /// vehicles share the overlap and the closing velocity by mass (a perfectly inelastic contact along the normal).
    /// </summary>
    /// <returns>Whether a vehicle and whether an object was touched (MetaDrive's <c>crash_vehicle</c>, <c>crash_object</c>).</returns>
    private (bool Vehicle, bool Object) ResolveContacts()
    {
        if (_options.Contact != ContactModel.Physical)
        {
            return Collide(EgoBox(_ego));
        }

        bool vehicle = false;
        bool obj = false;
        for (int pass = 0; pass < ContactPasses; pass++)
        {
            bool touched = false;
            for (int i = 0; i < _bodyCount; i++)
            {
                OrientedBox ego = EgoBox(_ego);
                Body body = _bodies[i];
                double reach = ego.BoundingRadius + body.BoundingRadius;
                if ((body.Center - ego.Center).LengthSquared > reach * reach
                    || !Penetration.Of(ego, body, out Vec2 normal, out double depth))
                {
                    continue;
                }

                touched = true;
                vehicle |= body.IsVehicle;
                obj |= !body.IsVehicle;
                if (body.IsVehicle)
                {
                    Push(i, normal, depth);
                }
                else
                {
                    Slide(normal, depth);
                }
            }

            if (!touched)
            {
                break;
            }
        }

        return (vehicle, obj);
    }

    /// <summary>The ego leaves a static object along <paramref name="normal"/> and keeps only its velocity along the surface.</summary>
    private void Slide(Vec2 normal, double depth)
    {
        Vec2 heading = Vec2.FromAngle(_ego.Heading);
        double into = Math.Min(0, heading.Dot(normal) * _ego.Speed);
        Vec2 velocity = (heading * _ego.Speed) - (normal * into);
        MoveEgo(normal * (depth + ContactSkin), velocity);
    }

    /// <summary>
    /// Body <paramref name="index"/> (a vehicle) and the ego share the overlap in inverse proportion to their masses and
    /// move on along the normal with their common velocity; the ego keeps its velocity along the contact surface.
    /// </summary>
    private void Push(int index, Vec2 normal, double depth)
    {
        bool traffic = index >= _staticBodies;
        int owner = traffic ? _owners[index] : -1;
        double otherMass = traffic ? _traffic.Vehicles[owner].Mass : VehicleClass.MassOf(2 * _bodies[index].Box.HalfLength);
        double egoShare = otherMass / (VehicleClass.EgoMass + otherMass);

        Vec2 heading = Vec2.FromAngle(_ego.Heading);
        Vec2 egoVelocity = heading * _ego.Speed;
        Vec2 otherVelocity = traffic ? _traffic.Velocity(owner) : _obstacleVelocity[index];
        double egoNormal = egoVelocity.Dot(normal);
        double otherNormal = otherVelocity.Dot(normal);
        Vec2 egoChange = default;
        Vec2 otherChange = default;
        if (egoNormal < otherNormal)
        {
            // Closing: both leave with the momentum-weighted common normal velocity.
            double common = (egoNormal * VehicleClass.EgoMass + otherNormal * otherMass) / (VehicleClass.EgoMass + otherMass);
            egoChange = normal * (common - egoNormal);
            otherChange = normal * (common - otherNormal);
        }

        Vec2 otherShift = normal * (-(depth * (1 - egoShare)));
        MoveEgo(normal * ((depth * egoShare) + ContactSkin), egoVelocity + egoChange);
        if (traffic)
        {
            _bodies[index] = _bodies[index].Translated(otherShift);
            _traffic.Push(owner, otherShift, otherChange);
        }
        else
        {
            _obstacleVelocity[index] += otherChange;
            MoveObstacle(index, otherShift);
        }
    }

    /// <summary>
    /// Broken-down cars the ego pushed roll on and slow down like a coasting car (MetaDrive's brake value 2 with no
    /// engine force), before the ego moves.
    /// </summary>
    private void RollPushedObstacles()
    {
        double slowing = BicycleModel.CoastDeceleration * BicycleModel.StepSeconds;
        for (int i = 0; i < _staticBodies; i++)
        {
            Vec2 v = _obstacleVelocity[i];
            double speed = v.Length;
            if (speed == 0)
            {
                continue;
            }

            MoveObstacle(i, v * BicycleModel.StepSeconds);
            _obstacleVelocity[i] = speed <= slowing ? default : v * ((speed - slowing) / speed);
        }
    }

    /// <summary>Moves broken-down car <paramref name="index"/>; the expert plans around where it is now.</summary>
    private void MoveObstacle(int index, Vec2 shift)
    {
        _bodies[index] = _bodies[index].Translated(shift);
        StaticObstacle o = _obstacles[index];
        RoadPose at = _map!.Locate(_bodies[index].Center, _map.PieceIndexAt(o.S), out _);
        _obstacles[index] = o with { Body = _bodies[index], S = at.S, Lateral = at.Lateral };
    }

    /// <summary>Shifts the ego by <paramref name="shift"/>; its speed becomes the forward part of <paramref name="velocity"/> (no reverse).</summary>
    private void MoveEgo(Vec2 shift, Vec2 velocity)
    {
        double speed = Math.Max(0, velocity.Dot(Vec2.FromAngle(_ego.Heading)));
        _ego = _ego with { X = _ego.X + shift.X, Y = _ego.Y + shift.Y, Speed = speed };
    }
}
