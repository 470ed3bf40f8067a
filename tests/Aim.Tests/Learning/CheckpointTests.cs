using Aim.Core.Random;
using Aim.Experiments.Catalog;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Tests.Learning;

/// <summary>
/// Checksummed checkpoints: a save loads back bit for bit; a damaged, cut, old or mismatched file is refused with an
/// <see cref="InvalidDataException"/> naming it, and a refused load changes no network, across every file of a method.
/// </summary>
/// <remarks>No training: the networks differ because each draws its own initial weights.</remarks>
public sealed class CheckpointTests : IDisposable
{
    private static readonly ObservationSpec s_grid = new(new[] { 3, 7, 7 }, 0.1f);
    private static readonly ActionSpec s_gridActions = ActionSpec.Discrete(7);
    private static readonly ObservationSpec s_vector = new(new[] { 6 });
    private static readonly ActionSpec s_vectorActions = ActionSpec.Continuous(2);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-ckpt-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void APolicyLoadsBackBitForBit()
    {
        using Policy saved = GridPolicy();
        using Policy loaded = GridPolicy();
        Assert.NotEqual(Snapshot(saved.Network), Snapshot(loaded.Network));
        string path = Path.Combine(_folder, "nested", "policy.dat");

        saved.Save(path);
        loaded.Load(path);

        Assert.Equal(Snapshot(saved.Network), Snapshot(loaded.Network));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Theory]
    [InlineData("aim", false)]
    [InlineData("aim", true)]
    [InlineData("thrifty", false)]
    [InlineData("thrifty-nocritic", false)]
    [InlineData("ensemble-dagger", false)]
    [InlineData("hg-dagger", false)]
    [InlineData("pvp", false)]
    [InlineData("pvp", true)]
    [InlineData("bc", false)]
    public void EveryMethodLoadsWhatItSaved(string name, bool continuous)
    {
        using GatedMethod saved = Method(name, continuous);
        using GatedMethod loaded = Method(name, continuous);
        Assert.NotEqual(Snapshot(saved), Snapshot(loaded));

        saved.Save(_folder);
        loaded.Load(_folder);

        Assert.Equal(Snapshot(saved), Snapshot(loaded));
        foreach (CheckpointEntry entry in loaded.CheckpointEntries(_folder))
        {
            Assert.True(File.Exists(entry.Path), entry.Path);
            if (entry.Target is not null)
            {
                // A target the checkpoint does not store starts in step with its loaded network, and stays frozen.
                Assert.Equal(Snapshot(entry.Module), Snapshot(entry.Target));
                Assert.All(entry.Target.parameters(), p => Assert.False(p.requires_grad));
            }
        }
    }

    [Fact]
    public void EightBytesOverwrittenInTheMiddleAreRefusedAndChangeNothing()
    {
        using Policy saved = GridPolicy();
        using Policy live = GridPolicy();
        string path = Path.Combine(_folder, "policy.dat");
        saved.Save(path);
        byte[] bytes = File.ReadAllBytes(path);
        Array.Fill(bytes, (byte)0xFF, bytes.Length / 2, 8);
        File.WriteAllBytes(path, bytes);
        float[][] before = Snapshot(live.Network);

        var e = Assert.Throws<InvalidDataException>(() => live.Load(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("checksum", e.Message);
        Assert.Equal(before, Snapshot(live.Network));
        Assert.All(before, values => Assert.DoesNotContain(values, float.IsNaN));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.0)]
    public void ATruncatedFileIsRefusedAndChangesNothing(double kept)
    {
        using Policy saved = GridPolicy();
        using Policy live = GridPolicy();
        string path = Path.Combine(_folder, "policy.dat");
        saved.Save(path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * kept)]);
        float[][] before = Snapshot(live.Network);

        var e = Assert.Throws<InvalidDataException>(() => live.Load(path));

        Assert.Contains(path, e.Message);
        Assert.Contains(kept == 0 ? "empty" : "truncated", e.Message);
        Assert.Equal(before, Snapshot(live.Network));
    }

    [Fact]
    public void AMethodWhoseSecondFileIsDamagedChangesNothing()
    {
        using GatedMethod saved = Method("thrifty", continuous: false);
        using GatedMethod live = Method("thrifty", continuous: false);
        saved.Save(_folder);
        IReadOnlyList<CheckpointEntry> files = live.CheckpointEntries(_folder);
        Assert.Equal(["member0.dat", "member1.dat", "member2.dat", "member3.dat", "member4.dat", "risk_q1.dat", "risk_q2.dat"], files.Select(f => Path.GetFileName(f.Path)));
        string second = files[1].Path;
        byte[] bytes = File.ReadAllBytes(second);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(second, bytes);
        float[][] before = Snapshot(live);

        var e = Assert.Throws<InvalidDataException>(() => live.Load(_folder));

        Assert.Contains(second, e.Message);
        Assert.Equal(before, Snapshot(live));
    }

    [Fact]
    public void ACutTargetOfQIChangesNeitherQINorThePolicy()
    {
        // The case: the online network used to be overwritten before the cut .target file threw.
        using var saved = (AimMethod)Method("aim", continuous: false);
        using var live = (AimMethod)Method("aim", continuous: false);
        saved.Save(_folder);
        string target = Path.Combine(_folder, "proxy_q.dat.target");
        Assert.Equal(
            ["policy.dat", "proxy_q.dat", "proxy_q.dat.target"],
            live.CheckpointEntries(_folder).Select(f => Path.GetFileName(f.Path)));
        byte[] bytes = File.ReadAllBytes(target);
        File.WriteAllBytes(target, bytes[..^100]);
        float[][] before = Snapshot(live);

        var e = Assert.Throws<InvalidDataException>(() => live.Load(_folder));

        Assert.Contains(target, e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Equal(before, Snapshot(live));
    }

    [Fact]
    public void AMissingFileChangesNothingAndIsNamed()
    {
        using GatedMethod saved = Method("aim", continuous: false);
        using GatedMethod live = Method("aim", continuous: false);
        saved.Save(_folder);
        string missing = Path.Combine(_folder, "proxy_q.dat");
        File.Delete(missing);
        float[][] before = Snapshot(live);

        var e = Assert.Throws<FileNotFoundException>(() => live.Load(_folder));

        Assert.Equal(missing, e.FileName);
        Assert.Equal(before, Snapshot(live));
    }

    [Fact]
    public void AFileOfAnEarlierVersionIsRefusedAsUnverifiable()
    {
        using Policy saved = GridPolicy();
        using Policy live = GridPolicy();
        string path = Path.Combine(_folder, "policy.dat");
        Directory.CreateDirectory(_folder);
        saved.Network.save(path);
        float[][] before = Snapshot(live.Network);

        var e = Assert.Throws<InvalidDataException>(() => live.Load(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("no checksum", e.Message);
        Assert.Contains("earlier version", e.Message);
        Assert.Equal(before, Snapshot(live.Network));
    }

    [Fact]
    public void ANetworkOfAnotherShapeIsRefusedNamingTheTensor()
    {
        using var wide = new FeatureNetwork(s_vector, 0, 2, new NetworkOptions(new[] { 32 }));
        using var narrow = new FeatureNetwork(s_vector, 0, 2, new NetworkOptions(new[] { 16 }));
        string path = Path.Combine(_folder, "net.dat");
        CheckpointFile.Save(wide, path);
        float[][] before = Snapshot(narrow);

        var e = Assert.Throws<InvalidDataException>(() => CheckpointFile.Load(narrow, path));

        Assert.Contains(path, e.Message);
        Assert.Contains("shape [32, 6] where the network has [16, 6]", e.Message);
        Assert.Equal(before, Snapshot(narrow));
    }

    [Fact]
    public void AFileThatLacksAParameterIsRefusedNamingIt()
    {
        using var withoutBias = nn.Linear(4, 3, hasBias: false);
        using var withBias = nn.Linear(4, 3);
        string path = Path.Combine(_folder, "linear.dat");
        CheckpointFile.Save(withoutBias, path);
        float[][] before = Snapshot(withBias);

        var e = Assert.Throws<InvalidDataException>(() => CheckpointFile.Load(withBias, path));

        Assert.Contains(path, e.Message);
        Assert.Contains("lacks parameter 'bias'", e.Message);
        Assert.Equal(before, Snapshot(withBias));
    }

    [Fact]
    public void AFileWithATensorTheNetworkLacksIsRefused()
    {
        using var withBias = nn.Linear(4, 3);
        using var withoutBias = nn.Linear(4, 3, hasBias: false);
        string path = Path.Combine(_folder, "linear.dat");
        CheckpointFile.Save(withBias, path);

        var e = Assert.Throws<InvalidDataException>(() => CheckpointFile.Load(withoutBias, path));

        Assert.Contains("'bias', which the network does not have", e.Message);
    }

    [Fact]
    public void ASaveReplacesTheOldFileWhole()
    {
        using Policy first = GridPolicy();
        using Policy second = GridPolicy();
        using Policy live = GridPolicy();
        string path = Path.Combine(_folder, "policy.dat");
        first.Save(path);
        second.Save(path);

        live.Load(path);

        Assert.Equal(Snapshot(second.Network), Snapshot(live.Network));
        Assert.Single(Directory.GetFiles(_folder));
    }

    private static Policy GridPolicy() => new(s_grid, s_gridActions, NetworkOptions.GridHead);

    /// <summary>A catalog method with its default options (AIM with <c>continuous</c>: the PVP-TD3 learner).</summary>
    private static GatedMethod Method(string name, bool continuous)
    {
        object options = name == "aim" && continuous ? new AimOptions { Learner = AimPolicyLearner.ProxyValue } : MethodCatalog.Defaults(name);
        return (GatedMethod)MethodCatalog.Create(
            name,
            options,
            continuous ? s_vector : s_grid,
            continuous ? s_vectorActions : s_gridActions,
            new Rng(1));
    }

    /// <summary>Every parameter and buffer of every network the method's checkpoint holds, in order, as floats.</summary>
    private float[][] Snapshot(GatedMethod method) =>
        method.CheckpointEntries(_folder).SelectMany(e => Snapshot(e.Module)).ToArray();

    private static float[][] Snapshot(nn.Module module)
    {
        using var scope = NewDisposeScope();
        return module.state_dict().Values.Select(t => t.detach().cpu().contiguous().data<float>().ToArray()).ToArray();
    }
}
