using Aim.Core.Experts;
using Aim.Core.Random;
using Aim.Core.Resume;

namespace Aim.Envs.Driving.Expert;

/// <summary>
/// A simulated driving expert bound to a <see cref="DrivingEnv"/>: a planner with access to the true state (lane choice
/// around hazards and slower traffic, pure-pursuit steering, speed control) whose executed action is drawn from a
/// diagonal Gaussian around the planner's action, like AIM's stochastic PPO expert.
/// </summary>
/// <remarks>
/// The mean is the planner's action in [−1, 1]²; samples are clipped to [−1, 1] as MetaDrive clips actions. The planner
/// keeps a lane choice across steps, so ask it once per environment step (repeated calls in the same state reuse it).
/// </remarks>
public sealed class DrivingExpert : IGaussianExpert, IResumable
{
    private readonly DrivingEnv _env;
    private readonly Rng _rng;
    private readonly DrivingPlanner _planner;
    private long _cachedEpisode = -1;
    private int _cachedStep = -1;
    private double _steer;
    private double _throttle;

    /// <summary>Creates the expert.</summary>
    /// <param name="env">The environment whose true state the expert reads.</param>
    /// <param name="rng">The stream the action noise is drawn from.</param>
    /// <param name="options">Driving style and noise; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid.</exception>
    public DrivingExpert(DrivingEnv env, Rng rng, DrivingExpertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(rng);
        Options = options ?? new DrivingExpertOptions();
        Options.Validate();
        _env = env;
        _rng = rng;
        _planner = new DrivingPlanner(Options);
    }

    /// <summary>The options the expert was built with.</summary>
    public DrivingExpertOptions Options { get; }

    /// <summary>The lane the planner is steering to in the current state (0 = left-most).</summary>
    public int TargetLane
    {
        get
        {
            Update();
            return _planner.Lane;
        }
    }

    /// <summary>Returns a new array holding an action sampled around the planner's action and clipped to [−1, 1].</summary>
    public float[] Act(float[] observation)
    {
        Update();
        return
        [
            (float)Math.Clamp(_rng.NextGaussian(_steer, Options.SteerStd), -1, 1),
            (float)Math.Clamp(_rng.NextGaussian(_throttle, Options.ThrottleStd), -1, 1),
        ];
    }

    /// <summary>The planner's action without noise (the mean of the action distribution).</summary>
    public float[] ActDeterministic(float[] observation)
    {
        Update();
        return [(float)_steer, (float)_throttle];
    }

    /// <inheritdoc />
    public void Distribution(float[] observation, Span<float> mean, Span<float> std)
    {
        if (mean.Length != 2 || std.Length != 2)
        {
            throw new ArgumentException($"The driving action has 2 entries; got spans of {mean.Length} and {std.Length}.");
        }

        Update();
        mean[0] = (float)_steer;
        mean[1] = (float)_throttle;
        std[0] = (float)Options.SteerStd;
        std[1] = (float)Options.ThrottleStd;
    }

    private void Update()
    {
        if (_cachedEpisode == _env.EpisodeCount && _cachedStep == _env.ElapsedSteps)
        {
            return;
        }

        if (_cachedEpisode != _env.EpisodeCount)
        {
            _planner.Reset();
        }

        (_steer, _throttle) = _planner.Plan(_env);
        _cachedEpisode = _env.EpisodeCount;
        _cachedStep = _env.ElapsedSteps;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The noise stream. Between episodes nothing else decides the expert's future: its cached plan and the planner's
    /// lane belong to the finished episode and are rebuilt when the environment's episode count moves on.
    /// </remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("driving-expert");
        _rng.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("driving-expert");
        _rng.ReadState(reader);
    }
}
