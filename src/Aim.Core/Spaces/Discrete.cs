using Aim.Core.Random;

namespace Aim.Core.Spaces;

/// <summary>The integers {Start, …, Start + N − 1} (Gymnasium's <c>Discrete(n, start)</c>).</summary>
public sealed class Discrete : ISpace<int>
{
    /// <summary>Creates the space of <paramref name="n"/> integers starting at <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive.</exception>
    public Discrete(int n, int start = 0)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "A discrete space needs at least one element.");
        }

        N = n;
        Start = start;
    }

    /// <summary>The number of elements.</summary>
    public int N { get; }

    /// <summary>The smallest element (default 0).</summary>
    public int Start { get; }

    /// <inheritdoc />
    public int Sample(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Start + rng.NextInt(N);
    }

    /// <inheritdoc />
    public bool Contains(int value) => value >= Start && value < Start + N;

    /// <inheritdoc />
    public bool TryGetOutside(out int value)
    {
        value = Start + N;
        return true;
    }

    /// <inheritdoc />
    public string Describe(int value) => Contains(value)
        ? $"{value} (inside {this})"
        : $"{value} is outside {this}: expected an integer in [{Start}, {Start + N - 1}]";

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the value and the valid range when it is outside.</summary>
    public void EnsureContains(int value, string paramName)
    {
        if (!Contains(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, Describe(value));
        }
    }

    /// <inheritdoc />
    public override string ToString() => Start == 0 ? $"Discrete({N})" : $"Discrete({N}, start={Start})";
}
