using System.Buffers.Binary;
using System.Security.Cryptography;
using Aim.Core.IO;

namespace Aim.Tests.Core;

public sealed class ChecksummedFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-checksummed-{Guid.NewGuid():N}");

    [Fact]
    public void TheFileIsTheTagTheLengthTheHashThenThePayload()
    {
        string path = Path.Combine(_folder, "sub", "file.dat");
        byte[] payload = [.. Enumerable.Range(0, 1_000).Select(i => (byte)(i * 7))];

        ChecksummedFile.Write(path, "TESTTAG1"u8, payload);

        // Built by hand from the documented layout, which state files and checkpoints written before must keep.
        var expected = new byte[48 + payload.Length];
        "TESTTAG1"u8.CopyTo(expected);
        BinaryPrimitives.WriteInt64LittleEndian(expected.AsSpan(8), payload.Length);
        SHA256.HashData(payload).CopyTo(expected, 16);
        payload.CopyTo(expected, 48);
        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(expected, file);
        Assert.Equal(payload.Length, ChecksummedFile.RecordedLength(file));
        Assert.True(ChecksummedFile.HashMatches(file, stackalloc byte[ChecksummedFile.HashSize]));
    }

    [Fact]
    public void AChangedPayloadByteFailsTheHash()
    {
        string path = Path.Combine(_folder, "file.dat");
        ChecksummedFile.Write(path, "TESTTAG1"u8, new byte[64]);
        byte[] file = File.ReadAllBytes(path);
        file[^1] ^= 1;

        Span<byte> hash = stackalloc byte[ChecksummedFile.HashSize];
        Assert.False(ChecksummedFile.HashMatches(file, hash));
        Assert.False(hash.SequenceEqual(ChecksummedFile.RecordedHash(file)));
    }

    [Fact]
    public void ATagOfAnotherLengthIsRefused() =>
        Assert.Throws<ArgumentException>(() => ChecksummedFile.Write(Path.Combine(_folder, "file.dat"), "SHORT"u8, new byte[1]));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
