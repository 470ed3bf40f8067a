using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Aim.Benchmarks;

/// <summary>
/// BenchmarkDotNet's short run (1 launch, 3 warm-up and 3 timed iterations unless given) inside the benchmark process.
/// </summary>
/// <remarks>
/// In process because a separate benchmark project would be generated and built from the sources in the checkout,
/// not from the built program being run: a copy of an earlier build (the "before" of an A/B comparison) would then
/// time the current code. It also saves the generated project's build (about a minute on 2 shared cores).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class InProcessShortRunJobAttribute : JobConfigBaseAttribute
{
    /// <summary>A short run in process.</summary>
    /// <param name="strategy">Run strategy. Default throughput; monitoring for operations of seconds.</param>
    /// <param name="warmupCount">Warm-up iterations. Default 3 (the short run's).</param>
    /// <param name="iterationCount">Timed iterations. Default 3 (the short run's).</param>
    public InProcessShortRunJobAttribute(RunStrategy strategy = RunStrategy.Throughput, int warmupCount = 3, int iterationCount = 3)
        : base(Job.ShortRun
            .WithStrategy(strategy)
            .WithWarmupCount(warmupCount)
            .WithIterationCount(iterationCount)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortRunInProcess"))
    {
    }
}
