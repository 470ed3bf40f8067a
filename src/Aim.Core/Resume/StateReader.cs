using System.Text;

namespace Aim.Core.Resume;

/// <summary>
/// Reads what a <see cref="StateWriter"/> wrote, in the same order. Every defect (a section of another name, a block of
/// another length, an early end) is an <see cref="InvalidDataException"/> naming the file and the section.
/// </summary>
public sealed class StateReader : IDisposable
{
    /// <summary>Marks the start of a section in the stream.</summary>
    internal const int SectionMark = 0x5345_4354;

    private readonly MemoryStream _stream;
    private readonly BinaryReader _reader;
    private string _section = "(start)";

    /// <summary>Reads <paramref name="state"/>, which came from <paramref name="source"/> (named in errors).</summary>
    public StateReader(byte[] state, string source)
    {
        ArgumentNullException.ThrowIfNull(state);
        Source = source ?? throw new ArgumentNullException(nameof(source));
        _stream = new MemoryStream(state, writable: false);
        _reader = new BinaryReader(_stream, Encoding.UTF8);
    }

    /// <summary>Where the state came from (a file path).</summary>
    public string Source { get; }

    /// <summary>True when every byte has been read.</summary>
    public bool AtEnd => _stream.Position == _stream.Length;

    /// <summary>Checks that the next part of the state is the section <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">Another section (or none) is there.</exception>
    public void Section(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string found = Read(() => _reader.ReadInt32() == SectionMark ? _reader.ReadString() : "(no section mark)");
        if (found != name)
        {
            throw Defect($"expected section '{name}' but found '{found}' (a state written by another method, task or version?)");
        }

        _section = name;
    }

    /// <summary>Reads a flag.</summary>
    public bool ReadBool() => Read(_reader.ReadBoolean);

    /// <summary>Reads a 32-bit integer.</summary>
    public int ReadInt32() => Read(_reader.ReadInt32);

    /// <summary>Reads a 64-bit integer.</summary>
    public long ReadInt64() => Read(_reader.ReadInt64);

    /// <summary>Reads 64 raw bits.</summary>
    public ulong ReadUInt64() => Read(_reader.ReadUInt64);

    /// <summary>Reads a double.</summary>
    public double ReadDouble() => Read(_reader.ReadDouble);

    /// <summary>Reads a string (null when null was written).</summary>
    public string? ReadString() => ReadBool() ? Read(_reader.ReadString) : null;

    /// <summary>Reads a block of floats into the start of <paramref name="destination"/>; returns how many.</summary>
    /// <exception cref="InvalidDataException">The block is longer than <paramref name="destination"/>.</exception>
    public int ReadInto(Span<float> destination)
    {
        int n = ReadLength(destination.Length, "floats");
        for (int i = 0; i < n; i++)
        {
            destination[i] = Read(_reader.ReadSingle);
        }

        return n;
    }

    /// <summary>Reads a block of doubles into the start of <paramref name="destination"/>; returns how many.</summary>
    public int ReadInto(Span<double> destination)
    {
        int n = ReadLength(destination.Length, "doubles");
        for (int i = 0; i < n; i++)
        {
            destination[i] = Read(_reader.ReadDouble);
        }

        return n;
    }

    /// <summary>Reads a block of integers into the start of <paramref name="destination"/>; returns how many.</summary>
    public int ReadInto(Span<int> destination)
    {
        int n = ReadLength(destination.Length, "integers");
        for (int i = 0; i < n; i++)
        {
            destination[i] = Read(_reader.ReadInt32);
        }

        return n;
    }

    /// <summary>Reads a block of flags into the start of <paramref name="destination"/>; returns how many.</summary>
    public int ReadInto(Span<bool> destination)
    {
        int n = ReadLength(destination.Length, "flags");
        for (int i = 0; i < n; i++)
        {
            destination[i] = Read(_reader.ReadBoolean);
        }

        return n;
    }

    /// <summary>Reads a block of exactly <paramref name="destination"/>'s length of raw bytes.</summary>
    public void ReadExactly(Span<byte> destination)
    {
        int n = ReadLength(destination.Length, "bytes");
        if (n != destination.Length)
        {
            throw Defect($"holds {n} bytes where {destination.Length} are needed (a state of another architecture?)");
        }

        if (_reader.Read(destination) != n)
        {
            throw Defect("ends early");
        }
    }

    /// <summary>Reads a list of doubles, replacing the contents of <paramref name="into"/>.</summary>
    public void ReadInto(List<double> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        int n = ReadLength(int.MaxValue, "doubles");
        into.Clear();
        for (int i = 0; i < n; i++)
        {
            into.Add(Read(_reader.ReadDouble));
        }
    }

    /// <summary>Reads a component's state (the counterpart of <see cref="StateWriter.Write(IResumable)"/>).</summary>
    public void Read(IResumable component)
    {
        ArgumentNullException.ThrowIfNull(component);
        component.ReadState(this);
    }

    /// <summary>
    /// Checks that a configuration value recorded in the state equals the live one; otherwise the state belongs to a
    /// differently configured run.
    /// </summary>
    /// <param name="what">What the value is, e.g. "buffer capacity".</param>
    /// <param name="recorded">The value in the state.</param>
    /// <param name="live">The value of the instance being restored.</param>
    public void Expect<T>(string what, T recorded, T live)
    {
        if (!EqualityComparer<T>.Default.Equals(recorded, live))
        {
            throw Defect($"{what} is {recorded} in the state but {live} in this run (a state of another configuration?)");
        }
    }

    /// <summary>An error about the state, naming its source and the section being read.</summary>
    public InvalidDataException Defect(string message) =>
        new($"Resume state {Source}, section '{_section}': {message}.");

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    private int ReadLength(int max, string what)
    {
        int n = Read(_reader.ReadInt32);
        if (n < 0 || n > max)
        {
            throw Defect($"holds a block of {n} {what} where at most {max} fit");
        }

        return n;
    }

    private T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Resume state {Source} ends early, in section '{_section}'.", e);
        }
    }
}
