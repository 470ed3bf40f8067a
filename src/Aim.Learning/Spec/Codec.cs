namespace Aim.Learning.Spec;

/// <summary>
/// Converts an environment's observations and actions to the float vectors that buffers and networks use, and back.
/// </summary>
/// <typeparam name="TObs">Observation type (byte[] images or float[] vectors).</typeparam>
/// <typeparam name="TAct">Action type (int or float[]).</typeparam>
public sealed class Codec<TObs, TAct>
{
    private readonly int[] _blanked;

    /// <summary>Creates the codec for the given specs.</summary>
    /// <param name="observation">The observation spec.</param>
    /// <param name="action">The action spec.</param>
    /// <param name="blanked">Observation entries written as 0 (an ablation of what the networks may see); none when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A blanked index lies outside the observation.</exception>
    public Codec(ObservationSpec observation, ActionSpec action, IReadOnlyList<int>? blanked = null)
    {
        Observation = observation ?? throw new ArgumentNullException(nameof(observation));
        Action = action ?? throw new ArgumentNullException(nameof(action));
        _blanked = blanked?.ToArray() ?? [];
        foreach (int index in _blanked)
        {
            if (index < 0 || index >= observation.Size)
            {
                throw new ArgumentOutOfRangeException(nameof(blanked), index, $"Blanked observation entry {index} lies outside the observation's {observation.Size} entries.");
            }
        }

        if (typeof(TObs) != typeof(byte[]) && typeof(TObs) != typeof(float[]))
        {
            throw new NotSupportedException($"Observations of type {typeof(TObs).Name} are not supported: expected byte[] or float[].");
        }

        if (action.IsDiscrete ? typeof(TAct) != typeof(int) : typeof(TAct) != typeof(float[]))
        {
            throw new NotSupportedException($"Actions of type {typeof(TAct).Name} do not match {action}: expected {(action.IsDiscrete ? "int" : "float[]")}.");
        }
    }

    /// <summary>The observation spec.</summary>
    public ObservationSpec Observation { get; }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>Writes the scaled float form of <paramref name="observation"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The observation has the wrong length.</exception>
    public void EncodeObservation(TObs observation, Span<float> destination)
    {
        int size = Observation.Size;
        float scale = Observation.Scale;
        switch (observation)
        {
            case byte[] bytes:
                CheckLength(bytes.Length, size);
                for (int i = 0; i < size; i++)
                {
                    destination[i] = bytes[i] * scale;
                }

                break;
            case float[] floats:
                CheckLength(floats.Length, size);
                if (scale == 1f)
                {
                    floats.AsSpan().CopyTo(destination);
                }
                else
                {
                    for (int i = 0; i < size; i++)
                    {
                        destination[i] = floats[i] * scale;
                    }
                }

                break;
            default:
                throw new ArgumentNullException(nameof(observation));
        }

        foreach (int index in _blanked)
        {
            destination[index] = 0f;
        }
    }

    /// <summary>Writes <paramref name="action"/> as floats (a discrete index as one float).</summary>
    public void EncodeAction(TAct action, Span<float> destination)
    {
        switch (action)
        {
            case int index:
                destination[0] = index;
                break;
            case float[] vector:
                CheckLength(vector.Length, Action.Dimension);
                vector.AsSpan().CopyTo(destination);
                break;
            default:
                throw new ArgumentNullException(nameof(action));
        }
    }

    /// <summary>Turns the float form back into an environment action.</summary>
    public TAct DecodeAction(ReadOnlySpan<float> values)
    {
        if (typeof(TAct) == typeof(int))
        {
            int index = (int)values[0];
            return System.Runtime.CompilerServices.Unsafe.As<int, TAct>(ref index);
        }

        return (TAct)(object)values[..Action.Dimension].ToArray();
    }

    private static void CheckLength(int actual, int expected)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected {expected} values but got {actual}: the observation or action does not match the spec.");
        }
    }
}
