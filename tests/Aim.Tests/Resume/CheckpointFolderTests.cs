using Aim.Learning.Torch;

namespace Aim.Tests.Resume;

/// <summary>A checkpoint folder is replaced whole: a save that fails halfway leaves the previous checkpoint as it was.</summary>
public sealed class CheckpointFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aim-ckpt-folder-{Guid.NewGuid():N}");

    [Fact]
    public void ASaveThatFailsHalfwayLeavesThePreviousCheckpointWhole()
    {
        string best = Path.Combine(_root, "checkpoints", "best");
        CheckpointFolder.Replace(best, folder => Write(folder, "old", "old"));

        Assert.Throws<IOException>(() => CheckpointFolder.Replace(best, folder =>
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "policy.dat"), "new");
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(Path.Combine(best, "policy.dat")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(best, "proxy_q.dat")));
        Assert.Equal(["best"], Directory.GetFileSystemEntries(Path.GetDirectoryName(best)!).Select(Path.GetFileName));
    }

    [Fact]
    public void ASuccessfulSaveReplacesEveryFileAndDropsFilesTheNewCheckpointLacks()
    {
        string final = Path.Combine(_root, "final");
        CheckpointFolder.Replace(final, folder => Write(folder, "old", "old"));
        File.WriteAllText(Path.Combine(final, "extra.dat"), "stale");

        CheckpointFolder.Replace(final, folder => Write(folder, "new", "new"));

        Assert.Equal("new", File.ReadAllText(Path.Combine(final, "policy.dat")));
        Assert.False(File.Exists(Path.Combine(final, "extra.dat")));
        Assert.Equal(["final"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static void Write(string folder, string policy, string q)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "policy.dat"), policy);
        File.WriteAllText(Path.Combine(folder, "proxy_q.dat"), q);
    }
}
