using System.Text;
using Aim.Core.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Torch;

/// <summary>
/// Network checkpoints that fail loudly: every file carries the SHA-256 of the weights it holds, and a load checks the
/// length, the checksum and each tensor's name, type and shape against the live network before it changes anything.
/// </summary>
/// <remarks>
/// <para>
/// TorchSharp's own <c>Module.load</c> reads straight into the live parameters: eight overwritten bytes load as NaN
/// weights without an error, and a cut file throws after part of the network was overwritten. Here
/// <see cref="Load(IReadOnlyCollection{CheckpointEntry})"/> reads and checks every file of a checkpoint into temporary
/// tensors first, and copies them into the live networks only once all of them are sound: a failed load changes
/// nothing.
/// </para>
/// <para>
/// The format (version 1) is a 48-byte header, then the payload. Bytes 0–7: the ASCII tag <c>AIMCKPT1</c>, whose last
/// character is the format version. Bytes 8–15: the payload's length, a little-endian 64-bit integer. Bytes 16–47:
/// the SHA-256 of the payload. Then the payload: the network's state dictionary exactly as TorchSharp's
/// <c>Module.save</c> writes it (an entry count, then per entry its name, element type, shape and raw little-endian
/// data), so the bytes after the header are an ordinary TorchSharp weights file.
/// </para>
/// <para>
/// Files written by earlier versions (plain <c>Module.save</c> output, no header) are refused with a message that says
/// so: there is no checksum to verify them against, and a damaged one would load as the silent wrong weights this
/// format exists to stop. A run rewrites its checkpoints in minutes; an unverifiable policy is worth less than that.
/// </para>
/// <para>
/// Saves are atomic per file: the file is written under a temporary name in the same folder and moved over the old
/// one, so a crash mid-save leaves the previous checkpoint (the best so far, say) whole instead of a cut file.
/// </para>
/// </remarks>
public static class CheckpointFile
{
    /// <summary>Bytes before the payload: the tag, the payload's length and its SHA-256 (<see cref="ChecksummedFile"/>).</summary>
    public const int HeaderSize = ChecksummedFile.HeaderSize;

    private const int TagSize = ChecksummedFile.TagSize;

    /// <summary>The tag of format version 1.</summary>
    private static ReadOnlySpan<byte> Tag => "AIMCKPT1"u8;

    /// <summary>The tag without its version character: a file that starts with it is ours, of some format version.</summary>
    private static ReadOnlySpan<byte> TagFamily => "AIMCKPT"u8;

    /// <summary>Writes the state of <paramref name="module"/> to <paramref name="path"/> (its folder is created if missing).</summary>
    /// <param name="module">The network.</param>
    /// <param name="path">The file; replaced atomically if it exists.</param>
    public static void Save(nn.Module module, string path) => Save([new CheckpointEntry(path, module)]);

    /// <summary>Writes every entry's network to its file, in order (see <see cref="Save(nn.Module, string)"/>).</summary>
    /// <param name="entries">The networks and their files; an entry's <see cref="CheckpointEntry.Target"/> is not written.</param>
    public static void Save(IEnumerable<CheckpointEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (CheckpointEntry entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            Write(entry.Module, entry.Path);
        }
    }

    /// <summary>Loads what <see cref="Save(nn.Module, string)"/> wrote into <paramref name="module"/>; on failure the module is unchanged.</summary>
    /// <param name="module">The live network: same architecture as the one saved.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is damaged (truncated, extended, checksum mismatch), was written by an earlier version without a
    /// checksum, or does not fit the network (a missing or extra tensor, another type or shape); the message names the
    /// file and the problem.
    /// </exception>
    public static void Load(nn.Module module, string path) => Load([new CheckpointEntry(path, module)]);

    /// <summary>
    /// Loads a whole checkpoint, all or nothing: every file is read and checked into temporary tensors first, and only
    /// when all of them are sound are they copied into the live networks (and each entry's target). When any file is
    /// missing, damaged or does not fit its network, no network changes.
    /// </summary>
    /// <param name="entries">The files and the networks they load into.</param>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is damaged, unverifiable or does not fit (see <see cref="Load(nn.Module, string)"/>).</exception>
    public static void Load(IReadOnlyCollection<CheckpointEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var staged = new List<StagedTensor>();
        try
        {
            foreach (CheckpointEntry entry in entries)
            {
                ArgumentNullException.ThrowIfNull(entry);
                Read(entry, staged);
            }

            // Nothing below can fail on a file: names, types and shapes were all checked above.
            using var noGrad = no_grad();
            foreach (StagedTensor tensor in staged)
            {
                tensor.Live.copy_(tensor.Loaded);
                tensor.Target?.copy_(tensor.Loaded);
            }
        }
        finally
        {
            foreach (StagedTensor tensor in staged)
            {
                tensor.Loaded.Dispose();
            }
        }
    }

    private static void Write(nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            module.save(writer);
        }

        ChecksummedFile.Write(path, Tag, new ReadOnlyMemory<byte>(payload.GetBuffer(), 0, checked((int)payload.Length)));
    }

    /// <summary>Reads and checks one file; adds a temporary tensor per state entry to <paramref name="staged"/>.</summary>
    private static void Read(CheckpointEntry entry, List<StagedTensor> staged)
    {
        string path = Path.GetFullPath(entry.Path);
        byte[] file = ReadAll(path);
        int payloadLength = CheckHeader(file, path);
        Dictionary<string, Tensor> live = entry.Module.state_dict();
        Dictionary<string, Tensor>? target = entry.Target is null ? null : CheckedTarget(entry, live);

        var found = new List<(Tensor Live, Tensor? Target, int Offset, int Length)>(live.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var stream = new MemoryStream(file, HeaderSize, payloadLength, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            long count = ReadNumber(reader);
            for (long i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                if (!names.Add(name))
                {
                    throw Damaged(path, $"holds tensor '{name}' twice");
                }

                if (!live.TryGetValue(name, out Tensor? tensor))
                {
                    throw Damaged(path, $"holds tensor '{name}', which the network does not have (a checkpoint of another method, task or architecture?)");
                }

                var type = (ScalarType)ReadNumber(reader);
                if (type != tensor.dtype)
                {
                    throw Damaged(path, $"holds '{name}' as {type} where the network has {tensor.dtype}");
                }

                long rank = ReadNumber(reader);
                var shape = new long[Math.Min(rank, 64)];
                for (int d = 0; d < shape.Length; d++)
                {
                    shape[d] = ReadNumber(reader);
                }

                if (rank != shape.Length || !shape.AsSpan().SequenceEqual(tensor.shape))
                {
                    throw Damaged(path, $"holds '{name}' with shape {Shape(shape)} where the network has {Shape(tensor.shape)} (a checkpoint of another architecture or task?)");
                }

                long length = tensor.NumberOfElements * tensor.ElementSize;
                if (length > stream.Length - stream.Position)
                {
                    throw Damaged(path, $"ends inside tensor '{name}'");
                }

                found.Add((tensor, target?[name], HeaderSize + checked((int)stream.Position), (int)length));
                stream.Seek(length, SeekOrigin.Current);
            }
        }
        catch (EndOfStreamException e)
        {
            // The checksum matched, so these bytes are what was written: a writer other than ours made them.
            throw new InvalidDataException($"Checkpoint file {path} is malformed: its weights end in the middle of an entry.", e);
        }

        if (stream.Position != stream.Length)
        {
            throw Damaged(path, $"is malformed: {stream.Length - stream.Position} bytes follow its last tensor");
        }

        string? missing = live.Keys.FirstOrDefault(name => !names.Contains(name));
        if (missing is not null)
        {
            throw Damaged(path, $"lacks parameter '{missing}' {Shape(live[missing].shape)} of the network (a checkpoint of another architecture?)");
        }

        foreach ((Tensor liveTensor, Tensor? targetTensor, int offset, int length) in found)
        {
            Tensor loaded = empty(liveTensor.shape, liveTensor.dtype);
            staged.Add(new StagedTensor(liveTensor, targetTensor, loaded));
            loaded.bytes = file.AsSpan(offset, length);
        }
    }

    private static byte[] ReadAll(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"No checkpoint file '{path}'.", path);
        }

        if (info.Length > Array.MaxLength)
        {
            throw Damaged(path, $"is {info.Length:N0} bytes, too large for a network checkpoint");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>Checks the tag, the length and the checksum; returns the payload's length.</summary>
    private static int CheckHeader(byte[] file, string path)
    {
        if (file.Length == 0)
        {
            throw Damaged(path, "is empty (a cut write?)");
        }

        int prefix = Math.Min(file.Length, TagFamily.Length);
        if (!file.AsSpan(0, prefix).SequenceEqual(TagFamily[..prefix]))
        {
            throw Damaged(
                path,
                "has no checksum header: it was written by an earlier version of Aim.Notebooks (before checkpoints carried a SHA-256) "
                + "or is not a network checkpoint. Unverifiable weights are refused, because a damaged file would load as wrong weights "
                + "without an error; train again to write a checked checkpoint");
        }

        if (file.Length >= TagSize && file[TagSize - 1] != Tag[TagSize - 1])
        {
            throw Damaged(path, $"is in checkpoint format '{(char)file[TagSize - 1]}'; this version reads format '{(char)Tag[TagSize - 1]}'");
        }

        if (file.Length < HeaderSize)
        {
            throw Damaged(path, $"is truncated: {file.Length} bytes, fewer than its {HeaderSize}-byte header");
        }

        long declared = ChecksummedFile.RecordedLength(file);
        long actual = file.Length - HeaderSize;
        if (actual < declared)
        {
            throw Damaged(path, $"is truncated: its header promises {declared:N0} bytes of weights and the file holds {actual:N0}");
        }

        if (actual > declared)
        {
            throw Damaged(path, $"is damaged: {actual - declared:N0} bytes follow the {declared:N0} bytes of weights its header describes");
        }

        Span<byte> hash = stackalloc byte[ChecksummedFile.HashSize];
        if (!ChecksummedFile.HashMatches(file, hash))
        {
            throw Damaged(
                path,
                $"fails its checksum: the SHA-256 of its weights is {Convert.ToHexStringLower(hash)[..16]}…, its header records "
                + $"{Convert.ToHexStringLower(ChecksummedFile.RecordedHash(file))[..16]}…; the file is damaged");
        }

        return (int)actual;
    }

    /// <summary>The target's state, checked to match the network's, so that the copy into it cannot fail halfway.</summary>
    private static Dictionary<string, Tensor> CheckedTarget(CheckpointEntry entry, Dictionary<string, Tensor> live)
    {
        Dictionary<string, Tensor> target = entry.Target!.state_dict();
        bool same = target.Count == live.Count && live.All(p =>
            target.TryGetValue(p.Key, out Tensor? t) && t.dtype == p.Value.dtype && t.shape.AsSpan().SequenceEqual(p.Value.shape));
        if (!same)
        {
            throw new ArgumentException($"The target network of '{entry.Path}' differs in layout from the network it copies.", nameof(entry));
        }

        return target;
    }

    /// <summary>An unsigned LEB128 number, as TorchSharp writes counts, types and sizes.</summary>
    private static long ReadNumber(BinaryReader reader)
    {
        long result = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            byte b = reader.ReadByte();
            result |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new EndOfStreamException("A number runs past 63 bits.");
    }

    private static string Shape(ReadOnlySpan<long> shape)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(shape[i]);
        }

        return text.Append(']').ToString();
    }

    private static InvalidDataException Damaged(string path, string problem) => new($"Checkpoint file {path} {problem}.");

    /// <summary>A tensor read from a file, waiting to be copied into its live network (and that network's target).</summary>
    private sealed record StagedTensor(Tensor Live, Tensor? Target, Tensor Loaded);
}
