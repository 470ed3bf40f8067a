using Xunit.Abstractions;
using Xunit.Sdk;

namespace Aim.Tests.Golden;

/// <summary>
/// Says what the golden runs found where the test runner shows it on every run: xUnit's diagnostic messages (turned on
/// in xunit.runner.json), which <c>dotnet test</c> prints at its default verbosity, unlike a passing test's own output.
/// </summary>
public sealed class GoldenReport
{
    private readonly IMessageSink _sink;

    public GoldenReport(IMessageSink sink)
    {
        _sink = sink;
    }

    /// <summary>Shows <paramref name="message"/> in the test run's output.</summary>
    public void Say(string message) => _sink.OnMessage(new DiagnosticMessage(message));
}
