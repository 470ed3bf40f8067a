using Aim.Experiments.Results;
using Aim.Experiments.Sweeps;
using NotebookTwins;

namespace Aim.Tests.Experiments;

/// <summary>The reference folder of the released code's MiniGrid runs, as checked in, and how a damaged one is refused.</summary>
public sealed class ReferenceRunsTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"aim-reference-{Guid.NewGuid():N}");

    /// <summary>The checked-in folder (data/reference/released-aim-minigrid).</summary>
    internal static string CheckedIn => Path.Combine(TwinFiles.FindRepositoryRoot(AppContext.BaseDirectory), "data", "reference", "released-aim-minigrid");

    [Fact]
    public void CheckedInReferenceHoldsSeedZerosCurveAndEverySeedsEnd()
    {
        ReferenceRuns reference = ReferenceRuns.Load(CheckedIn);

        Assert.Equal(24, reference.Evaluations.Count);
        Assert.All(reference.Evaluations, e => Assert.Equal(0, e.Seed));
        Assert.Equal(new ReferenceEvaluation(0, 201, 200, 0, 120), reference.Evaluations[0]);
        Assert.Equal(new ReferenceEvaluation(0, 1376, 640, 0.66, 69.1), reference.Evaluations.Single(e => e.ExpertSteps == 640));
        Assert.Equal(new ReferenceEvaluation(0, 1898, 740, 0.5, 81.2), reference.Evaluations[^1]);
        Assert.Equal(0.06, reference.Curve(0).First(e => e.Success > 0).Success);
        Assert.Equal(500, reference.Curve(0).First(e => e.Success > 0).ExpertSteps);
        Assert.Empty(reference.Curve(1));
        Assert.Equal(
            [new ReferenceSeed(0, 740, 0.5, 640, 0.66, 500, 753), new ReferenceSeed(1, 780, 0.8, 780, 0.8, 560, 793), new ReferenceSeed(2, 720, 0.3, 600, 0.46, 540, 732)],
            reference.Seeds);

        // By name, as the notebooks load it: found under data/reference from the working directory upwards.
        Assert.Equal(CheckedIn, ReferenceRuns.Load("released-aim-minigrid").Folder);
    }

    [Fact]
    public void PerSeedTableListsOurRunsThenTheReferencesSeeds()
    {
        using var runs = new HandMadeRuns();
        runs.Add("multiroom-6", "aim", 1, [(400, 400, 0.0), (900, 580, 0.0), (1500, 600, 0.5), (2000, 700, 0.4)]);
        runs.Add("multiroom-6", "aim", 0, [(400, 400, 0.0), (2000, 420, 0.0)]);

        IReadOnlyList<ReferenceComparisonRow> rows = ReferenceComparison.PerSeed(ResultSet.Load(runs.Root), ReferenceRuns.Load(CheckedIn));

        Assert.Equal(5, rows.Count);
        Assert.Equal(new ReferenceComparisonRow("ours", 0, 0, 0, 420, double.NaN), rows[0]);
        Assert.Equal(new ReferenceComparisonRow("ours", 1, 0.4, 0.5, 700, 600), rows[1]);
        Assert.Equal(new ReferenceComparisonRow("released code", 2, 0.3, 0.46, 720, 540), rows[4]);
    }

    [Fact]
    public void BadRowIsRefusedNamingItsFileAndLine()
    {
        string folder = Copy();
        string path = Path.Combine(folder, ReferenceRuns.EvaluationsFile);
        File.WriteAllText(path, File.ReadAllText(path).Replace("0,593,500,0.06,115.6", "0,593,500,6%,115.6", StringComparison.Ordinal));

        var e = Assert.Throws<InvalidDataException>(() => ReferenceRuns.Load(folder));

        Assert.Contains(path, e.Message);
        Assert.Contains("line 16: success must be a rate in [0, 1], got '6%'", e.Message);
    }

    [Fact]
    public void ShortRowAndWrongHeaderAreRefused()
    {
        string folder = Copy();
        string seeds = Path.Combine(folder, ReferenceRuns.SeedsFile);
        File.AppendAllText(seeds, "3,700,0.5\n");
        Assert.Contains("line 5: 3 cells where the header has 7", Assert.Throws<InvalidDataException>(() => ReferenceRuns.Load(folder)).Message);

        File.WriteAllText(seeds, "seed,last_success\n0,0.5\n");
        Assert.Contains("line 1: the header must be 'seed,last_expert_steps,", Assert.Throws<InvalidDataException>(() => ReferenceRuns.Load(folder)).Message);
    }

    [Fact]
    public void CurveOfASeedWithoutItsRowIsRefused()
    {
        string folder = Copy();
        string seeds = Path.Combine(folder, ReferenceRuns.SeedsFile);
        File.WriteAllLines(seeds, File.ReadAllLines(seeds).Where(l => !l.StartsWith("0,", StringComparison.Ordinal)));

        var e = Assert.Throws<InvalidDataException>(() => ReferenceRuns.Load(folder));

        Assert.Contains("evaluations of seed 0", e.Message);
    }

    [Fact]
    public void MissingFileOrFolderIsNamed()
    {
        string folder = Copy();
        File.Delete(Path.Combine(folder, ReferenceRuns.SeedsFile));
        var file = Assert.Throws<FileNotFoundException>(() => ReferenceRuns.Load(folder));
        Assert.Contains(Path.Combine(folder, ReferenceRuns.SeedsFile), file.Message);

        string missing = Path.Combine(_copy, "no-such-reference");
        var directory = Assert.Throws<DirectoryNotFoundException>(() => ReferenceRuns.Load(missing));
        Assert.Contains(missing, directory.Message);
    }

    [Fact]
    public void ReleasedProtocolsSweepNamesTheCheckedInReference()
    {
        string root = TwinFiles.FindRepositoryRoot(AppContext.BaseDirectory);
        SweepConfig config = SweepConfig.Parse(File.ReadAllText(Path.Combine(root, "sweeps", "aim-code-minigrid.json")));

        Assert.Equal("data/reference/released-aim-minigrid", config.Reference);
        Assert.Equal(CheckedIn, Path.GetFullPath(Path.Combine(root, config.Reference!)));
    }

    [Fact]
    public void SweepConfigWithAMissingReferenceFolderIsRefusedBeforeItRuns()
    {
        Directory.CreateDirectory(_copy);
        string missing = Path.Combine(_copy, "no-such-reference");
        string config = Path.Combine(_copy, "sweep.json");
        File.WriteAllText(config, $$"""{ "name": "x", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1, "reference": "{{missing}}" }""");

        var e = Assert.Throws<DirectoryNotFoundException>(() => SweepConfig.Load(config));

        Assert.Contains(missing, e.Message);
        Assert.Null(SweepConfig.Parse("""{ "name": "x", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1 }""").Reference);
        Assert.Equal(missing, SweepConfig.Parse(File.ReadAllText(config)).Reference);
    }

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    private string Copy()
    {
        Directory.CreateDirectory(_copy);
        foreach (string file in Directory.GetFiles(CheckedIn, "*.csv"))
        {
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        }

        return _copy;
    }
}
