namespace Aim.Core.Experts;

/// <summary>
/// An expert that is a person at a keyboard: asked only at the steps it controls (<see cref="IOnDemandExpert"/>),
/// answering in its own time, watching the robot's steps at a pace it can follow, and free to leave. The harness waits
/// for the person through these calls (never through its observers), and a person who leaves ends the run before the
/// step they were asked at changes anything.
/// </summary>
/// <typeparam name="TObs">Observation type of the environment.</typeparam>
/// <typeparam name="TAct">Action type of the environment.</typeparam>
public interface IPersonExpert<TObs, TAct> : IExpert<TObs, TAct>, IOnDemandExpert
{
    /// <summary>
    /// Waits for the person's action in the environment's current state (the harness calls this instead of
    /// <see cref="IExpert{TObs, TAct}.Act"/>).
    /// </summary>
    /// <param name="observation">What the agent sees.</param>
    /// <param name="action">The person's action; undefined when the method returns false.</param>
    /// <returns>True with the person's action; false when the person ended the session instead of answering.</returns>
    bool TryAct(TObs observation, out TAct action);

    /// <summary>
    /// The robot is about to act while the person watches: waits as long as the person needs to follow the step (a
    /// page's step delay, and for as long as it is paused).
    /// </summary>
    /// <returns>True when the step may go ahead; false when the person ended the session meanwhile.</returns>
    bool WatchRobotStep();
}
