using Aim.Experiments.Sweeps;

namespace Aim.Tests.Experiments;

public class SweepDuplicateKeyTests
{
    [Theory]
    [InlineData("""{ "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "methods": ["bc"], "seeds": 1 }""", "key 'methods' appears twice at the top level")]
    [InlineData("""{ "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1, "set": { "delta": 0.1, "delta": 0.2 } }""", "key 'delta' appears twice in \"set\"")]
    [InlineData("""{ "name": "t", "tasks": ["empty-6x6"], "methods": ["bc"], "seeds": 1, "method_set": { "bc": { "warm_up_steps": 50, "warm_up_steps": 60 } } }""", "key 'warm_up_steps' appears twice in \"method_set.bc\"")]
    [InlineData("""{ "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1, "grid": { "delta": [0.1], /* twice */ "delta": [0.2], } }""", "key 'delta' appears twice in \"grid\"")]
    public void AKeyGivenTwiceIsRefusedNamingIt(string json, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => SweepConfig.Parse(json, "c.json"));
        Assert.Equal($"c.json: {expected}; give each key once.", ex.Message);
    }

    [Fact]
    public void EqualKeysInDifferentObjectsAreFine()
    {
        SweepConfig config = SweepConfig.Parse("""
            { "name": "t", "tasks": ["empty-6x6"], "methods": ["aim", "bc"], "seeds": 1,
              "set": { "total_env_steps": 400 },
              "method_set": { "bc": { "total_env_steps": 300 }, "aim": { "total_env_steps": 500 } } }
            """);
        Assert.Equal(["aim", "bc"], config.Methods);
        Assert.Equal(300, config.MethodSet["bc"]["total_env_steps"].GetInt32());
    }

    [Fact]
    public void TheCommandLineRefusesItWithOneLine()
    {
        string file = Path.Combine(Path.GetTempPath(), $"dup-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "methods": ["bc"], "seeds": 1 }""");
        try
        {
            var (code, output, error) = Cli.CliRunner.Run("sweep", "--config", file, "--out", Path.GetTempPath());
            Assert.Equal(2, code);
            Assert.Equal($"aim: error: {file}: key 'methods' appears twice at the top level; give each key once.", error.Trim());
            Assert.Equal(string.Empty, output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
