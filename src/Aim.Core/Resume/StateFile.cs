using Aim.Core.IO;

namespace Aim.Core.Resume;

/// <summary>
/// A file holding a run's resumable state behind a 48-byte header (<see cref="ChecksummedFile"/>: tag
/// <c>AIMSTAT1</c>, payload length, SHA-256 of the payload), written to a temporary name and moved into place, so a file is either whole and verified or refused.
/// </summary>
public static class StateFile
{
    private static ReadOnlySpan<byte> Tag => "AIMSTAT1"u8;

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/> (replacing it only once the new file is complete).</summary>
    public static void Save(string path, StateWriter state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(state);
        ChecksummedFile.Write(path, Tag, state.ToMemory());
    }

    /// <summary>Reads and verifies the state in <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a state file, is cut short or its checksum does not match (the message names the file).</exception>
    public static StateReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"No resume state file '{full}'.", full);
        }

        byte[] file = File.ReadAllBytes(full);
        if (file.Length < ChecksummedFile.HeaderSize || !file.AsSpan(0, Tag.Length).SequenceEqual(Tag))
        {
            throw new InvalidDataException($"Resume state file {full} is not a state file (no AIMSTAT1 header).");
        }

        long length = ChecksummedFile.RecordedLength(file);
        long held = file.Length - ChecksummedFile.HeaderSize;
        if (length != held)
        {
            throw new InvalidDataException($"Resume state file {full} is damaged: its header says {length:N0} bytes of state but it holds {held:N0} (cut short?).");
        }

        Span<byte> hash = stackalloc byte[ChecksummedFile.HashSize];
        if (!ChecksummedFile.HashMatches(file, hash))
        {
            throw new InvalidDataException($"Resume state file {full} is damaged: its checksum does not match its contents.");
        }

        return new StateReader(file[ChecksummedFile.HeaderSize..], full);
    }
}
