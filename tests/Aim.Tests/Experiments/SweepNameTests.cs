using Aim.Experiments.Sweeps;

namespace Aim.Tests.Experiments;

public class SweepNameTests
{
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("..\\\\escape")]
    [InlineData(" ")]
    public void NameThatIsNotOneFolderIsRefused(string name)
    {
        string json = $$"""{ "name": "{{name.Replace("\\", "\\\\", StringComparison.Ordinal)}}", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1 }""";
        var ex = Assert.Throws<ArgumentException>(() => SweepConfig.Parse(json, "cfg.json"));
        Assert.Contains($"cfg.json: 'name' must be a single folder name", ex.Message);
        Assert.Contains($"got '{name}'", ex.Message);
    }

    [Theory]
    [InlineData("delta")]
    [InlineData("compare__multiroom-6__20250101-120000")]
    [InlineData("v1.2")]
    public void OrdinaryNamesAreAccepted(string name) => Assert.True(SweepConfig.IsFolderName(name));

    [Fact]
    public void ParentNameCannotEscapeTheOutputFolderFromTheCommandLine()
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-name-{Guid.NewGuid():N}");
        string output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        try
        {
            string config = Path.Combine(root, "up.json");
            File.WriteAllText(config, """{ "name": "..", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 1, "set": { "total_env_steps": 0 } }""");
            var (code, _, error) = Aim.Tests.Cli.CliRunner.Run("sweep", "--config", config, "--out", output);
            Assert.Equal(2, code);
            Assert.Contains("'name' must be a single folder name", error);
            Assert.False(File.Exists(Path.Combine(root, SweepManifest.FileName)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
