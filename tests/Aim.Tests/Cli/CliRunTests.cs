using Aim.Experiments.Sweeps;

namespace Aim.Tests.Cli;

[Collection(SerialRuns.Name)]
public class CliRunTests
{
    [Fact]
    public void CompareWritesTablesAndReport()
    {
        string root = NewFolder();
        try
        {
            var (code, output, error) = CliRunner.Run(["compare", "--task", "empty-6x6", "--methods", "aim", "--seeds", "2", "--out", root, "--target", "0.5", .. CliRunner.TinyBudget]);
            Assert.True(code == 0, error);
            string report = output.Split('\n').Single(l => l.StartsWith("Report: ", StringComparison.Ordinal))["Report: ".Length..].Trim();
            Assert.True(File.Exists(report));
            string folder = Path.GetDirectoryName(report)!;
            Assert.True(File.Exists(Path.Combine(folder, SweepManifest.FileName)));
            string[] table = File.ReadAllLines(Path.Combine(folder, "comparison.csv"));
            Assert.Equal(2, table.Length);
            Assert.StartsWith("empty-6x6,aim,,✓,2,", table[1]);
            Assert.Equal(2, Directory.GetDirectories(Path.Combine(folder, SweepManifest.RunsFolder)).Length);
            Assert.Contains("Expert data (rate)", output);
            Assert.Contains("[2/2] empty-6x6__aim__s1", output);
            string html = File.ReadAllText(report);
            Assert.Contains("\"name\":\"aim\"", html);
            Assert.DoesNotContain("<script src=", html);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ThreeShardsMergedEqualTheUnshardedSweep()
    {
        string root = NewFolder();
        try
        {
            string config = Path.Combine(root, "tiny.json");
            File.WriteAllText(config, """
                { "name": "tiny", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": [0], "target_success": 0.5,
                  "set": { "total_env_steps": 100, "warm_up_steps": 50, "eval_every": 50, "eval_episodes": 3,
                           "q_initial_steps": 10, "policy.initial_steps": 10, "log_steps": false },
                  "grid": { "delta": [0.05, 0.1, 0.2] } }
                """);
            var whole = CliRunner.Run("sweep", "--config", config, "--out", Path.Combine(root, "whole"));
            Assert.True(whole.Code == 0, whole.Error);
            var shards = new List<string>();
            for (int i = 0; i < 3; i++)
            {
                string shard = Path.Combine(root, $"shard{i}");
                var result = CliRunner.Run("sweep", "--config", config, "--out", shard, "--shard", $"{i}/3");
                Assert.True(result.Code == 0, result.Error);
                Assert.Contains("run(s) of the sweep are not in", result.Output);
                shards.Add(Path.Combine(shard, "tiny"));
            }

            string merged = Path.Combine(root, "merged");
            var merge = CliRunner.Run(["merge", "--inputs", .. shards, "--out", merged]);
            Assert.True(merge.Code == 0, merge.Error);

            string unsharded = Path.Combine(root, "whole", "tiny");
            Assert.Equal(File.ReadAllText(Path.Combine(unsharded, "comparison.csv")), File.ReadAllText(Path.Combine(merged, "comparison.csv")));
            Assert.Equal(WithoutColumn(Path.Combine(unsharded, "runs.csv"), "Seconds"), WithoutColumn(Path.Combine(merged, "runs.csv"), "Seconds"));
            Assert.Equal(File.ReadAllText(Path.Combine(unsharded, "ablation__delta.csv")), File.ReadAllText(Path.Combine(merged, "ablation__delta.csv")));
            Assert.Equal(4, File.ReadAllLines(Path.Combine(merged, "comparison.csv")).Length);

            // Resuming skips finished runs.
            var again = CliRunner.Run("sweep", "--config", config, "--out", Path.Combine(root, "whole"));
            Assert.Equal(3, again.Output.Split('\n').Count(l => l.Contains("finished before, skipped", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TwoComparesStartedTogetherKeepTheirOwnFolders()
    {
        string root = NewFolder();
        try
        {
            string[] deltas = ["0.05", "0.3"];
            using var start = new Barrier(deltas.Length);
            var results = new (int Code, string Output, string Error)[deltas.Length];
            Parallel.For(0, deltas.Length, new ParallelOptions { MaxDegreeOfParallelism = deltas.Length }, i =>
            {
                start.SignalAndWait();
                results[i] = CliRunner.Run(["compare", "--task", "empty-6x6", "--methods", "aim", "--seeds", "1", "--out", root, "--set", $"delta={deltas[i]}", .. CliRunner.TinyBudget]);
            });

            Assert.All(results, r => Assert.True(r.Code == 0, r.Error));
            string[] folders = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(2, folders.Length);
            string[] recorded = folders
                .Select(f => Directory.GetDirectories(Path.Combine(f, SweepManifest.RunsFolder)).Single())
                .Select(run => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "options.json"))).RootElement.GetProperty("overrides").GetProperty("delta").GetString()!)
                .Order(StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(deltas, recorded);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string[] WithoutColumn(string csv, string column)
    {
        string[][] rows = File.ReadAllLines(csv).Select(l => l.Split(',')).ToArray();
        int index = Array.IndexOf(rows[0], column);
        return rows.Select(r => string.Join(",", r.Where((_, i) => i != index))).ToArray();
    }

    private static string NewFolder()
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        return root;
    }
}
