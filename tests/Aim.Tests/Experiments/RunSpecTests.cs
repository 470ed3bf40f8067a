using System.Text.Json;
using Aim.Experiments.Running;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Experiments;

[Collection(SerialRuns.Name)]
public class RunSpecTests
{
    private static readonly TrainerOptions s_tiny = new() { Seed = 1, TotalEnvSteps = 30, WarmUpSteps = 20, EvalEvery = 0, EvalEpisodes = 1, LogSteps = false };

    [Fact]
    public void SettingsAreParsedIntoTypedOptionsWhenTheSpecIsBuilt()
    {
        RunSpec spec = RunSettings.Build("multiroom-6", "aim", 3, [new("delta", "0.1"), new("total_env_steps", "500")]);

        Assert.Equal(0.1, Assert.IsType<AimOptions>(spec.MethodOptions).Delta);
        Assert.Equal(500, spec.Trainer.TotalEnvSteps);
        Assert.Equal(3, spec.Seed);
        Assert.Equal(new Dictionary<string, string> { ["delta"] = "0.1" }, spec.Overrides);
    }

    [Fact]
    public void TheMethodIsBuiltWithTheSpecsOwnOptionsRecord()
    {
        RunSpec spec = RunSettings.Build("empty-5x5", "aim", 0, [new("delta", "0.1")]);
        using ITrainer trainer = Experiment.Create(spec);
        Assert.Same(spec.MethodOptions, Assert.IsType<AimMethod>(trainer.Method).Options);

        var typed = new RunSpec("empty-5x5", "aim", s_tiny, AimOptions.Driving with { Delta = 0.3 });
        using ITrainer fromRecord = Experiment.Grid(typed);
        Assert.Same(typed.MethodOptions, Assert.IsType<AimMethod>(fromRecord.Method).Options);
        Assert.Empty(typed.Overrides);
    }

    [Fact]
    public void TheRunWritesTheSpecsOptionsAndOverrides()
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-spec-{Guid.NewGuid():N}");
        try
        {
            var spec = new RunSpec("empty-5x5", "aim", s_tiny, new Dictionary<string, string> { ["delta"] = "0.1", ["policy.initial_steps"] = "5", ["q_initial_steps"] = "5" });
            RunResult result = ExperimentRunner.Run(spec, runsRoot: root);

            using JsonDocument options = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.Directory!, "options.json")));
            Assert.Equal(0.1, options.RootElement.GetProperty("methodOptions").GetProperty("Delta").GetDouble());
            Assert.Equal("0.1", options.RootElement.GetProperty("overrides").GetProperty("delta").GetString());
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void ATypedRecordIsCheckedLikeSettings()
    {
        var other = Assert.Throws<ArgumentException>(() => new RunSpec("empty-5x5", "aim", s_tiny, new ThriftyOptions()));
        Assert.Contains("Method 'aim' takes AimOptions, not ThriftyOptions.", other.Message);

        var range = Assert.Throws<ArgumentOutOfRangeException>(() => new RunSpec("empty-5x5", "aim", s_tiny, new AimOptions { Delta = 1.5 }));
        Assert.Equal("delta", range.ParamName);
        Assert.Contains("Option 'delta' of method 'aim': 1.5 is out of range", range.Message);
    }

    [Fact]
    public void AnotherHarnessKeepsTheOptionsAndIsChecked()
    {
        var spec = new RunSpec("empty-5x5", "thrifty", s_tiny, new Dictionary<string, string> { ["alpha"] = "0.05" });
        RunSpec other = spec with { Trainer = spec.Trainer with { Seed = 7 } };

        Assert.Equal(7, other.Seed);
        Assert.Equal(1, spec.Seed);
        Assert.Same(spec.MethodOptions, other.MethodOptions);
        Assert.Same(spec.Overrides, other.Overrides);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => spec with { Trainer = spec.Trainer with { TotalEnvSteps = 0 } });
        Assert.Contains("Option 'total_env_steps' of the harness: 0 is out of range", e.Message);
    }
}
