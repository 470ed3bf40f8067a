using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Aim.Core.IO;

/// <summary>
/// The layout shared by a run's resume state and its network checkpoints: a 48-byte header, then the payload. Bytes
/// 0–7 hold an 8-byte ASCII tag naming the kind of file and its format version, bytes 8–15 the payload's length (a
/// little-endian 64-bit integer), bytes 16–47 the payload's SHA-256. A reader can thus tell a file of another kind, a
/// cut file and a damaged one apart before it trusts a byte of the payload.
/// </summary>
/// <remarks>
/// Only the layout lives here; what a reader says about a file that fails a check is its own (a checkpoint names the
/// network, a resume state the run).
/// </remarks>
public static class ChecksummedFile
{
    /// <summary>Bytes before the payload: the tag, the payload's length and its SHA-256 (48).</summary>
    public const int HeaderSize = 48;

    /// <summary>Bytes of the tag at the start of the file (8).</summary>
    public const int TagSize = 8;

    /// <summary>Bytes of the payload's SHA-256 in the header (32).</summary>
    public const int HashSize = 32;

    private const int LengthOffset = 8;
    private const int HashOffset = 16;

    /// <summary>
    /// Writes <paramref name="tag"/>, the header and <paramref name="payload"/> to <paramref name="path"/>, replacing the
    /// file only once the new one is complete (<see cref="AtomicFile"/>; the folder is created if missing).
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="tag">The file's tag, exactly <see cref="TagSize"/> bytes.</param>
    /// <param name="payload">The bytes after the header.</param>
    public static void Write(string path, ReadOnlySpan<byte> tag, ReadOnlyMemory<byte> payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (tag.Length != TagSize)
        {
            throw new ArgumentException($"A tag has {TagSize} bytes, not {tag.Length}.", nameof(tag));
        }

        var header = new byte[HeaderSize];
        tag.CopyTo(header);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(LengthOffset), payload.Length);
        SHA256.HashData(payload.Span, header.AsSpan(HashOffset, HashSize));
        AtomicFile.Write(path, stream =>
        {
            stream.Write(header);
            stream.Write(payload.Span);
        });
    }

    /// <summary>The payload length that the header of <paramref name="file"/> records (the file holds at least the header).</summary>
    public static long RecordedLength(ReadOnlySpan<byte> file) =>
        BinaryPrimitives.ReadInt64LittleEndian(file.Slice(LengthOffset, sizeof(long)));

    /// <summary>The SHA-256 that the header of <paramref name="file"/> records (the file holds at least the header).</summary>
    public static ReadOnlySpan<byte> RecordedHash(ReadOnlySpan<byte> file) => file.Slice(HashOffset, HashSize);

    /// <summary>
    /// Computes the SHA-256 of the payload of <paramref name="file"/> (everything after the header) into
    /// <paramref name="hash"/>, and says whether it is the one its header records.
    /// </summary>
    /// <param name="file">The whole file, header included.</param>
    /// <param name="hash">Receives the computed hash, <see cref="HashSize"/> bytes, for a reader's message.</param>
    public static bool HashMatches(ReadOnlySpan<byte> file, Span<byte> hash)
    {
        SHA256.HashData(file[HeaderSize..], hash);
        return hash[..HashSize].SequenceEqual(RecordedHash(file));
    }
}
