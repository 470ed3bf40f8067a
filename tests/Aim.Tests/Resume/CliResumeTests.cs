using System.Diagnostics;
using Aim.Core.Resume;
using Aim.Experiments.Running;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Resume;

/// <summary>
/// <c>aim run --resume</c>: a real <c>aim run</c> process killed with SIGKILL continues to the uninterrupted run's
/// results; damaged or unfitting resume points, finished runs, a person's runs and extra options are refused with a
/// message naming the problem, and nothing on disk changes.
/// </summary>
[Collection(SerialRuns.Name)]
public sealed class CliResumeTests : IDisposable
{
    private static readonly string[] s_budget =
    [
        "--task", "lavacrossing-s9n1", "--method", "aim", "--seed", "1", "--steps", "420",
        "--set", "warm_up_steps=40", "--set", "eval_every=60", "--set", "eval_episodes=2", "--set", "update_every=20",
        "--set", "q_initial_steps=20", "--set", "q_steps_per_update=5", "--set", "policy.initial_steps=20", "--set", "policy.steps_per_update=5",
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "aim-cli-resume-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ProcessKilledWithSigkillResumesToTheUninterruptedRun()
    {
        var (code, _, error) = CliRunner.Run(["run", .. s_budget, "--out", Path.Combine(_root, "full")]);
        Assert.True(code == 0, error);
        string full = Directory.GetDirectories(Path.Combine(_root, "full")).Single();

        string killed = RunUntilResumePointThenKill(Path.Combine(_root, "killed"));
        (code, string output, error) = CliRunner.Run("run", "--resume", killed);

        Assert.True(code == 0, error);
        Assert.Contains("Resuming aim on lavacrossing-s9n1, seed 1", output);
        ResumeRuns.SameLogs(full, killed);
        Assert.True(File.Exists(Path.Combine(killed, "summary.json")));
        Assert.True(File.Exists(Path.Combine(killed, "report.html")));
    }

    [Fact]
    public void DamagedResumePointIsRefusedNamingTheFileAndLeavesTheLogsAlone()
    {
        string run = KilledRun();
        string state = Path.Combine(run, InteractiveTrainer<byte[], int>.ResumeFileName);
        using (var stream = new FileStream(state, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Seek(-100, SeekOrigin.End);
            stream.Write(new byte[8]);
        }

        string metricsBefore = File.ReadAllText(Path.Combine(run, "metrics.csv"));
        var (code, _, error) = CliRunner.Run("run", "--resume", run);

        Assert.Equal(2, code);
        Assert.Contains(state, error);
        Assert.Contains("checksum does not match", error);
        Assert.Equal(metricsBefore, File.ReadAllText(Path.Combine(run, "metrics.csv")));
        Assert.False(File.Exists(Path.Combine(run, "summary.json")));
    }

    [Fact]
    public void ResumePointOfAnotherMethodIsRefusedNamingTheDifference()
    {
        string run = KilledRun();
        RunSpec bc = RunSettings.Build("lavacrossing-s9n1", "bc", 1, [new("warm_up_steps", "40"), new("eval_every", "60"), new("eval_episodes", "2"), new("update_every", "20"), new("total_env_steps", "420")]);
        ExperimentRunner.WriteOptions(run, bc);

        var (code, _, error) = CliRunner.Run("run", "--resume", run);

        Assert.Equal(2, code);
        Assert.Contains("the setting method was aim when the resume point was written but is bc now", error);
    }

    [Fact]
    public void ChangedRecordedOptionIsRefusedNamingIt()
    {
        string run = KilledRun();
        string options = Path.Combine(run, "options.json");
        string text = File.ReadAllText(options);
        Assert.Contains("\"TdWeight\": 0.1,", text);
        File.WriteAllText(options, text.Replace("\"TdWeight\": 0.1,", "\"TdWeight\": 0.3,", StringComparison.Ordinal));

        var (code, _, error) = CliRunner.Run("run", "--resume", run);

        Assert.Equal(2, code);
        Assert.Contains("methodOptions.TdWeight is 0.3 but this version builds 0.1", error);
    }

    [Fact]
    public void EditedSettingThatShapedWrittenRowsIsRefusedNamingBothValues()
    {
        string run = KilledRun();
        string options = Path.Combine(run, "options.json");
        string recorded = File.ReadAllText(options);
        string metricsBefore = File.ReadAllText(Path.Combine(run, "metrics.csv"));
        string resumePoint = Path.Combine(run, InteractiveTrainer<byte[], int>.ResumeFileName);

        // Each of these shaped a row already written: the evaluations' episodes, the warm-up, the seed of the layouts.
        foreach ((string key, string was, string edited) in new[] { ("EvalEpisodes", "2", "3"), ("WarmUpSteps", "40", "30"), ("EvalSeedStart", "1000", "2000"), ("LogSteps", "true", "false") })
        {
            File.WriteAllText(options, Edit(recorded, key, was, edited));
            var (code, output, error) = CliRunner.Run("run", "--resume", run);
            Assert.Equal(2, code);
            Assert.Contains($"the setting trainer.{key} was {was} when the resume point was written but is {edited} now", error);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.Equal(string.Empty, output);
            Assert.Equal(metricsBefore, File.ReadAllText(Path.Combine(run, "metrics.csv")));
            Assert.True(File.Exists(resumePoint));
        }

        // A budget below what the run had done at its resume point cannot be met.
        long taken;
        using (StateReader head = StateFile.Open(resumePoint))
        {
            head.Section("run");
            _ = head.ReadInt32();
            _ = head.ReadString();
            taken = head.ReadInt64();
        }

        Assert.InRange(taken, 42, 419);
        string low = (taken - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(options, Edit(recorded, "TotalEnvSteps", "420", low));
        var (lowCode, _, lowError) = CliRunner.Run("run", "--resume", run);
        Assert.Equal(2, lowCode);
        Assert.Contains($"trainer.TotalEnvSteps is {low} but the run had taken {taken} steps at its resume point; give at least {taken}", lowError);

        // The budget decides only when the run stops: raising it extends the killed run.
        File.WriteAllText(options, Edit(recorded, "TotalEnvSteps", "420", "480"));
        var (extendedCode, _, extendedError) = CliRunner.Run("run", "--resume", run);
        Assert.True(extendedCode == 0, extendedError);
        string last = File.ReadLines(Path.Combine(run, "metrics.csv")).Last();
        string[] header = File.ReadLines(Path.Combine(run, "metrics.csv")).First().Split(',');
        Assert.Equal("480", last.Split(',')[Array.IndexOf(header, MetricNames.EnvSteps)]);
    }

    [Fact]
    public void ResumingOnAnotherNumericPathWarnsAndStillFinishes()
    {
        string run = KilledRun();
        string options = Path.Combine(run, "options.json");
        string text = File.ReadAllText(options);
        NumericEnvironment here = NumericEnvironment.Current();
        NumericEnvironment elsewhere = here with { AtenCapability = "ELSEWHERE" };
        string recorded = $"\"AtenCapability\": \"{here.AtenCapability}\"";
        Assert.Contains(recorded, text);
        File.WriteAllText(options, text.Replace(recorded, "\"AtenCapability\": \"ELSEWHERE\"", StringComparison.Ordinal));

        var (code, _, error) = CliRunner.Run("run", "--resume", run);

        Assert.Equal(0, code);
        Assert.Contains($"warning: the run started on numeric path '{elsewhere.Path}' and continues on '{here.Path}'", error);
    }

    [Fact]
    public void FinishedRunAndPersonsRunAndExtraOptionsAreRefused()
    {
        string run = KilledRun();
        var (code, _, error) = CliRunner.Run("run", "--resume", run, "--seed", "4");
        Assert.Equal(2, code);
        Assert.Contains("drop --seed", error);

        string options = Path.Combine(run, "options.json");
        string recorded = File.ReadAllText(options);
        File.WriteAllText(options, recorded.Replace("\"seed\": 1,", "\"seed\": 1,\n  \"expert\": \"human\",", StringComparison.Ordinal));
        (code, _, error) = CliRunner.Run("run", "--resume", run);
        Assert.Equal(2, code);
        Assert.Contains("was answered by 'human'", error);

        File.WriteAllText(options, recorded);
        File.WriteAllText(Path.Combine(run, "summary.json"), "{}");
        (code, string output, error) = CliRunner.Run("run", "--resume", run);
        Assert.Equal(2, code);
        Assert.Contains("has finished", error);
        Assert.Equal(string.Empty, output);

        (code, _, error) = CliRunner.Run("run", "--resume", Path.Combine(_root, "nowhere"));
        Assert.Equal(2, code);
        Assert.Contains("no run directory", error);
    }

    [Fact]
    public void StateOfAnotherShapeFailsAtTheFirstSection()
    {
        using var writer = new StateWriter();
        writer.Section("grid-env");
        writer.Write(42);
        string path = Path.Combine(_root, "other.state");
        StateFile.Save(path, writer);

        using StateReader reader = StateFile.Open(path);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => reader.Section("run"));
        Assert.Contains("expected section 'run' but found 'grid-env'", e.Message);
        Assert.Contains(path, e.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>options.json with the trainer option <paramref name="key"/> changed from <paramref name="was"/> to <paramref name="value"/>.</summary>
    private static string Edit(string options, string key, string was, string value)
    {
        string from = $"\"{key}\": {was}";
        Assert.Contains(from, options);
        return options.Replace(from, $"\"{key}\": {value}", StringComparison.Ordinal);
    }

    private string KilledRun()
    {
        RunSpec spec = RunSettings.Build("lavacrossing-s9n1", "aim", 1, [
            new("total_env_steps", "420"), new("warm_up_steps", "40"), new("eval_every", "60"), new("eval_episodes", "2"),
            new("update_every", "20"), new("q_initial_steps", "20"), new("q_steps_per_update", "5"),
            new("policy.initial_steps", "20"), new("policy.steps_per_update", "5")]);
        return ResumeRuns.Kill(spec, Path.Combine(_root, "killed-in-process"), stepsAfterResumePoint: 10);
    }

    /// <summary>Starts <c>aim run</c> as its own process, waits for its first resume point and a little more, then SIGKILLs it.</summary>
    private static string RunUntilResumePointThenKill(string root)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "aim.dll"), "run", .. s_budget, "--out", root])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        string? state = null;
        while (state is null && clock.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
        {
            state = Directory.Exists(root)
                ? Directory.GetFiles(root, "resume.state", SearchOption.AllDirectories).FirstOrDefault()
                : null;
            Thread.Sleep(20);
        }

        Assert.True(state is not null, "the run wrote no resume point before it ended");
        long steps = ResumePointSteps(state!);

        // Let it run past the resume point, so the logs hold rows the resumed run must drop.
        string run = Path.GetDirectoryName(Path.GetDirectoryName(state))!;
        while (!process.HasExited && File.ReadLines(Path.Combine(run, "steps.csv")).Count() - 1 < steps + 30 && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            Thread.Sleep(20);
        }

        Assert.False(process.HasExited, "the run ended before it could be killed");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        Assert.False(File.Exists(Path.Combine(run, "summary.json")));
        return run;
    }

    private static long ResumePointSteps(string state)
    {
        using StateReader reader = StateFile.Open(state);
        reader.Section("run");
        reader.ReadInt32();
        reader.ReadString();
        return reader.ReadInt64();
    }
}
