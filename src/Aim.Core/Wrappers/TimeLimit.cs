using Aim.Core.Envs;
using Aim.Core.Spaces;

namespace Aim.Core.Wrappers;

/// <summary>
/// Ends episodes after a fixed number of steps by setting <see cref="StepResult{TObs}.Truncated"/>
/// (Gymnasium's <c>TimeLimit</c>). Termination inside the task is passed through unchanged, so both flags can be
/// true on the same step.
/// </summary>
public sealed class TimeLimit<TObs, TAct> : IEnv<TObs, TAct>
{
    private readonly IEnv<TObs, TAct> _inner;
    private int _elapsed = -1;

    /// <summary>Wraps <paramref name="inner"/> with a limit of <paramref name="maxEpisodeSteps"/> steps.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxEpisodeSteps"/> is not positive.</exception>
    public TimeLimit(IEnv<TObs, TAct> inner, int maxEpisodeSteps)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (maxEpisodeSteps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEpisodeSteps), maxEpisodeSteps, "The step limit must be positive.");
        }

        _inner = inner;
        MaxEpisodeSteps = maxEpisodeSteps;
    }

    /// <summary>The number of steps after which an episode is truncated.</summary>
    public int MaxEpisodeSteps { get; }

    /// <summary>Steps taken in the current episode (−1 before the first reset).</summary>
    public int ElapsedSteps => _elapsed;

    /// <summary>The wrapped environment.</summary>
    public IEnv<TObs, TAct> Inner => _inner;

    /// <inheritdoc />
    public ISpace<TObs> ObservationSpace => _inner.ObservationSpace;

    /// <inheritdoc />
    public ISpace<TAct> ActionSpace => _inner.ActionSpace;

    /// <inheritdoc />
    public ResetResult<TObs> Reset(int? seed = null)
    {
        _elapsed = 0;
        return _inner.Reset(seed);
    }

    /// <inheritdoc />
    public StepResult<TObs> Step(TAct action)
    {
        if (_elapsed < 0)
        {
            throw new InvalidOperationException("Step was called before Reset.");
        }

        StepResult<TObs> result = _inner.Step(action);
        _elapsed++;
        return _elapsed >= MaxEpisodeSteps ? result with { Truncated = true } : result;
    }

    /// <inheritdoc />
    public RgbFrame Render() => _inner.Render();
}
