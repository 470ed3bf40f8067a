using BenchmarkDotNet.Running;

namespace Aim.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/Aim.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
