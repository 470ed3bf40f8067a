using Aim.Experiments.Sweeps;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Experiments;

/// <summary>
/// The sweep folder stays locked while the caller writes its tables; in-process runs are never run in parallel (torch's
/// generator is shared by a process's threads); a refused merge leaves no folder behind.
/// </summary>
public sealed class SweepLockingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-lock-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static SweepPlan Plan() => SweepPlan.From(SweepConfig.Parse("""
        { "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 2, "set": { "total_env_steps": 300 } }
        """));

    [Fact]
    public void InProcessRunsAreRefusedInParallel()
    {
        var ex = Assert.Throws<ArgumentException>(() => SweepExecutor.Execute(Plan(), _folder, ShardSpec.All, 2, new InProcessLauncher()));
        Assert.Contains("share torch's random generator", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, SweepManifest.RunsFolder)));
    }

    [Fact]
    public void ALockHeldByTheCallerIsKeptAfterTheRuns()
    {
        var launcher = new FinishingLauncher();
        using (SweepLock hold = SweepLock.Acquire(_folder))
        {
            SweepOutcome outcome = SweepExecutor.Execute(Plan(), _folder, ShardSpec.All, 2, launcher, held: hold);
            Assert.True(outcome.Complete);
            Assert.Equal(2, launcher.Launched);

            // Still held: another command cannot start writing into the folder while the caller writes the tables.
            Assert.Throws<InvalidOperationException>(() => SweepLock.Acquire(_folder));
        }

        using SweepLock again = SweepLock.Acquire(_folder);
    }

    [Fact]
    public void WithoutAHeldLockTheRunsTakeAndReleaseTheirOwn()
    {
        SweepExecutor.Execute(Plan(), _folder, ShardSpec.All, 1, new FinishingLauncher());
        using SweepLock after = SweepLock.Acquire(_folder);
    }

    [Fact]
    public void ALockOfAnotherFolderIsRefused()
    {
        string other = _folder + "-other";
        try
        {
            using SweepLock hold = SweepLock.Acquire(other);
            Assert.Throws<ArgumentException>(() => SweepExecutor.Execute(Plan(), _folder, ShardSpec.All, 1, new FinishingLauncher(), held: hold));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void ARefusedMergeLeavesNoOutputFolder()
    {
        string notASweep = Directory.CreateDirectory(Path.Combine(_folder, "not-a-sweep")).FullName;
        string output = Path.Combine(_folder, "merged");
        var (code, _, error) = CliRunner.Run("merge", "--inputs", notASweep, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("not-a-sweep", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    /// <summary>A launcher that finishes each run at once (writes summary.json), counting launches.</summary>
    private sealed class FinishingLauncher : IRunLauncher
    {
        private int _launched;

        public int Launched => _launched;

        public void Launch(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation)
        {
            Interlocked.Increment(ref _launched);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "summary.json"), "{}");
        }

        public void Resume(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation) =>
            Launch(run, directory, progress, cancellation);
    }
}
