using Aim.Core.Spaces;
using Aim.Learning.Datasets;
using Xunit;

namespace Aim.Tests.Datasets;

public sealed class MinariWriterTests : IDisposable
{
    private static readonly MinariMetadata s_metadata = new("test/tiny-v0", MinariSpace.From(new Box<byte>(0, 10, 2, 3)), MinariSpace.From(new Discrete(3)));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-minari-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void WrittenEpisodesReadBackValueByValueAndFollowTheStandard()
    {
        var writer = new MinariWriter(_folder, s_metadata);
        writer.Add(Episode(0, steps: 4, seed: 9));
        writer.Add(Episode(1, steps: 2, seed: null));

        MinariDataset dataset = MinariDataset.Load(_folder);

        Assert.Empty(MinariLayout.Check(_folder));
        Assert.Equal(2, dataset.Metadata.TotalEpisodes);
        Assert.Equal(6, dataset.Metadata.TotalSteps);
        Assert.Null(dataset.Metadata.ObservationSpace.DifferenceFrom(s_metadata.ObservationSpace));
        for (int e = 0; e < 2; e++)
        {
            MinariEpisode expected = Episode(e, e == 0 ? 4 : 2, e == 0 ? 9 : null);
            MinariEpisode read = dataset.Episodes[e];
            Assert.Equal(expected.Observations.As<byte>(), read.Observations.As<byte>());
            Assert.Equal(expected.Actions.As<long>(), read.Actions.As<long>());
            Assert.Equal(expected.Rewards, read.Rewards);
            Assert.Equal(expected.Terminations, read.Terminations);
            Assert.Equal(expected.Truncations, read.Truncations);
            Assert.Equal(expected.Seed, read.Seed);
            Assert.Equal(expected.Infos[MinariInfoKeys.Controller].As<string>(), read.Infos[MinariInfoKeys.Controller].As<string>());
            Assert.Equal(expected.Infos[MinariInfoKeys.GateScore].As<double>(), read.Infos[MinariInfoKeys.GateScore].As<double>());
            Assert.Equal(expected.Infos[MinariInfoKeys.ExpertAsked].As<bool>(), read.Infos[MinariInfoKeys.ExpertAsked].As<bool>());
        }
    }

    [Fact]
    public void AWriteCutShortMidEpisodeLosesOnlyThatEpisode()
    {
        int writes = 0;
        string? cut = null;

        // The third data-file write (the second episode) dies after 1,000 bytes, as a killed process leaves a file.
        Stream Open(string path)
        {
            var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
            if (++writes != 3)
            {
                return file;
            }

            cut = path;
            return new CutStream(file, 1_000);
        }

        var writer = new MinariWriter(_folder, s_metadata, open: Open);
        writer.Add(Episode(0, steps: 5, seed: 1));
        Assert.Throws<IOException>(() => writer.Add(Episode(1, steps: 7, seed: null)));

        // A failed write deletes its temporary file; a killed process would leave it, cut, as put back here, and
        // readers must not mind it.
        Assert.NotNull(cut);
        Assert.Equal(Path.Combine(_folder, "data"), Path.GetDirectoryName(cut));
        Assert.False(File.Exists(cut));
        File.WriteAllBytes(cut, new byte[1_000]);
        MinariDataset kept = MinariDataset.Load(_folder);
        Assert.Single(kept.Episodes);
        Assert.Equal(Episode(0, 5, 1).Observations.As<byte>(), kept.Episodes[0].Observations.As<byte>());
        Assert.Empty(MinariLayout.Check(_folder));

        // A run resumed from there keeps the finished episode and goes on.
        var resumed = new MinariWriter(_folder, s_metadata, kept.Episodes);
        resumed.Add(Episode(1, steps: 7, seed: null));
        Assert.Equal([5, 7], MinariDataset.Load(_folder).Episodes.Select(e => e.Steps));
    }

    [Fact]
    public void ACutDataFileIsRefusedNamingTheFile()
    {
        var writer = new MinariWriter(_folder, s_metadata);
        writer.Add(Episode(0, steps: 5, seed: 1));
        string data = Path.Combine(_folder, "data", "main_data.hdf5");
        byte[] whole = File.ReadAllBytes(data);
        File.WriteAllBytes(data, whole[..(whole.Length / 2)]);

        var ex = Assert.Throws<InvalidDataException>(() => MinariDataset.Load(_folder));

        Assert.Contains(data, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEpisodeOutOfOrderOrOfAnotherSpaceIsRefused()
    {
        var writer = new MinariWriter(_folder, s_metadata);

        Assert.Contains("cannot follow 0 episodes", Assert.Throws<ArgumentException>(() => writer.Add(Episode(1, 2, null))).Message, StringComparison.Ordinal);
        var floats = new MinariEpisode(0, new MinariColumn(new float[18], [2, 3]), new MinariColumn(new long[2]), new double[2], new bool[2], new bool[2]);
        Assert.Contains("the dataset's space is Box(uint8, shape [2, 3])", Assert.Throws<ArgumentException>(() => writer.Add(floats)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADatasetFolderWithoutMetadataIsRefusedSayingWhatIsExpected()
    {
        Directory.CreateDirectory(_folder);

        var ex = Assert.Throws<FileNotFoundException>(() => MinariDataset.Load(_folder));

        Assert.Contains("data/metadata.json", ex.Message, StringComparison.Ordinal);
    }

    private static MinariEpisode Episode(int id, int steps, long? seed)
    {
        byte[] observations = Enumerable.Range(0, (steps + 1) * 6).Select(i => (byte)((i + id) % 11)).ToArray();
        long[] actions = Enumerable.Range(0, steps).Select(t => (long)((t + id) % 3)).ToArray();
        double[] rewards = Enumerable.Range(0, steps).Select(t => t == steps - 1 ? 0.75 : 0.0).ToArray();
        bool[] terminations = Enumerable.Range(0, steps).Select(t => t == steps - 1 && id == 0).ToArray();
        bool[] truncations = Enumerable.Range(0, steps).Select(t => t == steps - 1 && id != 0).ToArray();
        var infos = new Dictionary<string, MinariColumn>
        {
            [MinariInfoKeys.Controller] = new(Enumerable.Range(0, steps + 1).Select(r => r == 0 ? string.Empty : r % 2 == 0 ? MinariInfoKeys.Robot : MinariInfoKeys.Expert).ToArray()),
            [MinariInfoKeys.GateScore] = new(Enumerable.Range(0, steps + 1).Select(r => r == 0 ? double.NaN : r * 0.1).ToArray()),
            [MinariInfoKeys.ExpertAsked] = new(Enumerable.Range(0, steps + 1).Select(r => r > 0).ToArray()),
        };
        return new MinariEpisode(id, new MinariColumn(observations, [2, 3]), new MinariColumn(actions), rewards, terminations, truncations, seed, infos);
    }

    /// <summary>Passes writes through until <c>limit</c> bytes have been written, then fails as a dying process would.</summary>
    private sealed class CutStream(FileStream inner, long limit) : Stream
    {
        private long _written;

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _written += buffer.Length;
            if (_written > limit)
            {
                // What reached the disk before the process died: the file's first bytes.
                inner.SetLength(limit);
                throw new IOException("The process died mid-write.");
            }

            inner.Write(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
