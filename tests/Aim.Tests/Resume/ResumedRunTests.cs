using System.Globalization;
using Aim.Experiments.Running;
using Aim.Learning.Training;
using Aim.Tests.Cli;
using Aim.Tests.TestSupport;

namespace Aim.Tests.Resume;

/// <summary>
/// A run stopped after a resume point and continued with <see cref="ExperimentRunner.Resume"/> ends exactly as the
/// uninterrupted run of the same seed: every evaluation, episode and step, for every method, on the grid and driving.
/// </summary>
[Collection(SerialRuns.Name)]
public sealed class ResumedRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aim-resume-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("lavacrossing-s9n1", "aim")]
    [InlineData("lavacrossing-s9n1", "thrifty")]
    [InlineData("empty-6x6", "ensemble-dagger")]
    [InlineData("empty-6x6", "hg-dagger")]
    [InlineData("empty-6x6", "pvp")]
    [InlineData("empty-6x6", "bc")]
    [InlineData("driving-toy", "aim")]
    [InlineData("driving-toy", "thrifty")]
    [InlineData("driving-toy", "pvp")]
    public void KilledRunResumesToTheUninterruptedResult(string task, string method)
    {
        RunSpec spec = ResumeRuns.Spec(task, method);
        RunResult full = ExperimentRunner.Run(spec, Path.Combine(_root, "full"));
        string killed = ResumeRuns.Kill(spec, Path.Combine(_root, "killed"), stepsAfterResumePoint: 25);

        RunResult resumed = ExperimentRunner.Resume(killed);

        RunAssertions.SameMetrics(full, resumed);
        ResumeRuns.SameLogs(full.Directory!, killed);
        Assert.False(File.Exists(Path.Combine(killed, InteractiveTrainer<byte[], int>.ResumeFileName)), "a finished run keeps no resume point");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
