using Aim.Experiments.Sweeps;
using Aim.Tests.Experiments;

namespace Aim.Tests.Cli;

/// <summary>
/// <c>aim merge --out</c> takes a new or empty folder or an earlier merge's output, and refuses any other folder without
/// writing into it.
/// </summary>
public sealed class MergeOutputTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aim-merge-out-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Shard()
    {
        string folder = Path.Combine(_root, "s0");
        SweepManifest.Write(folder, SweepPlan.From(SweepConfig.Parse("""{ "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1 }""")));
        new HandMadeRuns(Path.Combine(folder, SweepManifest.RunsFolder)).Add("empty-6x6", "aim", 0, [(100, 100, 0.0), (200, 150, 0.5)]);
        return folder;
    }

    [Fact]
    public void AFolderHoldingOtherFilesIsRefusedAndLeftAsItWas()
    {
        string shard = Shard();
        string output = Directory.CreateDirectory(Path.Combine(_root, "papers")).FullName;
        File.WriteAllText(Path.Combine(output, "draft.tex"), "text");

        var (code, _, error) = CliRunner.Run("merge", "--inputs", shard, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains($"The merge output '{output}' is not empty and is not a sweep folder (it has no sweep.json)", error, StringComparison.Ordinal);
        Assert.Equal(["draft.tex"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public void AnEmptyFolderAndThenTheSameMergeOutputAreTaken()
    {
        string shard = Shard();
        string output = Directory.CreateDirectory(Path.Combine(_root, "merged")).FullName;

        var (code, _, error) = CliRunner.Run("merge", "--inputs", shard, "--out", output);
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run("merge", "--inputs", shard, "--out", output);
        Assert.True(code == 0, error);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(output, "runs.csv")).Length);
    }

    [Fact]
    public void AFolderHoldingOnlyALeftOverLockIsTakenAsEmpty()
    {
        string shard = Shard();
        string output = Directory.CreateDirectory(Path.Combine(_root, "merged")).FullName;
        File.WriteAllText(Path.Combine(output, SweepLock.FileName), string.Empty);

        var (code, _, error) = CliRunner.Run("merge", "--inputs", shard, "--out", output);

        Assert.True(code == 0, error);
    }
}
