using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Aim.Core.Envs;


namespace Aim.Tests.Core;

public class PngRoundTripTests
{
    [Fact]
    public void EncodesAValidPngWhosePixelsRoundTrip()
    {
        var frame = new RgbFrame(5, 3);
        frame.FillRect(0, 0, 5, 3, 10, 20, 30);
        frame.Set(4, 2, 255, 0, 128);

        byte[] png = PngWriter.Encode(frame);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = ReadChunks(png);
        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, chunks.Select(c => c.Type));
        byte[] header = chunks[0].Data;
        Assert.Equal(5, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(8, header[8]);
        Assert.Equal(2, header[9]);

        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        byte[] raw = inflated.ToArray();
        Assert.Equal(3 * (1 + (5 * 3)), raw.Length);
        for (int y = 0; y < 3; y++)
        {
            Assert.Equal(0, raw[y * 16]);
            Assert.Equal(frame.Pixels.AsSpan(y * 15, 15).ToArray(), raw.AsSpan((y * 16) + 1, 15).ToArray());
        }
    }

    [Fact]
    public void ChunkCrcMatchesTheStandardCheckValue()
    {
        // IEND's CRC is the well-known constant AE 42 60 82.
        byte[] png = PngWriter.Encode(new RgbFrame(1, 1));
        Assert.Equal(new byte[] { 0xAE, 0x42, 0x60, 0x82 }, png[^4..]);
    }

    private static List<(string Type, byte[] Data)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        int offset = 8;
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            chunks.Add((type, png.AsSpan(offset + 8, length).ToArray()));
            offset += 12 + length;
        }

        return chunks;
    }
}
