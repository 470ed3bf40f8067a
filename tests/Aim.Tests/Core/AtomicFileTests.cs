using Aim.Core.IO;

namespace Aim.Tests.Core;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-atomicfile-{Guid.NewGuid():N}");

    [Fact]
    public void TwoWritersOfOneFileAtOnceBothSucceedAndTheFileIsOneWholeContent()
    {
        string path = Path.Combine(_folder, "target.bin");

        // Large enough that the two writes overlap, and different in every byte so a mix of the two shows.
        byte[] first = Enumerable.Repeat((byte)'a', 4 << 20).ToArray();
        byte[] second = Enumerable.Repeat((byte)'b', 3 << 20).ToArray();
        for (int round = 0; round < 10; round++)
        {
            using var start = new Barrier(2);
            var failures = new Exception?[2];
            Thread[] writers = [.. new[] { first, second }.Select((content, i) => new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    if (i == 0)
                    {
                        AtomicFile.Write(path, stream => stream.Write(content));
                    }
                    else
                    {
                        AtomicFile.WriteByPath(path, temporary => File.WriteAllBytes(temporary, content));
                    }
                }
                catch (Exception e)
                {
                    failures[i] = e;
                }
            }))];
            foreach (Thread writer in writers)
            {
                writer.Start();
            }

            foreach (Thread writer in writers)
            {
                writer.Join();
            }

            Assert.All(failures, Assert.Null);
            byte[] written = File.ReadAllBytes(path);
            Assert.True(written.AsSpan().SequenceEqual(first) || written.AsSpan().SequenceEqual(second), $"round {round}: the file is neither content whole ({written.Length:N0} bytes)");
            Assert.Equal([path], Directory.GetFiles(_folder));
        }
    }

    [Fact]
    public void AFailedWriteLeavesTheOldFileAndNoTemporaryFile()
    {
        string path = Path.Combine(_folder, "sub", "target.txt");
        AtomicFile.WriteByPath(path, temporary => File.WriteAllText(temporary, "old"));

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new, cut short"u8);
            throw new InvalidOperationException("cut");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void TheTemporaryFileIsHiddenBesideTheTargetAndUniquePerCall()
    {
        string path = Path.Combine(_folder, "table.csv");

        string one = AtomicFile.TemporaryName(path);
        string two = AtomicFile.TemporaryName(path);

        Assert.NotEqual(one, two);
        Assert.Equal(_folder, Path.GetDirectoryName(one));
        Assert.StartsWith(".table.csv.", Path.GetFileName(one), StringComparison.Ordinal);
        Assert.EndsWith(AtomicFile.TemporarySuffix, one, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
