using Aim.Core.Experts;
using Aim.Core.Random;
using Aim.Core.Resume;

namespace Aim.Envs.Grid.Experts;

/// <summary>
/// An imperfect expert: with probability <see cref="ErrorRate"/> it replaces the inner expert's action by a uniformly
/// random <i>other</i> action, otherwise it passes the action through.
/// </summary>
public sealed class NoisyExpert : IExpert<byte[], int>, IResumable
{
    private readonly IExpert<byte[], int> _inner;
    private readonly Rng _rng;
    private readonly int _actionCount;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The clean expert (it is always consulted, so its plan cache stays in step).</param>
    /// <param name="errorRate">Probability p in [0, 1] of a wrong action.</param>
    /// <param name="rng">The stream the errors are drawn from.</param>
    /// <param name="actionCount">Size of the action space (7 for grid tasks).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="errorRate"/> is outside [0, 1] or <paramref name="actionCount"/> is below 2.</exception>
    public NoisyExpert(IExpert<byte[], int> inner, double errorRate, Rng rng, int actionCount = 7)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(rng);
        if (!(errorRate >= 0 && errorRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(errorRate), errorRate, "The error rate is a probability: expected a value in [0, 1].");
        }

        if (actionCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(actionCount), actionCount, "A wrong action needs at least 2 actions.");
        }

        _inner = inner;
        _rng = rng;
        _actionCount = actionCount;
        ErrorRate = errorRate;
    }

    /// <summary>The probability of a wrong action.</summary>
    public double ErrorRate { get; }

    /// <inheritdoc />
    public int Act(byte[] observation)
    {
        int action = _inner.Act(observation);
        if (!_rng.NextBool(ErrorRate))
        {
            return action;
        }

        int other = _rng.NextInt(_actionCount - 1);
        return other >= action ? other + 1 : other;
    }

    /// <inheritdoc />
    /// <remarks>The error stream, then the wrapped expert's state (it must be resumable too).</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("noisy-expert");
        _rng.WriteState(writer);
        (_inner as IResumable ?? throw new NotSupportedException($"The wrapped expert ({_inner.GetType().Name}) keeps no resumable state.")).WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("noisy-expert");
        _rng.ReadState(reader);
        (_inner as IResumable ?? throw new NotSupportedException($"The wrapped expert ({_inner.GetType().Name}) keeps no resumable state.")).ReadState(reader);
    }
}
