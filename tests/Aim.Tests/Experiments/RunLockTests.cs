using Aim.Experiments.Running;
using Aim.Experiments.Sweeps;
using Aim.Learning.Training;

namespace Aim.Tests.Experiments;

/// <summary>
/// A run folder is held by the one process that writes the run: a second holder is refused naming the folder, a run is
/// not started into a held folder, and a sweep leaves a held folder's files alone and says why.
/// </summary>
public sealed class RunLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-run-lock-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void ASecondHolderIsRefusedNamingTheFolderUntilTheFirstLetsGo()
    {
        string run = Directory.CreateDirectory(Path.Combine(_folder, "run")).FullName;
        using (RunLock.Acquire(run))
        {
            var ex = Assert.Throws<InvalidOperationException>(() => RunLock.Acquire(run));
            Assert.Contains($"'{run}' is held by a live process", ex.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => RunLock.EnsureFree(run));
        }

        RunLock.EnsureFree(run);
        using RunLock again = RunLock.Acquire(run);
    }

    [Fact]
    public void AFolderWithoutALockFileIsFreeAndTheCheckAddsNothing()
    {
        RunLock.EnsureFree(Path.Combine(_folder, "missing"));
        string run = Directory.CreateDirectory(Path.Combine(_folder, "run")).FullName;
        RunLock.EnsureFree(run);
        Assert.Empty(Directory.GetFileSystemEntries(run));
    }

    [Fact]
    public void ARunIsNotStartedIntoAHeldFolder()
    {
        string run = Directory.CreateDirectory(Path.Combine(_folder, "run")).FullName;
        using RunLock held = RunLock.Acquire(run);
        RunSpec spec = RunSettings.Build("empty-6x6", "aim", 0, [new("total_env_steps", "400")]);

        var ex = Assert.Throws<InvalidOperationException>(() => ExperimentRunner.Run(spec, runsRoot: null, runDirectory: run));

        Assert.Contains(run, ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, "options.json")));
    }

    [Fact]
    public void ASweepLeavesAHeldRunFolderAloneAndReportsTheRunAsFailed()
    {
        SweepPlan plan = SweepPlan.From(SweepConfig.Parse("""
            { "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 2, "set": { "total_env_steps": 300 } }
            """));
        string held = SweepExecutor.RunDirectory(_folder, plan.Runs[0]);
        Directory.CreateDirectory(held);
        File.WriteAllText(Path.Combine(held, "metrics.csv"), "rows of the live run\n");
        var launcher = new FinishingLauncher();

        SweepOutcome outcome;
        using (RunLock.Acquire(held))
        {
            outcome = SweepExecutor.Execute(plan, _folder, ShardSpec.All, 1, launcher);
        }

        (SweepRun failed, string error) = Assert.Single(outcome.Failed);
        Assert.Equal(plan.Runs[0], failed);
        Assert.Contains($"'{held}' is held by a live process", error, StringComparison.Ordinal);
        Assert.Equal([plan.Runs[1].Id], launcher.Launched);
        Assert.Equal("rows of the live run\n", File.ReadAllText(Path.Combine(held, "metrics.csv")));
        Assert.False(outcome.Complete);
    }

    /// <summary>A launcher that finishes each run at once (writes summary.json), recording which it launched.</summary>
    private sealed class FinishingLauncher : IRunLauncher
    {
        public List<string> Launched { get; } = [];

        public void Launch(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation)
        {
            lock (Launched)
            {
                Launched.Add(run.Id);
            }

            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "summary.json"), "{}");
        }

        public void Resume(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation) =>
            Launch(run, directory, progress, cancellation);
    }
}
