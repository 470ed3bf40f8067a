using Aim.Core.Resume;

namespace Aim.Learning.Data;

/// <summary>
/// The last <see cref="Capacity"/> observations of a stream, oldest overwritten first, stored contiguously so they can
/// be handed to a network as one batch. Allocation-free after construction.
/// </summary>
public sealed class StateWindow : IResumable
{
    private readonly float[] _observations;
    private int _next;

    /// <summary>Creates an empty window.</summary>
    /// <param name="capacity">How many observations are kept (positive).</param>
    /// <param name="observationSize">Floats per observation (positive).</param>
    public StateWindow(int capacity, int observationSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(observationSize);
        Capacity = capacity;
        ObservationSize = observationSize;
        _observations = new float[capacity * observationSize];
    }

    /// <summary>How many observations the window keeps.</summary>
    public int Capacity { get; }

    /// <summary>Floats per observation.</summary>
    public int ObservationSize { get; }

    /// <summary>How many observations are held (at most <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The held observations, row-major, <see cref="Count"/> rows. Row order is storage order, not time order: the
    /// window is a set for the purposes it serves (quantiles, means).
    /// </summary>
    public ReadOnlySpan<float> Observations => _observations.AsSpan(0, Count * ObservationSize);

    /// <summary>Adds a copy of <paramref name="observation"/>, replacing the oldest once full.</summary>
    /// <exception cref="ArgumentException">The observation has the wrong length.</exception>
    public void Add(ReadOnlySpan<float> observation)
    {
        if (observation.Length != ObservationSize)
        {
            throw new ArgumentException(
                $"Expected an observation of {ObservationSize} floats, got {observation.Length}.", nameof(observation));
        }

        observation.CopyTo(_observations.AsSpan(_next * ObservationSize, ObservationSize));
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>Forgets every observation.</summary>
    public void Clear()
    {
        Count = 0;
        _next = 0;
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("state-window");
        writer.Write(Capacity);
        writer.Write(_next);
        writer.Write(Count);
        writer.Write(Observations);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("state-window");
        reader.Expect("the window's capacity", reader.ReadInt32(), Capacity);
        _next = reader.ReadInt32();
        Count = reader.ReadInt32();
        reader.Expect("the stored floats", reader.ReadInto(_observations.AsSpan()), Count * ObservationSize);
    }
}
