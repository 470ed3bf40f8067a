using System.Diagnostics;
using System.Globalization;
using Aim.Cli.Execution;
using Aim.Experiments.Running;

namespace Aim.Tests.Cli;

/// <summary>
/// A sweep's child run (<c>aim run --child</c>, started with the sweep's process id) ends when the pipe on its standard
/// input closes, as it does when the sweep dies however it dies, and the run folder's lock goes with it.
/// </summary>
public sealed class ChildLifetimeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aim-child-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void AChildEndsWhenItsParentsPipeCloses()
    {
        string run = Path.Combine(_root, "run");

        // A budget far beyond the test's patience: only the closed pipe can end the child in time.
        using Process child = StartChild(run, "total_env_steps=10000000");
        try
        {
            WaitUntilHeld(run, child);

            child.StandardInput.Close();

            Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), "the child ran on after its parent's pipe closed");
            RunLock.EnsureFree(run);
            Assert.False(File.Exists(Path.Combine(run, "summary.json")));
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartChild(string run, string budget)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment[ParentWatch.ParentVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (string argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "aim.dll"), "run", "--task", "empty-6x6", "--method", "aim", "--set", budget, "--run-dir", run, "--child"])
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until the child holds its run folder, so it is past its start-up and writing the run.</summary>
    private static void WaitUntilHeld(string run, Process child)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && !child.HasExited)
        {
            try
            {
                RunLock.EnsureFree(run);
            }
            catch (InvalidOperationException)
            {
                return;
            }

            Thread.Sleep(50);
        }

        Assert.Fail(child.HasExited ? $"the child ended with code {child.ExitCode} before it held its run folder" : "the child did not take its run folder within 2 minutes");
    }
}
