using Aim.Experiments.Sweeps;
using Aim.Learning.Training;

namespace Aim.Tests.Experiments;

/// <summary>
/// Parallel sweeps take runs from one queue in plan order: a worker that finishes starts the next unstarted run, so
/// short runs never wait behind long ones on a fixed share of the plan.
/// </summary>
public sealed class SweepSchedulingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-schedule-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static SweepPlan Plan(int seeds) => SweepPlan.From(SweepConfig.Parse($$"""
        { "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": {{seeds}}, "set": { "total_env_steps": 300 } }
        """));

    [Fact]
    public void RunsStartInPlanOrderTwoAtATime()
    {
        // No run finishes before two have started, so the first two to start are the first two the workers took (on a
        // loaded machine a worker that finished run 1 could otherwise start run 2 before the other worker recorded run 0).
        // With the plan split into fixed halves the first two would be runs 0 and 3.
        var launcher = new OrderingLauncher(l => l.StartedSeeds.Count >= 2, everyRunWaits: true);
        SweepOutcome outcome = SweepExecutor.Execute(Plan(seeds: 6), _folder, ShardSpec.All, 2, launcher);

        Assert.True(outcome.Complete);
        Assert.False(launcher.TimedOut, "the first run waited in vain for the second to start");
        Assert.Equal(new[] { 0, 1 }, launcher.StartedSeeds.Take(2).Order());
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, launcher.StartedSeeds.Order());
    }

    [Fact]
    public void AFreeWorkerTakesTheNextRunWhileALongRunGoesOn()
    {
        // Seed 0 is a long run: it finishes only after every other run has finished, all on the second worker.
        var launcher = new OrderingLauncher(l => l.Finished == 5);
        SweepOutcome outcome = SweepExecutor.Execute(Plan(seeds: 6), _folder, ShardSpec.All, 2, launcher);

        Assert.True(outcome.Complete);
        Assert.False(launcher.TimedOut, "runs 2-6 did not all run while run 1 was busy");
        Assert.Equal(6, launcher.StartedSeeds.Count);
    }

    /// <summary>
    /// Records the order runs start in; the run of seed 0 (every run with <paramref name="everyRunWaits"/>) waits (up to
    /// 20 s) until <c>release</c> holds, the others finish at once.
    /// </summary>
    private sealed class OrderingLauncher(Func<OrderingLauncher, bool> release, bool everyRunWaits = false) : IRunLauncher
    {
        private readonly object _gate = new();

        public List<int> StartedSeeds { get; } = new();

        public int Finished { get; private set; }

        public bool TimedOut { get; private set; }

        public void Launch(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation)
        {
            lock (_gate)
            {
                StartedSeeds.Add(run.Seed);
                Monitor.PulseAll(_gate);
                if (run.Seed == 0 || everyRunWaits)
                {
                    while (!release(this))
                    {
                        if (!Monitor.Wait(_gate, TimeSpan.FromSeconds(20)))
                        {
                            TimedOut = true;
                            break;
                        }
                    }
                }
            }

            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "summary.json"), "{}");
            lock (_gate)
            {
                Finished++;
                Monitor.PulseAll(_gate);
            }
        }

        public void Resume(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation) =>
            Launch(run, directory, progress, cancellation);
    }
}
