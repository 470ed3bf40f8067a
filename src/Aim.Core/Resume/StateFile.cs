using System.Buffers.Binary;
using System.Security.Cryptography;
using Aim.Core.IO;

namespace Aim.Core.Resume;

/// <summary>
/// A file holding a run's resumable state behind a 48-byte header (tag <c>AIMSTAT1</c>, payload length, SHA-256 of
/// the payload), written to a temporary name and moved into place, so a file is either whole and verified or refused.
/// </summary>
public static class StateFile
{
    private const int HeaderSize = 48;
    private const int LengthOffset = 8;
    private const int HashOffset = 16;
    private const int HashSize = 32;

    private static ReadOnlySpan<byte> Tag => "AIMSTAT1"u8;

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/> (replacing it only once the new file is complete).</summary>
    public static void Save(string path, StateWriter state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(state);
        ReadOnlySpan<byte> payload = state.ToSpan();
        var header = new byte[HeaderSize];
        Tag.CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(LengthOffset), payload.Length);
        SHA256.HashData(payload, header.AsSpan(HashOffset, HashSize));

        AtomicFile.Write(path, stream =>
        {
            stream.Write(header);
            stream.Write(state.ToSpan());
        });
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
        if (file.Length < HeaderSize || !file.AsSpan(0, Tag.Length).SequenceEqual(Tag))
        {
            throw new InvalidDataException($"Resume state file {full} is not a state file (no AIMSTAT1 header).");
        }

        long length = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(LengthOffset));
        if (length != file.Length - HeaderSize)
        {
            throw new InvalidDataException($"Resume state file {full} is damaged: its header says {length:N0} bytes of state but it holds {file.Length - HeaderSize:N0} (cut short?).");
        }

        Span<byte> hash = stackalloc byte[HashSize];
        SHA256.HashData(file.AsSpan(HeaderSize), hash);
        if (!hash.SequenceEqual(file.AsSpan(HashOffset, HashSize)))
        {
            throw new InvalidDataException($"Resume state file {full} is damaged: its checksum does not match its contents.");
        }

        return new StateReader(file[HeaderSize..], full);
    }
}
