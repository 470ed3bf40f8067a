namespace Aim.Envs.Driving;

/// <summary>What happens when the ego's move would make it overlap a vehicle or object.</summary>
public enum ContactModel
{
    /// <summary>
    /// MetaDrive's rigid bodies in 2-D (default): vehicles (traffic and broken-down cars) are pushed, sharing the
    /// overlap and the closing speed by mass (a perfectly inelastic contact along the contact normal); the ego slides
    /// along cones, warning triangles and barriers, which do not move (MetaDrive's static traffic objects), keeping
    /// the part of its velocity along the surface. A head-on contact stops the ego; a glancing one slows it a little.
    /// </summary>
    Physical,

    /// <summary>
    /// The earlier model: the move is undone and the ego stops dead. With no reverse gear and a planner that does
    /// not creep into a blocked lane, a car that hits something head-on can stay pinned for the rest of the episode.
    /// </summary>
    StopDead,

    /// <summary>The ego drives through everything (contact is still detected, costed and rewarded).</summary>
    PassThrough,
}
