using Aim.Experiments.Sweeps;
using Aim.Tests.Experiments;

namespace Aim.Tests.Cli;

/// <summary>
/// A run that finished (summary.json) but whose metrics.csv is damaged or gone is not rerun by itself; the sweep names
/// it, says it is left out of the tables and how to rerun it (delete its folder), and exits as incomplete.
/// </summary>
public sealed class DamagedSweepRunTests : IDisposable
{
    private const string Config = """{ "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 2 }""";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aim-damaged-sweep-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A sweep folder {root}/out/t whose two runs finished (written by hand, no training); returns the config file.</summary>
    private string FinishedSweep()
    {
        string folder = Path.Combine(_root, "out", "t");
        SweepManifest.Write(folder, SweepPlan.From(SweepConfig.Parse(Config)));
        var runs = new HandMadeRuns(Path.Combine(folder, SweepManifest.RunsFolder));
        runs.Add("empty-6x6", "aim", 0, [(100, 100, 0.0), (200, 150, 0.5)]);
        runs.Add("empty-6x6", "aim", 1, [(100, 100, 0.0), (200, 150, 0.7)]);
        string config = Path.Combine(_root, "t.json");
        File.WriteAllText(config, Config);
        return config;
    }

    private string RunFolder(int seed) => Path.Combine(_root, "out", "t", SweepManifest.RunsFolder, $"empty-6x6__aim__s{seed}");

    [Fact]
    public void ADamagedMetricsFileIsNamedWithHowToRerunTheRun()
    {
        string config = FinishedSweep();
        string metrics = Path.Combine(RunFolder(1), "metrics.csv");
        string[] lines = File.ReadAllLines(metrics);
        lines[2] = lines[2].Replace("0.7,", "abc,", StringComparison.Ordinal);
        File.WriteAllLines(metrics, lines);

        var (code, output, error) = CliRunner.Run("sweep", "--config", config, "--out", Path.Combine(_root, "out"));

        Assert.Equal(1, code);
        Assert.Contains("empty-6x6__aim__s1  finished before, but DAMAGED: ", output, StringComparison.Ordinal);
        Assert.Contains(
            $"aim: run empty-6x6__aim__s1 finished before but is damaged, so it is left out of the tables: {metrics}, line 3: 'abc' in column eval/success is not a number.",
            error,
            StringComparison.Ordinal);
        Assert.Contains($"delete {RunFolder(1)} and run the command again to rerun it.", error, StringComparison.Ordinal);

        // Said once, not again among the runs the tables leave out; the other run is in the tables; nothing deleted.
        Assert.DoesNotContain("run left out of the tables", error, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_root, "out", "t", "runs.csv")).Length);
        Assert.Equal(lines, File.ReadAllLines(metrics));
    }

    [Fact]
    public void AMissingMetricsFileIsNamedToo()
    {
        string config = FinishedSweep();
        File.Delete(Path.Combine(RunFolder(0), "metrics.csv"));

        var (code, _, error) = CliRunner.Run("sweep", "--config", config, "--out", Path.Combine(_root, "out"));

        Assert.Equal(1, code);
        Assert.Contains($"aim: run empty-6x6__aim__s0 finished before but is damaged, so it is left out of the tables: {Path.Combine(RunFolder(0), "metrics.csv")} is missing.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AWholeSweepRerunsNothingAndSaysNothingOfDamage()
    {
        string config = FinishedSweep();

        var (code, output, error) = CliRunner.Run("sweep", "--config", config, "--out", Path.Combine(_root, "out"));

        Assert.True(code == 0, error);
        Assert.DoesNotContain("DAMAGED", output, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_root, "out", "t", "runs.csv")).Length);
    }
}
