using Aim.Core.Random;

namespace Aim.Core.Spaces;

/// <summary>A set of valid observations or actions, with sampling (Gymnasium's <c>Space</c>).</summary>
/// <typeparam name="T">The element type (an <c>int</c> for <see cref="Discrete"/>, an array for <see cref="Box{T}"/>).</typeparam>
public interface ISpace<T>
{
    /// <summary>Draws a uniformly random element of the space from <paramref name="rng"/>.</summary>
    T Sample(Rng rng);

    /// <summary>True when <paramref name="value"/> belongs to the space (right shape, inside the bounds, finite).</summary>
    bool Contains(T value);

    /// <summary>
    /// Gives an element outside the space where one can be written, so checkers can assert that environments
    /// reject it. Returns false when every value of <typeparamref name="T"/> is inside.
    /// </summary>
    bool TryGetOutside(out T value);

    /// <summary>Describes <paramref name="value"/> and why it is or is not inside, for error messages.</summary>
    string Describe(T value);
}
