using System.Collections.Concurrent;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Learning.Training;

namespace Aim.Experiments.Sweeps;

/// <summary>
/// Executes a sweep's runs (or one shard of them) into <c>{sweep}/runs/{id}/</c>, <see cref="Parallel"/> at a time,
/// skipping finished runs (summary.json present), continuing killed ones from their resume point and restarting those
/// that have none (or an unusable one) from scratch. A finished run whose files cannot be read back is reported
/// (<see cref="SweepOutcome.Damaged"/>), not rerun; a run folder a live process still holds (<see cref="RunLock"/>) is
/// left alone and the run reported as failed.
/// </summary>
public static class SweepExecutor
{
    /// <summary>Takes the folder's <see cref="SweepLock"/>, writes the manifest, then runs the shard's unfinished runs.</summary>
    /// <param name="plan">The sweep.</param>
    /// <param name="directory">The sweep folder.</param>
    /// <param name="shard">Which share of the plan to run (<see cref="ShardSpec.All"/> for all).</param>
    /// <param name="parallel">Runs at a time (≥ 1).</param>
    /// <param name="launcher">How a run is started (in process or as a child process).</param>
    /// <param name="progress">Progress events (called from worker threads).</param>
    /// <param name="cancellation">Stops starting new runs.</param>
    /// <param name="held">
    /// The folder's lock when the caller holds it already (and keeps it afterwards, to write the tables before any other
    /// command can change the runs); null: taken and released here.
    /// </param>
    /// <exception cref="InvalidOperationException">Another command is writing into <paramref name="directory"/>, or it holds another sweep.</exception>
    /// <exception cref="ArgumentException">
    /// In-process runs with <paramref name="parallel"/> above 1 (torch's random generator is shared by a process's
    /// threads, so such runs would not reproduce), or <paramref name="held"/> holds another folder.
    /// </exception>
    public static SweepOutcome Execute(
        SweepPlan plan,
        string directory,
        ShardSpec shard,
        int parallel,
        IRunLauncher launcher,
        Action<SweepProgress>? progress = null,
        CancellationToken cancellation = default,
        SweepLock? held = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        if (parallel > 1 && launcher is InProcessLauncher)
        {
            throw new ArgumentException(
                $"{parallel} runs at a time in one process would share torch's random generator and not reproduce: run them one at a time in process, or each in its own process.",
                nameof(parallel));
        }

        using SweepLock? hold = SweepLock.AcquireUnlessHeld(directory, held);
        SweepManifest.Write(directory, plan);
        IReadOnlyList<SweepRun> mine = plan.Shard(shard);
        int total = mine.Count;
        int ran = 0;
        int skipped = 0;
        var failed = new List<(SweepRun, string)>();
        var damaged = new List<(SweepRun, string)>();
        var gate = new object();
        var work = mine.Select((run, i) => (run, position: i + 1)).ToArray();

        // One run at a time from a shared queue, in plan order: a free worker takes the next unstarted run. Handing an
        // array to Parallel.ForEach would split it into fixed ranges (one per worker), so a worker whose range held the
        // short runs would sit idle while the other worked through its long ones (the README's compare ran its three
        // AIM runs on one worker and its three Thrifty runs one after another on the other: 491 s instead of ~300 s).
        var queue = Partitioner.Create(work, EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(queue, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellation }, item =>
        {
            (SweepRun run, int position) = item;
            string runDirectory = RunDirectory(directory, run);
            if (IsFinished(runDirectory))
            {
                Interlocked.Increment(ref skipped);
                if (DamageOf(runDirectory) is string damage)
                {
                    lock (gate)
                    {
                        damaged.Add((run, damage));
                    }

                    progress?.Invoke(new SweepProgress(run, position, total, RunState.Damaged, Error: damage));
                    return;
                }

                progress?.Invoke(new SweepProgress(run, position, total, RunState.Skipped));
                return;
            }

            try
            {
                // A run an earlier, killed command left behind may still be writing here (its process outlived the
                // command): deleting or resuming the folder beside it would interleave two runs' files.
                RunLock.EnsureFree(runDirectory);
                Action<EvaluationPoint> evaluated = p => progress?.Invoke(new SweepProgress(run, position, total, RunState.Evaluated, p));
                if (!TryResume(launcher, run, runDirectory, position, total, evaluated, progress, cancellation))
                {
                    if (Directory.Exists(runDirectory))
                    {
                        Directory.Delete(runDirectory, recursive: true);
                    }

                    progress?.Invoke(new SweepProgress(run, position, total, RunState.Started));
                    launcher.Launch(run, runDirectory, evaluated, cancellation);
                }

                Interlocked.Increment(ref ran);
                progress?.Invoke(new SweepProgress(run, position, total, RunState.Finished));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (gate)
                {
                    failed.Add((run, e.Message));
                }

                progress?.Invoke(new SweepProgress(run, position, total, RunState.Failed, Error: e.Message));
            }
        });

        return new SweepOutcome(ran, skipped, failed.OrderBy(f => f.Item1.Index).ToArray(), Missing(plan, directory).Count == 0)
        {
            Damaged = damaged.OrderBy(d => d.Item1.Index).ToArray(),
        };
    }

    /// <summary>
    /// Why a finished run (summary.json present) cannot be read back, or null when it can. Such a run is not rerun by
    /// itself: its summary says it finished, and its files are results a person may want to look at or repair; the
    /// caller says which run it is and how to rerun it (delete its folder).
    /// </summary>
    private static string? DamageOf(string runDirectory)
    {
        if (!File.Exists(Path.Combine(runDirectory, "metrics.csv")))
        {
            return $"{Path.Combine(runDirectory, "metrics.csv")} is missing";
        }

        try
        {
            _ = RunLoader.Load(runDirectory);
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Continues a run an earlier execution left unfinished, when its folder holds a resume point. False when there is
    /// none, or when it could not be used (damaged, written by another version): the run then starts again from scratch.
    /// </summary>
    private static bool TryResume(
        IRunLauncher launcher,
        SweepRun run,
        string runDirectory,
        int position,
        int total,
        Action<EvaluationPoint> evaluated,
        Action<SweepProgress>? progress,
        CancellationToken cancellation)
    {
        if (!File.Exists(Path.Combine(runDirectory, InteractiveTrainer<byte[], int>.ResumeFileName)))
        {
            return false;
        }

        progress?.Invoke(new SweepProgress(run, position, total, RunState.Resumed));
        try
        {
            launcher.Resume(run, runDirectory, evaluated, cancellation);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            progress?.Invoke(new SweepProgress(run, position, total, RunState.Resumed, Error: $"could not resume ({e.Message}); starting again"));
            return false;
        }
    }

    /// <summary>The folder of <paramref name="run"/> inside sweep folder <paramref name="directory"/>.</summary>
    public static string RunDirectory(string directory, SweepRun run) =>
        Path.GetFullPath(Path.Combine(directory, SweepManifest.RunsFolder, run.Id));

    /// <summary>True when the run directory holds summary.json.</summary>
    public static bool IsFinished(string runDirectory) => File.Exists(Path.Combine(runDirectory, "summary.json"));

    /// <summary>The plan's runs not finished in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<SweepRun> Missing(SweepPlan plan, string directory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Runs.Where(r => !IsFinished(RunDirectory(directory, r))).ToArray();
    }
}
