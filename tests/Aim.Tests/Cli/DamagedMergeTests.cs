using Aim.Experiments.Sweeps;
using Aim.Tests.Experiments;

namespace Aim.Tests.Cli;

public sealed class DamagedMergeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aim-merge-{Guid.NewGuid():N}");

    /// <summary>A finished two-seed sweep folder written by hand (no training).</summary>
    private string Shard(string name)
    {
        string folder = Path.Combine(_root, name);
        SweepPlan plan = SweepPlan.From(SweepConfig.Parse("""{ "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 2 }"""));
        SweepManifest.Write(folder, plan);
        var runs = new HandMadeRuns(Path.Combine(folder, SweepManifest.RunsFolder));
        runs.Add("empty-6x6", "aim", 0, [(100, 100, 0.0), (200, 150, 0.5)]);
        runs.Add("empty-6x6", "aim", 1, [(100, 100, 0.0), (200, 150, 0.7)]);
        return folder;
    }

    [Fact]
    public void AManifestWithoutConfigIsNamedNotANullReference()
    {
        string shard = Shard("s0");
        File.WriteAllText(Path.Combine(shard, SweepManifest.FileName), """{"foo":1}""");
        var (code, _, error) = CliRunner.Run("merge", "--inputs", shard, "--out", Path.Combine(_root, "merged"));
        Assert.Equal(2, code);
        Assert.Contains($"{Path.Combine(shard, SweepManifest.FileName)} is not a sweep manifest: it has no 'config' object", error);
    }

    [Fact]
    public void ADamagedShardIsSkippedAndTheOthersMerged()
    {
        string good = Shard("s0");
        string bad = Shard("s1");
        File.WriteAllText(Path.Combine(bad, SweepManifest.FileName), """{"foo":1}""");
        var (code, _, error) = CliRunner.Run("merge", "--inputs", bad, good, "--out", Path.Combine(_root, "merged"));
        Assert.Equal(1, code);
        Assert.Contains("aim: input skipped: ", error);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_root, "merged", "runs.csv")).Length);
    }

    [Fact]
    public void ADamagedMetricCellLeavesTheRunOutNamingFileAndLineAndTheTablesWhole()
    {
        string shard = Shard("s0");
        string metrics = Path.Combine(shard, SweepManifest.RunsFolder, "empty-6x6__aim__s1", "metrics.csv");
        string[] lines = File.ReadAllLines(metrics);
        lines[1] = lines[1].Replace("0.5,", "abc,", StringComparison.Ordinal);
        lines[2] = lines[2].Replace("0.7,", "abc,", StringComparison.Ordinal);
        File.WriteAllLines(metrics, lines);
        string merged = Path.Combine(_root, "merged");

        var (code, output, error) = CliRunner.Run("merge", "--inputs", shard, "--out", merged);
        Assert.Equal(1, code);
        string copied = Path.Combine(merged, SweepManifest.RunsFolder, "empty-6x6__aim__s1", "metrics.csv");
        Assert.Contains($"aim: run left out of the tables: {Path.GetDirectoryName(copied)}: {copied}, line 3: 'abc' in column eval/success is not a number.", error);
        Assert.Contains("Report: ", output);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(merged, "runs.csv")).Length);
        Assert.Empty(Directory.GetFiles(merged, "*.tmp"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
