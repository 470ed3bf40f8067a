namespace Aim.Tests.Cli;

public class ParseErrorTests
{
    [Theory]
    [InlineData("aim: error: --steps takes a whole number from -2147483648 to 2147483647, got '99999999999999'.", "run", "--steps", "99999999999999")]
    [InlineData("aim: error: aim run does not take '--bogus'; see 'aim run --help'.", "run", "--bogus")]
    [InlineData("aim: error: --seed takes a whole number from -2147483648 to 2147483647, got '1.5'.", "run", "--seed", "1.5")]
    [InlineData("aim: error: --target takes a number, got 'high'.", "compare", "--methods", "aim", "--target", "high")]
    [InlineData("aim: error: --seeds takes a whole number from -2147483648 to 2147483647, got 'three'.", "compare", "--methods", "aim", "--seeds", "three")]
    [InlineData("aim: error: Option '--config' is required; see 'aim sweep --help'.", "sweep")]
    [InlineData("aim: error: --parallel takes a whole number from -2147483648 to 2147483647, got 'x'.", "sweep", "--config", "c.json", "--parallel", "x")]
    [InlineData("aim: error: aim merge does not take '--nope'; see 'aim merge --help'.", "merge", "--nope", "--inputs", "a", "--out", "b")]
    [InlineData("aim: error: --episodes takes a whole number from -2147483648 to 2147483647, got '5e3'.", "eval", "run-dir", "--episodes", "5e3")]
    [InlineData("aim: error: --port takes a whole number from -2147483648 to 2147483647, got 'http'.", "play", "--port", "http")]
    [InlineData("aim: error: aim does not take 'runn'; see 'aim --help'.", "runn")]
    public void EveryParseErrorIsOneLineAndExitCodeTwo(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(expected, error.TrimEnd());
        Assert.DoesNotContain('\n', error.TrimEnd());
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void AMissingValueNamesTheOption()
    {
        var (code, output, error) = CliRunner.Run("run", "--steps");
        Assert.Equal(2, code);
        Assert.StartsWith("aim: error: ", error);
        Assert.Contains("'--steps'", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void HelpStillWinsOverAnError()
    {
        var (code, output, _) = CliRunner.Run("run", "--bogus", "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output);
    }
}
