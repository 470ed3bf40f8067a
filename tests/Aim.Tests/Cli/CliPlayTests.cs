using System.Net;
using System.Net.Sockets;

namespace Aim.Tests.Cli;

/// <summary><c>aim play</c> refuses bad input with one line naming the value, and leaves no run folder behind.</summary>
public sealed class CliPlayTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "aim-cli-play-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Theory]
    [InlineData("Unknown task 'nope'", "--task", "nope")]
    [InlineData("never asks", "--method", "bc")]
    [InlineData("--delay 99999 is out of range", "--delay", "99999")]
    [InlineData("Port 70000 is out of range", "--port", "70000")]
    [InlineData("Host 'example.com' is not an IP address", "--host", "example.com")]
    [InlineData("grid tasks only", "--task", "driving-toy", "--stand-in")]
    [InlineData("delta", "--set", "delta=1.5")]
    public void BadInputIsOneLineAndNoFolder(string expected, params string[] arguments)
    {
        var (code, _, error) = CliRunner.Run(["play", "--out", _out, .. arguments]);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.OrdinalIgnoreCase);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(Directory.Exists(_out) && Directory.EnumerateFileSystemEntries(_out, "*", SearchOption.AllDirectories).Any(f => !Path.GetFileName(f).StartsWith('.')));
    }

    [Fact]
    public void ATakenPortIsRefusedAndLeavesNoRunFolder()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (code, _, error) = CliRunner.Run("play", "--task", "empty-6x6", "--out", _out, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, code);
        Assert.Contains("--port", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateDirectories(_out));
    }
}
