using Aim.Interactive;

namespace Aim.Tests.Interactive;

public class ProgressTests
{
    [Fact]
    public void OutsideAKernelProgressPrintsThrottledPlainLinesAndTheFinalOne()
    {
        Assert.False(Notebook.IsInKernel);
        var original = Console.Out;
        var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            using (var progress = Progress.Start("train", total: 1000))
            {
                for (int i = 1; i <= 1000; i++)
                {
                    progress.Report(i, $"loss {1.0 / i:F3}");
                }
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 2, 4);
        Assert.StartsWith("train  [--------------------]  0/1000  0%", lines[0]);
        Assert.Contains("1000/1000  100%", lines[^1]);
        Assert.EndsWith("loss 0.001", lines[^1]);
    }

    [Fact]
    public void ProgressWithoutATotalCountsOnly()
    {
        var progress = Progress.Start("episodes", total: 0);
        progress.Increment();
        progress.Increment("done");
        Assert.Equal(2, progress.Current);
        Assert.StartsWith("episodes  2  ", progress.ToString());
        Assert.EndsWith("done", progress.ToString());
    }

    [Fact]
    public void LiveDisplayIsPlainOutsideAKernelAndIgnoresUpdatesAfterCompletion()
    {
        var display = LiveDisplay.Show(42);
        Assert.False(display.IsLive);
        display.Complete();
        int shown = display.ShownCount;
        display.Update("late");
        Assert.Equal(shown, display.ShownCount);
    }

    [Fact]
    public void FastPicksTheBudgetFromTheEnvironment()
    {
        string? saved = Environment.GetEnvironmentVariable(Notebook.FastVariable);
        try
        {
            Environment.SetEnvironmentVariable(Notebook.FastVariable, "1");
            Assert.True(Notebook.IsFast);
            Assert.Equal(10, Notebook.Fast(full: 1000, fast: 10));
            Environment.SetEnvironmentVariable(Notebook.FastVariable, null);
            Assert.False(Notebook.IsFast);
            Assert.Equal(1000, Notebook.Fast(full: 1000, fast: 10));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Notebook.FastVariable, saved);
        }
    }
}
