using BenchmarkDotNet.Running;

namespace Aim.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project bench/Aim.Benchmarks -- --filter '*'</c>; or, with
/// <c>step-time [steps]</c> as the first argument, times the behaviour-cloning step alone (<see cref="StepTime"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "step-time")
        {
            return StepTime.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
