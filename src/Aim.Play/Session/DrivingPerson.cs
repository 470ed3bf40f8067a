using Aim.Core.Experts;

namespace Aim.Play.Session;

/// <summary>
/// The person as the driving expert: steering and throttle from the arrow keys they hold, ramped so a tap is a small
/// correction and a held key a full one. When the robot asks for help the simulation waits until the person holds a
/// key (nobody needs a 0.1 s reaction time); while the person drives, steps run in real time (10 a second).
/// </summary>
internal sealed class DrivingPerson : IExpert<float[], float[]>, IOnDemandExpert
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
    public float[] Act(float[] observation)
    {
        if (_isRequest())
        {
            // The car is stopped in time until the person reacts; the ramp starts from rest.
            _steer = 0;
            _throttle = 0;
            _input.WaitForAnswer(_awaiting);
        }
        else
        {
            _input.Pace(StepInterval);
        }

        (int steer, int throttle) = _input.HeldKeys;
        _steer = Ramp(_steer, steer, SteerRamp);
        _throttle = Ramp(_throttle, throttle, ThrottleRamp);
        return [_steer, _throttle];
    }

    /// <summary>Moves <paramref name="value"/> one ramp step towards the held key's target (0 when released).</summary>
    internal static float Ramp(float value, int target, float step) =>
        target > value ? MathF.Min(target, value + step) : MathF.Max(target, value - step);
}
