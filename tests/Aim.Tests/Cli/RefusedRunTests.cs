namespace Aim.Tests.Cli;

public class RefusedRunTests
{
    [Theory]
    [InlineData("compare", "--methods", "aim", "--seeds", "2")]
    [InlineData("run", "--method", "aim")]
    public void OutOfRangeMethodOptionIsRefusedBeforeAnyRunAndLeavesNoFolder(params string[] command)
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-refused-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var (code, output, error) = CliRunner.Run([.. command, "--task", "empty-6x6", "--out", root, "--set", "delta=1.5", .. CliRunner.TinyBudget]);
            Assert.Equal(2, code);
            Assert.Contains("Option 'delta' of method 'aim': 1.5 is out of range: δ must lie in (0, 1).", error);
            Assert.DoesNotContain("Started", output);
            Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void DecimalCommaOnTheCommandLineIsRefused()
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-refused-{Guid.NewGuid():N}");
        try
        {
            var (code, _, error) = CliRunner.Run(["run", "--task", "empty-6x6", "--out", root, "--set", "td_weight=0,5", .. CliRunner.TinyBudget]);
            Assert.Equal(2, code);
            Assert.Contains("Option 'td_weight': '0,5' is not a Double", error);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
