using System.Buffers.Binary;
using System.IO.Compression;
using Aim.Core.Envs;

namespace Aim.Tests.Core;

public class PngWriterTests
{
    [Fact]
    public void PngHasSignatureHeaderValidCrcAndThePixels()
    {
        var frame = new RgbFrame(5, 3);
        frame.FillRect(1, 1, 3, 2, 10, 200, 30);
        frame.Set(4, 2, 255, 0, 128);
        byte[] png = PngWriter.Encode(frame);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8)));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(5, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, png[24..29]);

        // Every PNG ends with the same IEND chunk, whose CRC-32 is AE 42 60 82.
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, png[^12..]);

        int idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT", System.Text.Encoding.ASCII.GetString(png, 37, 4));
        using var zlib = new ZLibStream(new MemoryStream(png, 41, idatLength), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        byte[] scanlines = raw.ToArray();
        Assert.Equal(3 * (1 + 15), scanlines.Length);
        for (int y = 0; y < 3; y++)
        {
            Assert.Equal(0, scanlines[y * 16]);
            Assert.Equal(frame.Pixels[(y * 15)..((y + 1) * 15)], scanlines[((y * 16) + 1)..((y + 1) * 16)]);
        }
    }

    [Fact]
    public void SavePngWritesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"aim-png-{Guid.NewGuid():N}", "frame.png");
        try
        {
            string full = new RgbFrame(2, 2).SavePng(path);
            Assert.Equal(PngWriter.Encode(new RgbFrame(2, 2)), File.ReadAllBytes(full));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
