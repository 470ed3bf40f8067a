using Aim.Cli.Execution;

namespace Aim.Tests.Cli;

public class NoiseAndHelpTests
{
    [Fact]
    public void AFailedChildIsReportedByItsErrorNotByTheNnpackWarning()
    {
        string[] stderr =
        [
            "[W1130 08:01:02.123456789 NNPACK.cpp:56] Could not initialize NNPACK! Reason: Unsupported hardware.",
            "[W1130 08:01:02.223456789 NNPACK.cpp:56] Could not initialize NNPACK! Reason: Unsupported hardware.",
            "Unhandled exception. System.IO.IOException: No space left on device",
            "   at Aim.Learning.Logging.CsvLog.Flush()",
        ];
        Assert.Equal("Unhandled exception. System.IO.IOException: No space left on device", ChildProcessLauncher.FailureMessage(stderr));
        Assert.True(ChildProcessLauncher.IsNoise(stderr[0]));
        Assert.False(ChildProcessLauncher.IsNoise(stderr[2]));
        Assert.Equal("no message", ChildProcessLauncher.FailureMessage(stderr.Take(2)));
    }

    [Theory]
    [InlineData("run", "Folder in which the run directory {task}__{method}__s{seed}__{time}/ is created (created if missing). [default: runs]")]
    [InlineData("compare", "Folder in which the compare folder compare__{task}__{time}/ is created (created if missing). [default: runs]")]
    [InlineData("sweep", "Folder in which the sweep folder {name}/ is created (created if missing). [default: sweeps]")]
    public void TheOutFolderHelpReadsAsASentence(string command, string expected)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        string help = string.Join(" ", output.Split('\n').Select(l => l.Trim()));
        Assert.Contains(expected, help);
        Assert.DoesNotContain("go into", help);
        Assert.DoesNotContain("(default", help);
    }
}
