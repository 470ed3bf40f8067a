using Aim.Experiments.Sweeps;
using Aim.Learning.Training;

namespace Aim.Tests.Resume;

/// <summary>
/// Executing a sweep again continues runs a killed execution left with a resume point, restarts those without one, and
/// restarts a run whose resume point cannot be used, saying so.
/// </summary>
public sealed class SweepResumePointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-sweep-resume-{Guid.NewGuid():N}");

    [Fact]
    public void KilledRunsWithAResumePointAreContinuedTheOthersRestarted()
    {
        SweepPlan plan = Plan();
        string withPoint = SweepExecutor.RunDirectory(_folder, plan.Runs[0]);
        string withoutPoint = SweepExecutor.RunDirectory(_folder, plan.Runs[1]);
        WriteResumePoint(withPoint);
        Directory.CreateDirectory(withoutPoint);
        File.WriteAllText(Path.Combine(withoutPoint, "metrics.csv"), "stale");
        var launcher = new RecordingLauncher(failResume: false);
        var events = new List<SweepProgress>();

        SweepOutcome outcome = SweepExecutor.Execute(plan, _folder, ShardSpec.All, parallel: 1, launcher, progress: events.Add);

        Assert.Equal([plan.Runs[0].Id], launcher.Resumed);
        Assert.Equal([plan.Runs[1].Id], launcher.Launched);
        Assert.False(File.Exists(Path.Combine(withoutPoint, "metrics.csv")), "a run without a resume point starts from an empty folder");
        Assert.Contains(events, e => e.State == RunState.Resumed && e.Run == plan.Runs[0] && e.Error is null);
        Assert.True(outcome.Complete);
    }

    [Fact]
    public void AnUnusableResumePointRestartsTheRunAndSaysWhy()
    {
        SweepPlan plan = Plan();
        WriteResumePoint(SweepExecutor.RunDirectory(_folder, plan.Runs[0]));
        var launcher = new RecordingLauncher(failResume: true);
        var events = new List<SweepProgress>();

        SweepExecutor.Execute(plan, _folder, ShardSpec.All, parallel: 1, launcher, progress: events.Add);

        Assert.Equal([plan.Runs[0].Id, plan.Runs[1].Id], launcher.Launched);
        SweepProgress said = Assert.Single(events, e => e.State == RunState.Resumed && e.Error is not null);
        Assert.Contains("could not resume (checksum does not match); starting again", said.Error);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static SweepPlan Plan() => SweepPlan.From(SweepConfig.Parse("""
        { "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 2, "set": { "total_env_steps": 1000 } }
        """));

    private static void WriteResumePoint(string runDirectory)
    {
        string path = Path.Combine(runDirectory, InteractiveTrainer<byte[], int>.ResumeFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "state");
    }

    private sealed class RecordingLauncher(bool failResume) : IRunLauncher
    {
        public List<string> Launched { get; } = [];

        public List<string> Resumed { get; } = [];

        public void Launch(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation)
        {
            Launched.Add(run.Id);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "summary.json"), "{}");
        }

        public void Resume(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation)
        {
            if (failResume)
            {
                throw new InvalidDataException("checksum does not match");
            }

            Resumed.Add(run.Id);
            File.WriteAllText(Path.Combine(directory, "summary.json"), "{}");
        }
    }
}
