using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aim.Experiments.Running;
using Aim.Learning.Training;

namespace Aim.Tests.Golden;

/// <summary>
/// The golden runs and their recorded hashes, one set per numeric path (golden-hashes.json beside this file): a short
/// run's step log, episode log and metrics (wall time aside) hash to the value recorded on the same numeric path.
/// </summary>
/// <remarks>
/// Record the hashes of a new numeric path (the test output names it) on a machine that takes it:
/// <c>AIM_GOLDEN_RECORD=1 dotnet test tests/Aim.Tests --filter FullyQualifiedName~Aim.Tests.Golden</c>, then commit
/// golden-hashes.json. Recording never replaces a hash already recorded for a path: delete that entry first, on purpose.
/// </remarks>
internal static class GoldenRuns
{
    /// <summary>The variable that turns recording on.</summary>
    public const string RecordVariable = "AIM_GOLDEN_RECORD";

    /// <summary>The command that records a path's hashes.</summary>
    public const string RecordCommand = "AIM_GOLDEN_RECORD=1 dotnet test tests/Aim.Tests --filter FullyQualifiedName~Aim.Tests.Golden";

    private const string FileName = "golden-hashes.json";
    private static readonly object s_fileGate = new();

    /// <summary>Whether this test run records hashes instead of checking them.</summary>
    public static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    /// <summary>The key of a golden run in the hash file.</summary>
    public static string Key(string task, string method, int seed, int steps) => $"{task}/{method}/s{seed}/{steps}";

    /// <summary>Runs one golden run into a temporary folder and hashes its logs.</summary>
    public static string Run(string task, string method, int seed, int steps)
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-golden-{Guid.NewGuid():N}");
        try
        {
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
            return Digest(
                File.ReadAllText(Path.Combine(dir, "steps.csv")),
                File.ReadAllText(Path.Combine(dir, "episodes.csv")),
                WithoutColumn(File.ReadAllLines(Path.Combine(dir, "metrics.csv")), MetricNames.TimeSeconds));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The hash recorded for <paramref name="key"/> on <paramref name="path"/>; null when that path has none.</summary>
    public static string? Recorded(string path, string key)
    {
        JsonObject file = Load(CopiedFile());
        return file[path]?[key]?.GetValue<string>();
    }

    /// <summary>The numeric paths with recorded hashes.</summary>
    public static IReadOnlyList<string> RecordedPaths() => Load(CopiedFile()).Select(p => p.Key).ToArray();

    /// <summary>Writes <paramref name="hash"/> for <paramref name="key"/> on <paramref name="path"/> into the source tree's file.</summary>
    /// <exception cref="InvalidOperationException">A different hash is recorded already.</exception>
    public static string Record(string path, string key, string hash)
    {
        lock (s_fileGate)
        {
            string source = SourceFile();
            JsonObject file = Load(source);
            if (file[path] is not JsonObject runs)
            {
                runs = new JsonObject();
                file[path] = runs;
            }

            if (runs[key]?.GetValue<string>() is string existing && existing != hash)
            {
                throw new InvalidOperationException(
                    $"{source} already records {existing} for {key} on '{path}', not {hash}; delete that entry on purpose to record a new one.");
            }

            runs[key] = hash;
            File.WriteAllText(source, file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            return source;
        }
    }

    private static JsonObject Load(string file) =>
        File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file))!.AsObject() : new JsonObject();

    private static string CopiedFile() => Path.Combine(AppContext.BaseDirectory, "Golden", FileName);

    private static string SourceFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aim.Notebooks.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Aim.Tests", "Golden", FileName);
            }
        }

        throw new InvalidOperationException($"Recording needs the source tree: no Aim.Notebooks.sln above {AppContext.BaseDirectory}.");
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
