using Aim.Experiments.Running;
using Aim.Learning.Torch;
using Aim.Tests.Cli;
using Aim.Tests.Resume;
using Aim.Tests.TestSupport;

namespace Aim.Tests.Learning;

/// <summary>
/// Two identical runs in one process agree bit for bit. Before MKL's code branch was pinned, two driving runs gave
/// evaluation returns that differed in the ninth digit (the policy's matrix products went through MKL's automatic branch).
/// </summary>
[Collection(SerialRuns.Name)]
public sealed class ReproducibleRunsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aim-repro-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void TwoDrivingRunsInOneProcessAgreeBitForBit()
    {
        RunSpec spec = ResumeRuns.Spec("driving-toy", "aim");

        RunResult first = ExperimentRunner.Run(spec, Path.Combine(_root, "a"));
        RunResult second = ExperimentRunner.Run(spec, Path.Combine(_root, "b"));

        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NumericPins.MklVariable)));
        ResumeRuns.SameLogs(first.Directory!, second.Directory!);
        RunAssertions.SameMetrics(first, second);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
