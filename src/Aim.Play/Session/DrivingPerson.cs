using Aim.Core.Experts;

namespace Aim.Play.Session;

/// <summary>
/// The person as the driving expert: steering and throttle from the arrow keys they hold, ramped so a tap is a small
/// correction and a held key a full one. When the robot asks for help the simulation waits until the person holds a
/// key (nobody needs a 0.1 s reaction time); while the person drives, steps run in real time (10 a second), and the
/// robot's steps are held for the page's step delay so the person can follow them.
/// </summary>
internal sealed class DrivingPerson : IPersonExpert<float[], float[]>
{
    /// <summary>Steering change per step while a key is held (full lock in 0.5 s), and back towards 0 when released.</summary>
    internal const float SteerRamp = 0.2f;

    /// <summary>Throttle change per step (full throttle or brake in 0.4 s).</summary>
    internal const float ThrottleRamp = 0.25f;

    /// <summary>One simulation step: MetaDrive's 0.1 s.</summary>
    internal static readonly TimeSpan StepInterval = TimeSpan.FromMilliseconds(100);

    private readonly PersonInput _input;
    private readonly Action _awaiting;
    private readonly Func<bool> _isRequest;
    private float _steer;
    private float _throttle;

    /// <param name="input">Where the page's held keys arrive.</param>
    /// <param name="awaiting">Called on the training thread just before waiting for an answer.</param>
    /// <param name="isRequest">True when this step starts a period of person control (a request, or the first warm-up step).</param>
    public DrivingPerson(PersonInput input, Action awaiting, Func<bool> isRequest)
    {
        _input = input;
        _awaiting = awaiting;
        _isRequest = isRequest;
    }

    /// <inheritdoc />
    public bool TryAct(float[] observation, out float[] action)
    {
        action = [];
        if (_isRequest())
        {
            // The car is stopped in time until the person reacts; the ramp starts from rest.
            _steer = 0;
            _throttle = 0;
            if (!_input.TryWaitForAnswer(_awaiting))
            {
                return false;
            }
        }
        else if (!_input.Pace(StepInterval))
        {
            return false;
        }

        (int steer, int throttle) = _input.HeldKeys;
        _steer = Ramp(_steer, steer, SteerRamp);
        _throttle = Ramp(_throttle, throttle, ThrottleRamp);
        action = [_steer, _throttle];
        return true;
    }

    /// <inheritdoc />
    public bool WatchRobotStep() => _input.PaceRobotStep();

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The session was stopped (the harness asks through <see cref="TryAct"/>).</exception>
    public float[] Act(float[] observation) =>
        TryAct(observation, out float[] action) ? action : throw new InvalidOperationException("The play session was stopped: the person gives no more actions.");

    /// <summary>Moves <paramref name="value"/> one ramp step towards the held key's target (0 when released).</summary>
    internal static float Ramp(float value, int target, float step) =>
        target > value ? MathF.Min(target, value + step) : MathF.Max(target, value - step);
}
