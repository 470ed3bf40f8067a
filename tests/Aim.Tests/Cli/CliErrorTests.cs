using Aim.Experiments.Running;
using Aim.Experiments.Sweeps;

namespace Aim.Tests.Cli;

public class CliErrorTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("sweep")]
    [InlineData("merge")]
    [InlineData("eval")]
    [InlineData("play")]
    public void EveryCommandHasHelp(string command)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output);
        Assert.Contains("--", output);
    }

    [Fact]
    public void UnknownMethodListsTheKnownOnes()
    {
        var (code, _, error) = CliRunner.Run("compare", "--methods", "aim,nope", "--seeds", "1");
        Assert.Equal(2, code);
        Assert.Equal("aim: error: Unknown method 'nope'. Known methods: " + string.Join(", ", Aim.Experiments.Catalog.MethodCatalog.Names) + ".", error.Trim());
    }

    [Fact]
    public void UnknownTaskListsTheKnownOnes()
    {
        var (code, _, error) = CliRunner.Run("run", "--task", "nope");
        Assert.Equal(2, code);
        Assert.Contains("Unknown task 'nope'. Known tasks: ", error);
        Assert.Contains("multiroom-6", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void UnknownOptionKeyListsHarnessAndMethodKeys()
    {
        var (code, _, error) = CliRunner.Run("run", "--set", "deltaa=0.1");
        Assert.Equal(2, code);
        Assert.Contains("Unknown option 'deltaa' for method 'aim'. Valid options: total_env_steps", error);
        Assert.Contains("delta", error);
        Assert.Contains("eval_every", error);
    }

    [Fact]
    public void BadValuesAreNamed()
    {
        Assert.Contains("'abc' is not a Double", CliRunner.Run("run", "--set", "delta=abc").Error);
        Assert.Contains("--seeds must be a positive count, got -2", CliRunner.Run("compare", "--methods", "aim", "--seeds", "-2").Error);
        Assert.Contains("is not key=value", CliRunner.Run("run", "--set", "delta").Error);
        Assert.Contains("--parallel must be at least 1", CliRunner.Run("compare", "--methods", "aim", "--parallel", "0").Error);
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("1")]
    [InlineData("-1/4")]
    [InlineData("a/b")]
    public void BadShardSpecIsRejected(string shard)
    {
        var ex = Assert.Throws<ArgumentException>(() => ShardSpec.Parse(shard));
        Assert.Contains($"Bad shard '{shard}': expected i/N", ex.Message);
        var (code, _, error) = CliRunner.Run("sweep", "--config", "no-such.json", "--shard", shard);
        Assert.Equal(2, code);
        Assert.Contains("Bad shard", error);
    }

    [Fact]
    public void ShardsCoverThePlanOnce()
    {
        SweepPlan plan = SweepPlan.From(SweepConfig.Parse("""{ "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 5, "grid": { "delta": [0.05, 0.1] } }"""));
        Assert.Equal(10, plan.Runs.Count);
        int[] covered = Enumerable.Range(0, 3).SelectMany(i => plan.Shard(new ShardSpec(i, 3))).Select(r => r.Index).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 10), covered);
        Assert.Equal("empty-6x6__aim__delta-0.1__s4", plan.Runs[^1].Id);
    }

    [Fact]
    public void MethodSettingsApplyToTheirMethodOnlyAndAfterTheSharedOnes()
    {
        SweepPlan plan = SweepPlan.From(SweepConfig.Parse("""
            { "name": "t", "tasks": ["empty-6x6"], "methods": ["aim", "bc"], "seeds": 1,
              "set": { "total_env_steps": 400 },
              "method_set": { "bc": { "total_env_steps": 300, "warm_up_steps": 300 } } }
            """));
        RunSpec aim = plan.Runs.Single(r => r.Method == "aim").ToSpec();
        RunSpec bc = plan.Runs.Single(r => r.Method == "bc").ToSpec();
        Assert.Equal(400, aim.Trainer.TotalEnvSteps);
        Assert.Equal(300, bc.Trainer.TotalEnvSteps);
        Assert.Equal(300, bc.Trainer.WarmUpSteps);

        var unknown = Assert.Throws<ArgumentException>(() => SweepPlan.From(SweepConfig.Parse("""
            { "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1, "method_set": { "pvp": { "free_level": 0.9 } } }
            """)));
        Assert.Contains("method_set names 'pvp'", unknown.Message);
    }

    [Fact]
    public void UnknownGridKeyAndMissingConfigAreErrors()
    {
        var ex = Assert.Throws<ArgumentException>(() => SweepPlan.From(SweepConfig.Parse("""{ "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1, "grid": { "dleta": [1] } }""")));
        Assert.Contains("grid key 'dleta' is an option of none of aim. Valid options: total_env_steps", ex.Message);
        Assert.Contains("No sweep config", CliRunner.Run("sweep", "--config", "no-such.json").Error);
    }

    [Fact]
    public void UnwritableOutputFolderIsAnError()
    {
        string file = Path.GetTempFileName();
        try
        {
            var (code, _, error) = CliRunner.Run(["compare", "--methods", "aim", "--seeds", "1", "--out", Path.Combine(file, "sub"), .. CliRunner.TinyBudget]);
            Assert.Equal(2, code);
            Assert.Contains("Cannot write to the output folder", error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
