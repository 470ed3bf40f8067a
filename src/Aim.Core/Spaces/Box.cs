using System.Numerics;
using Aim.Core.Random;

namespace Aim.Core.Spaces;

/// <summary>
/// A box [Low, High] of numbers with a fixed shape, stored flat in row-major order (Gymnasium's <c>Box</c>).
/// <c>Box&lt;byte&gt;</c> holds symbolic grid observations, <c>Box&lt;float&gt;</c> continuous ones and actions.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Box<T> : ISpace<T[]>
    where T : unmanaged, INumber<T>
{
    private readonly T[] _low;
    private readonly T[] _high;

    /// <summary>Creates a box with the same bounds for every element.</summary>
    /// <param name="low">Lower bound of every element.</param>
    /// <param name="high">Upper bound of every element (≥ <paramref name="low"/>).</param>
    /// <param name="shape">Dimensions; their product is the flat length.</param>
    public Box(T low, T high, params int[] shape)
        : this(Fill(low, shape), Fill(high, shape), shape)
    {
    }

    /// <summary>Creates a box with per-element bounds (flat, row-major).</summary>
    /// <exception cref="ArgumentException">The bounds do not match the shape, or a low bound exceeds its high bound.</exception>
    public Box(T[] low, T[] high, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(shape);
        int size = SizeOf(shape);
        if (low.Length != size || high.Length != size)
        {
            throw new ArgumentException($"Bounds of length {low.Length} and {high.Length} do not match shape ({string.Join(", ", shape)}) of size {size}.");
        }

        for (int i = 0; i < size; i++)
        {
            if (low[i] > high[i] || T.IsNaN(low[i]) || T.IsNaN(high[i]))
            {
                throw new ArgumentException($"Bound {i}: low {low[i]} must not exceed high {high[i]}.");
            }
        }

        _low = (T[])low.Clone();
        _high = (T[])high.Clone();
        Shape = (int[])shape.Clone();
    }

    /// <summary>The dimensions of an element.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The flat length of an element (the product of <see cref="Shape"/>).</summary>
    public int Size => _low.Length;

    /// <summary>Lower bounds, flat.</summary>
    public ReadOnlySpan<T> Low => _low;

    /// <summary>Upper bounds, flat.</summary>
    public ReadOnlySpan<T> High => _high;

    /// <inheritdoc />
    public T[] Sample(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var value = new T[Size];
        for (int i = 0; i < value.Length; i++)
        {
            double lo = double.CreateChecked(_low[i]);
            double hi = double.CreateChecked(_high[i]);
            value[i] = IsInteger
                ? T.CreateChecked(Math.Floor(lo + (rng.NextDouble() * (hi - lo + 1))))
                : T.CreateChecked(lo + (rng.NextDouble() * (hi - lo)));
        }

        return value;
    }

    /// <inheritdoc />
    public bool Contains(T[] value) => value is not null && value.Length == Size && FirstViolation(value) < 0;

    /// <inheritdoc />
    /// <remarks>Gives an array one element too long: outside every box whatever its bounds.</remarks>
    public bool TryGetOutside(out T[] value)
    {
        value = new T[Size + 1];
        return true;
    }

    /// <inheritdoc />
    public string Describe(T[] value)
    {
        if (value is null)
        {
            return $"null is outside {this}";
        }

        if (value.Length != Size)
        {
            return $"an array of length {value.Length} is outside {this}: expected length {Size}";
        }

        int i = FirstViolation(value);
        return i < 0
            ? $"inside {this}"
            : $"element {i} = {value[i]} is outside {this}: expected a value in [{_low[i]}, {_high[i]}]";
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the offending element and its bounds when outside.</summary>
    public void EnsureContains(T[] value, string paramName)
    {
        if (!Contains(value))
        {
            throw new ArgumentOutOfRangeException(paramName, Describe(value));
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        bool uniform = _low.All(l => l == _low[0]) && _high.All(h => h == _high[0]);
        string bounds = uniform ? $"{_low[0]}, {_high[0]}" : "per-element bounds";
        return $"Box<{typeof(T).Name}>({bounds}, shape=({string.Join(", ", Shape)}))";
    }

    private static bool IsInteger => typeof(T) == typeof(byte) || typeof(T) == typeof(int) || typeof(T) == typeof(sbyte)
        || typeof(T) == typeof(short) || typeof(T) == typeof(ushort) || typeof(T) == typeof(uint) || typeof(T) == typeof(long);

    private int FirstViolation(T[] value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            T v = value[i];
            if (T.IsNaN(v) || v < _low[i] || v > _high[i])
            {
                return i;
            }
        }

        return -1;
    }

    private static int SizeOf(int[] shape)
    {
        if (shape.Length == 0 || shape.Any(d => d <= 0))
        {
            throw new ArgumentException($"Shape ({string.Join(", ", shape)}) must have positive dimensions.", nameof(shape));
        }

        return shape.Aggregate(1, (a, b) => checked(a * b));
    }

    private static T[] Fill(T value, int[] shape)
    {
        var a = new T[SizeOf(shape)];
        Array.Fill(a, value);
        return a;
    }
}
