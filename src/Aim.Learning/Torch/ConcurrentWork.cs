using System.Runtime.ExceptionServices;

namespace Aim.Learning.Torch;

/// <summary>
/// Runs independent pieces of learning (the members of a bootstrap ensemble, AIM's policy and Q^I) at the same time on
/// up to <see cref="Width"/> threads. Each piece computes exactly what it would alone: it owns its networks, optimiser,
/// batch tensors and random stream, reads the buffers only, and runs with the caller's intra-op thread count, so the
/// results are bit for bit those of running the pieces one after another, whatever the width.
/// </summary>
/// <remarks>
/// Gradient steps on the small networks here are arithmetic-bound on one thread (docs/speed.md), so a second intra-op
/// thread barely helps a step, while two whole pieces on two cores take about half the time. TorchSharp's dispose
/// scopes and libtorch's grad mode are per thread, so each piece disposes its own tensors. A piece must not draw from
/// torch's global generator (it would race with the others); none of the learners does, they sample with their own
/// <see cref="Aim.Core.Random.Rng"/>.
/// </remarks>
public static class ConcurrentWork
{
    private static int s_width = Environment.ProcessorCount;

    /// <summary>
    /// Threads that learning pieces may run on at once. Default: the machine's logical processors
    /// (<see cref="Environment.ProcessorCount"/>); 1 runs every piece on the calling thread in order. Results do not
    /// depend on it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public static int Width
    {
        get => Volatile.Read(ref s_width);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            Volatile.Write(ref s_width, value);
        }
    }

    /// <summary>Runs <paramref name="body"/>(0 … <paramref name="count"/> − 1), several at a time; returns when all have.</summary>
    /// <param name="count">Number of pieces.</param>
    /// <param name="body">One piece; it must touch only what belongs to its index (and read shared buffers).</param>
    /// <remarks>An exception of a piece is rethrown as it was (the first by index when several fail).</remarks>
    public static void For(int count, Action<int> body)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(body);
        int width = Math.Min(Width, count);
        if (width <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        int threads = TorchRuntime.CurrentThreads;
        var failures = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = width }, i =>
        {
            try
            {
                // The intra-op thread count is a per-thread setting (OpenMP); a pool thread may hold another.
                TorchRuntime.Initialize(threads);
                body(i);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });

        foreach (Exception? failure in failures)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
    }

    /// <summary>Runs <paramref name="first"/> and <paramref name="second"/> at the same time; returns when both have.</summary>
    /// <remarks>With a width of 1 they run in this order on the calling thread.</remarks>
    public static void Both(Action first, Action second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        For(2, i => (i == 0 ? first : second)());
    }
}
