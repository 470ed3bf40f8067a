using System.Globalization;
using System.Text.Json;
using Aim.Experiments.Running;
using Aim.Learning.Training;

namespace Aim.Tests.Cli;

/// <summary>
/// <c>aim eval</c> on the checkpoint of a short real run (trained once for the class): it reproduces the run's final
/// evaluation, and refuses a missing folder, a wrong task or method and a damaged file with one clear line.
/// </summary>
[Collection(SerialRuns.Name)]
public sealed class EvalCommandTests : IClassFixture<EvalCommandTests.TrainedRun>
{
    private readonly TrainedRun _run;

    public EvalCommandTests(TrainedRun run) => _run = run;

    [Fact]
    public void TheFinalCheckpointGivesTheRunsFinalEvaluation()
    {
        foreach (string checkpoint in new[] { _run.Directory, Path.Combine(_run.Directory, "checkpoints"), Path.Combine(_run.Directory, "checkpoints", "final") })
        {
            var (code, output, error) = CliRunner.Run("eval", checkpoint);

            Assert.True(code == 0, error);
            Assert.Contains($"Checkpoint: {Path.Combine(_run.Directory, "checkpoints", "final")} (aim on empty-6x6, seed 0)", output);
            Assert.Contains($"Held-out seeds 1000–1004: {_run.FinalLine}.", output);
        }
    }

    [Fact]
    public void TheLibraryReproducesTheFinalEvaluationExactly()
    {
        RunSpec spec = CheckpointEvaluation.ReadSpec(_run.Directory);

        EvaluationResult result = CheckpointEvaluation.Evaluate(spec, Path.Combine(_run.Directory, "checkpoints", CheckpointEvaluation.Final));

        Assert.Equal(5, result.Episodes);
        Assert.Equal(_run.Final[MetricNames.EvalSuccess], result.SuccessRate);
        Assert.Equal(_run.Final[MetricNames.EvalReturn], result.MeanReturn);
        Assert.Equal(_run.Final[MetricNames.EvalLength], result.MeanLength);
        Assert.Equal(_run.Final[MetricNames.EvalCost], result.MeanCost);
    }

    [Fact]
    public void HelpNamesTheArgumentAndOptions()
    {
        var (code, output, _) = CliRunner.Run("eval", "--help");

        Assert.Equal(0, code);
        Assert.Contains("<checkpoint>", output);
        Assert.Contains("--seed-start", output);
    }

    [Fact]
    public void FlagsThatAgreeWithTheRunAreAccepted()
    {
        var (code, output, error) = CliRunner.Run("eval", _run.Directory, "--task", "empty-6x6", "--method", "aim", "--episodes", "5", "--seed-start", "1000");

        Assert.True(code == 0, error);
        Assert.Contains(_run.FinalLine, output);
    }

    [Fact]
    public void OtherSeedsAndEpisodesAreHeldOutLayoutsToo()
    {
        var (code, output, error) = CliRunner.Run("eval", _run.Directory, "--episodes", "3", "--seed-start", "5000");

        Assert.True(code == 0, error);
        Assert.Contains("Held-out seeds 5000–5002: success ", output);
        Assert.Contains(" of 3), return ", output);
    }

    [Fact]
    public void ACheckpointOutsideARunNeedsTheTaskAndThenEvaluatesAlike()
    {
        string copy = Path.Combine(_run.Root, "loose", "final");
        CopyFolder(Path.Combine(_run.Directory, "checkpoints", "final"), copy);

        var refused = CliRunner.Run("eval", copy);
        Assert.Equal(2, refused.Code);
        Assert.Contains("is not inside a run directory", refused.Error);
        Assert.Contains("give --task", refused.Error);

        // The run changed only harness options, so the default method options rebuild the same networks.
        var (code, output, error) = CliRunner.Run("eval", copy, "--task", "empty-6x6", "--episodes", "5");
        Assert.True(code == 0, error);
        Assert.Contains(_run.FinalLine, output);
    }

    [Fact]
    public void AWrongTaskOrMethodIsRefused()
    {
        var task = CliRunner.Run("eval", _run.Directory, "--task", "doorkey-8x8");
        Assert.Equal(2, task.Code);
        Assert.Equal(
            $"aim: error: The checkpoint was trained on task 'empty-6x6' ({Path.Combine(_run.Directory, "options.json")}), not 'doorkey-8x8'; omit --task to evaluate it on its own task.",
            task.Error.Trim());

        var method = CliRunner.Run("eval", _run.Directory, "--method", "thrifty");
        Assert.Equal(2, method.Code);
        Assert.Contains("was written by method 'aim'", method.Error);

        var unknown = CliRunner.Run("eval", _run.Directory, "--task", "nope");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("Unknown task 'nope'", unknown.Error);

        // Outside a run directory nothing can be checked: a method whose files are not there fails on the first one.
        string copy = Path.Combine(_run.Root, "wrong-method", "final");
        CopyFolder(Path.Combine(_run.Directory, "checkpoints", "final"), copy);
        var missing = CliRunner.Run("eval", copy, "--task", "empty-6x6", "--method", "thrifty");
        Assert.Equal(2, missing.Code);
        Assert.Contains($"No checkpoint file '{Path.Combine(copy, "member0.dat")}'", missing.Error);
    }

    [Fact]
    public void AMissingFolderIsNamed()
    {
        string nowhere = Path.Combine(_run.Root, "no-such-run");

        var (code, _, error) = CliRunner.Run("eval", nowhere);

        Assert.Equal(2, code);
        Assert.Equal($"aim: error: No checkpoint folder '{nowhere}'.", error.Trim());
    }

    [Fact]
    public void AFolderWithoutACheckpointIsNamed()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_run.Root, "empty")).FullName;

        var (code, _, error) = CliRunner.Run("eval", empty);

        Assert.Equal(2, code);
        Assert.Contains($"'{empty}' holds no checkpoint", error);
    }

    [Fact]
    public void ADamagedFileIsRefusedNamingIt()
    {
        string copy = Path.Combine(_run.Root, "damaged");
        CopyFolder(_run.Directory, copy);
        string damaged = Path.Combine(copy, "checkpoints", "final", "proxy_q.dat");
        byte[] bytes = File.ReadAllBytes(damaged);
        Array.Fill(bytes, (byte)0xFF, bytes.Length / 2, 8);
        File.WriteAllBytes(damaged, bytes);

        var (code, output, error) = CliRunner.Run("eval", copy);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"aim: error: Checkpoint file {damaged} fails its checksum", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>One short AIM run on empty-6x6 (200 steps, 5 evaluation episodes) and its final evaluation.</summary>
    public sealed class TrainedRun : IDisposable
    {
        public TrainedRun()
        {
            Root = Path.Combine(Path.GetTempPath(), $"aim-eval-{Guid.NewGuid():N}");
            var (code, output, error) = CliRunner.Run(
                "run", "--method", "aim", "--task", "empty-6x6", "--seed", "0", "--out", Root,
                "--set", "total_env_steps=200", "--set", "warm_up_steps=50", "--set", "eval_episodes=5", "--set", "log_steps=false");
            Assert.True(code == 0, error);
            Directory = output.Split('\n').Single(l => l.StartsWith("Run directory: ", StringComparison.Ordinal))["Run directory: ".Length..].Trim();

            using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "summary.json")));
            Final = new[] { MetricNames.EvalSuccess, MetricNames.EvalReturn, MetricNames.EvalLength, MetricNames.EvalCost }
                .ToDictionary(name => name, name => summary.RootElement.GetProperty("final").GetProperty(name).GetDouble());
            double success = Final[MetricNames.EvalSuccess];
            FinalLine = string.Create(
                CultureInfo.InvariantCulture,
                $"success {success:0.00} ({Math.Round(success * 5):0} of 5), return {Final[MetricNames.EvalReturn]:0.00}, length {Final[MetricNames.EvalLength]:0.0}, cost {Final[MetricNames.EvalCost]:0.00}");
        }

        /// <summary>The run's final evaluation metrics, as summary.json records them.</summary>
        public IReadOnlyDictionary<string, double> Final { get; }

        /// <summary>The folder the run directory was made in (the tests' scratch space too).</summary>
        public string Root { get; }

        /// <summary>The run directory.</summary>
        public string Directory { get; }

        /// <summary>The run's final evaluation as <c>aim eval</c> prints it.</summary>
        public string FinalLine { get; }

        public void Dispose()
        {
            if (System.IO.Directory.Exists(Root))
            {
                System.IO.Directory.Delete(Root, recursive: true);
            }
        }
    }
}
