using System.Buffers.Binary;
using System.IO.Compression;

namespace Aim.Core.Envs;

/// <summary>
/// Writes an <see cref="RgbFrame"/> as a PNG (8-bit RGB, no interlace, filter 0) without any imaging dependency:
/// the image data is zlib-compressed with <see cref="ZLibStream"/> and every chunk carries its CRC-32.
/// </summary>
public static class PngWriter
{
    private static readonly byte[] s_signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] s_crcTable = BuildCrcTable();

    /// <summary>Encodes <paramref name="frame"/> as PNG bytes.</summary>
    public static byte[] Encode(RgbFrame frame)
    {
        using var stream = new MemoryStream();
        Write(frame, stream);
        return stream.ToArray();
    }

    /// <summary>Writes <paramref name="frame"/> as a PNG file (creating the folder) and returns the full path.</summary>
    public static string Save(RgbFrame frame, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using FileStream file = File.Create(full);
        Write(frame, file);
        return full;
    }

    /// <summary>Writes <paramref name="frame"/> as PNG to <paramref name="destination"/>.</summary>
    public static void Write(RgbFrame frame, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(s_signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, frame.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], frame.Height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour RGB
        header[10] = 0; // deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        WriteChunk(destination, "IHDR", header);
        WriteChunk(destination, "IDAT", Compress(frame));
        WriteChunk(destination, "IEND", ReadOnlySpan<byte>.Empty);
    }

    private static byte[] Compress(RgbFrame frame)
    {
        int stride = frame.Width * 3;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            // Each scanline starts with its filter type; 0 (none) keeps the writer simple.
            for (int y = 0; y < frame.Height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(frame.Pixels, y * stride, stride);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream destination, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        destination.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        for (int i = 0; i < 4; i++)
        {
            typeBytes[i] = (byte)type[i];
        }

        destination.Write(typeBytes);
        destination.Write(data);
        uint crc = Crc32(Crc32(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        destination.Write(word);
    }

    /// <summary>Updates a running CRC-32 (ISO-HDLC polynomial 0xEDB88320, as PNG specifies) over <paramref name="data"/>.</summary>
    internal static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            crc = s_crcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
