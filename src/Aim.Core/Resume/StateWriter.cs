using System.Text;

namespace Aim.Core.Resume;

/// <summary>
/// Writes a run's resumable state as a flat little-endian byte stream (see <see cref="IResumable"/>); pair it with
/// <see cref="StateReader"/> and store it with <see cref="StateFile"/>.
/// </summary>
public sealed class StateWriter : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;

    /// <summary>Creates an empty writer.</summary>
    public StateWriter()
    {
        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Bytes written so far.</summary>
    public long Length => _stream.Length;

    /// <summary>
    /// Opens a component's part of the state: the reader checks the same name at the same place, so a state of
    /// another shape fails here rather than reading numbers into the wrong fields.
    /// </summary>
    /// <param name="name">The component, e.g. <c>"aim.gate"</c>.</param>
    public void Section(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _writer.Write(StateReader.SectionMark);
        _writer.Write(name);
    }

    /// <summary>Writes a flag.</summary>
    public void Write(bool value) => _writer.Write(value);

    /// <summary>Writes a 32-bit integer.</summary>
    public void Write(int value) => _writer.Write(value);

    /// <summary>Writes a 64-bit integer.</summary>
    public void Write(long value) => _writer.Write(value);

    /// <summary>Writes 64 raw bits.</summary>
    public void Write(ulong value) => _writer.Write(value);

    /// <summary>Writes a double exactly (NaN and infinities included).</summary>
    public void Write(double value) => _writer.Write(value);

    /// <summary>Writes a string (null allowed).</summary>
    public void Write(string? value)
    {
        _writer.Write(value is not null);
        if (value is not null)
        {
            _writer.Write(value);
        }
    }

    /// <summary>Writes a length-prefixed block of floats.</summary>
    public void Write(ReadOnlySpan<float> values)
    {
        _writer.Write(values.Length);
        foreach (float v in values)
        {
            _writer.Write(v);
        }
    }

    /// <summary>Writes a length-prefixed block of doubles.</summary>
    public void Write(ReadOnlySpan<double> values)
    {
        _writer.Write(values.Length);
        foreach (double v in values)
        {
            _writer.Write(v);
        }
    }

    /// <summary>Writes a length-prefixed block of integers.</summary>
    public void Write(ReadOnlySpan<int> values)
    {
        _writer.Write(values.Length);
        foreach (int v in values)
        {
            _writer.Write(v);
        }
    }

    /// <summary>Writes a length-prefixed block of flags.</summary>
    public void Write(ReadOnlySpan<bool> values)
    {
        _writer.Write(values.Length);
        foreach (bool v in values)
        {
            _writer.Write(v);
        }
    }

    /// <summary>Writes a length-prefixed block of raw bytes (a tensor's storage, for instance).</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        _writer.Write(bytes.Length);
        _writer.Write(bytes);
    }

    /// <summary>Writes a list of doubles (a gate's recent scores, for instance).</summary>
    public void Write(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _writer.Write(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            _writer.Write(values[i]);
        }
    }

    /// <summary>Writes a component's state under its own section.</summary>
    public void Write(IResumable component)
    {
        ArgumentNullException.ThrowIfNull(component);
        component.WriteState(this);
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> ToSpan() => ToMemory().Span;

    /// <summary>The bytes written so far, as memory (valid until the next write), for writers that keep it past a call.</summary>
    public ReadOnlyMemory<byte> ToMemory()
    {
        _writer.Flush();
        return new ReadOnlyMemory<byte>(_stream.GetBuffer(), 0, checked((int)_stream.Length));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
