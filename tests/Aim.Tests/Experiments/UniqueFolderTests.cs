using Aim.Experiments.Running;
using Aim.Experiments.Sweeps;

namespace Aim.Tests.Experiments;

public sealed class UniqueFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aim-unique-{Guid.NewGuid():N}");

    public UniqueFolderTests() => Directory.CreateDirectory(_root);

    [Fact]
    public void ConcurrentCreationsOfTheSameNameGetDistinctFolders()
    {
        const int creators = 16;
        using var start = new Barrier(creators);
        var folders = new string[creators];
        Parallel.For(0, creators, new ParallelOptions { MaxDegreeOfParallelism = creators }, i =>
        {
            start.SignalAndWait();
            folders[i] = UniqueFolder.Create(_root, "compare__empty-6x6__20250101-120000");
        });

        Assert.Equal(creators, folders.Distinct(StringComparer.Ordinal).Count());
        Assert.All(folders, f => Assert.True(File.Exists(Path.Combine(f, UniqueFolder.ClaimFile))));
        Assert.Contains(Path.Combine(_root, "compare__empty-6x6__20250101-120000"), folders);
        Assert.Equal(creators, Directory.GetDirectories(_root).Length);
    }

    [Fact]
    public void AnExistingFolderIsNeverReused()
    {
        Directory.CreateDirectory(Path.Combine(_root, "run"));
        File.WriteAllText(Path.Combine(_root, "run", "options.json"), "{}");
        Assert.Equal(Path.Combine(_root, "run-2"), UniqueFolder.Create(_root, "run"));
        Assert.Equal(Path.Combine(_root, "run-3"), UniqueFolder.Create(_root, "run"));
        Assert.Equal(["options.json"], Directory.GetFiles(Path.Combine(_root, "run")).Select(Path.GetFileName));
    }

    [Fact]
    public void ASecondCommandOnTheSameSweepFolderIsRefusedWhileTheFirstHoldsIt()
    {
        string folder = Path.Combine(_root, "sweep");
        using (SweepLock.Acquire(folder))
        {
            var ex = Assert.Throws<InvalidOperationException>(() => SweepLock.Acquire(folder));
            Assert.Contains($"'{folder}' is in use by another aim command", ex.Message);
        }

        using SweepLock again = SweepLock.Acquire(folder);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
