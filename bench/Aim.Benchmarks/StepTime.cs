using System.Diagnostics;
using System.Globalization;

namespace Aim.Benchmarks;

/// <summary>
/// <c>step-time [steps]</c>: times <see cref="BcStep"/> without BenchmarkDotNet, the way the PyTorch anchor times its
/// step (100 warm-up steps, then <c>steps</c> timed ones, default 1,000), and prints one line: <c>ms/step X cpu Y</c>,
/// wall-clock and process CPU milliseconds per step (CPU time is the steadier figure on a shared machine).
/// <c>bench/ratio.sh</c> runs it against the anchor.
/// </summary>
public static class StepTime
{
    /// <summary>Warm-up steps before timing (the anchor's).</summary>
    public const int WarmUpSteps = 100;

    /// <summary>Runs the timing and prints the result.</summary>
    public static int Run(string[] args)
    {
        int steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        using var step = new BcStep();
        step.Run(WarmUpSteps);
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        double loss = step.Run(steps);
        clock.Stop();
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds / steps;
        double ms = clock.Elapsed.TotalMilliseconds / steps;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ms/step {ms:F4} cpu {cpu:F4} (TorchSharp, {steps} steps, batch {BcStep.BatchSize}, mean loss {loss:F4})"));
        return 0;
    }
}
