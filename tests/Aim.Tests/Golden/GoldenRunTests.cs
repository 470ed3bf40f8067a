using System.Security.Cryptography;
using System.Text;
using Aim.Experiments.Running;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Golden;

/// <summary>
/// Pins short runs bit for bit: the step log, the episode log and every metric except wall time hash to the values
/// recorded before the code was restructured. A refactoring that changes a single draw, label or float fails here.
/// Re-pinned once, when MKL's code branch was pinned (<c>MKL_CBWR</c>, see <c>MklReproducibility</c>): the matrix
/// products then take MKL's AVX2 path instead of its automatic one, which changes floats in the last bits.
/// Serial: TorchSharp's generator is process-wide, so a run beside another seeded run draws different numbers.
/// </summary>
[Collection(SerialRuns.Name)]
public class GoldenRunTests
{
    /// <param name="width">
    /// <see cref="ConcurrentWork.Width"/> for the run (0: the machine's default). The hashes were recorded before
    /// Thrifty's members and AIM's Q^I trained beside other pieces, so the rows with width 1 (one piece after another)
    /// and the default rows (pieces at once) show the results do not depend on it.
    /// </param>
    [Theory]
    [InlineData("lavacrossing-s9n1", "aim", 3, 700, "D1C7FEA25F72E197", 0)]
    [InlineData("empty-6x6", "thrifty", 1, 300, "53C0967E5DD679A0", 0)]
    [InlineData("driving-toy", "aim", 2, 500, "1B3EAE99A05C5700", 0)]
    [InlineData("lavacrossing-s9n1", "aim", 3, 700, "D1C7FEA25F72E197", 1)]
    [InlineData("empty-6x6", "thrifty", 1, 300, "53C0967E5DD679A0", 1)]
    [InlineData("empty-6x6", "thrifty", 1, 300, "53C0967E5DD679A0", 5)]
    public void ShortRunReproducesTheRecordedLogs(string task, string method, int seed, int steps, string expected, int width)
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-golden-{Guid.NewGuid():N}");
        int defaultWidth = ConcurrentWork.Width;
        try
        {
            if (width > 0)
            {
                ConcurrentWork.Width = width;
            }

            var trainer = new TrainerOptions
            {
                Seed = seed,
                TotalEnvSteps = steps,
                WarmUpSteps = steps / 4,
                EvalEvery = steps / 4,
                EvalEpisodes = 4,
            };
            RunResult result = ExperimentRunner.Run(new RunSpec(task, method, trainer), runsRoot: root);
            string dir = result.Directory!;
            string digest = Digest(
                File.ReadAllText(Path.Combine(dir, "steps.csv")),
                File.ReadAllText(Path.Combine(dir, "episodes.csv")),
                WithoutColumn(File.ReadAllLines(Path.Combine(dir, "metrics.csv")), MetricNames.TimeSeconds));
            Assert.Equal(expected, digest);
        }
        finally
        {
            ConcurrentWork.Width = defaultWidth;
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The metrics file without its wall-clock column (the only value that differs between identical runs).</summary>
    private static string WithoutColumn(string[] lines, string column)
    {
        int index = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(index >= 0, $"metrics.csv has no '{column}' column");
        var kept = lines.Select(line => string.Join(',', line.Split(',').Where((_, i) => i != index)));
        return string.Join('\n', kept);
    }

    private static string Digest(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n--\n", parts))))[..16];
}
