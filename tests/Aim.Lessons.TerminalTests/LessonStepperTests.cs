namespace Aim.Lessons.TerminalTests;

/// <summary>
/// A person steps through lesson 03 in a terminal: <c>--step</c> pauses after each cell with the cell's heading, its
/// text output and the paths of its charts, and goes on only at Enter; <c>--cell N</c> runs to cell N.
/// </summary>
public sealed class LessonStepperTests : IDisposable
{
    private static readonly TimeSpan s_firstCell = TimeSpan.FromMinutes(6);   // the first run compiles the lesson
    private static readonly TimeSpan s_cell = TimeSpan.FromMinutes(2);
    private readonly string _root = RepositoryRoot();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "aim-lesson-terminal-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public void StepPausesAfterEachCellAndGoesOnAtEnter()
    {
        using TmuxTerminal terminal = TmuxTerminal.Start(Lesson("--step"), _root);

        string screen = terminal.WaitFor("── paused after cell 4 · 03 · AIM step by step", s_firstCell);
        Assert.Contains("── cell 4 · 03 · AIM step by step\nfast mode True\n── paused after cell 4", screen);
        Thread.Sleep(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain("── cell 6", terminal.Screen());

        // Each Enter runs exactly one more cell.
        int[] cells = [6, 8, 10, 12, 14, 16, 18, 20];
        for (int i = 0; i < cells.Length; i++)
        {
            terminal.TypeLine(string.Empty);
            screen = terminal.WaitFor($"── paused after cell {cells[i]}", s_cell);
            Assert.DoesNotContain($"── cell {(i + 1 < cells.Length ? cells[i + 1] : 22)}", screen);
        }

        Assert.Contains("── paused after cell 6 · Hyper-parameters\n", screen);
        Assert.Contains("── cell 10 · Phase 1: warm-up\n{ EnvSteps = 100,", screen);
        string chart = Path.Combine(_output, "01-chart.html");
        Assert.Contains($"── paused after cell 20 · Phase 4: β is a quantile\n   chart: {chart}\n", screen);
        Assert.True(File.Exists(chart), $"{chart} was announced but not written");
        Assert.Contains("<html", File.ReadAllText(chart));

        terminal.TypeLine("q");
        screen = terminal.WaitFor("exited with", s_cell);
        Assert.Contains("── stopped after cell 20\nexited with 0", screen);
        Assert.DoesNotContain("── cell 22", screen);
    }

    [Fact]
    public void CellRunsToThatCellAndStops()
    {
        string screen = RunToExit("--cell 8");
        Assert.Contains("lesson 03-aim-step-by-step: running to cell 8", screen);
        Assert.Contains("── cell 8 · Hyper-parameters\n", screen);
        Assert.Contains("── stopped after cell 8 (--cell 8)\nexited with 0", screen);
        Assert.DoesNotContain("paused", screen);
    }

    [Fact]
    public void ACellThatIsNotACodeCellIsNamed()
    {
        string screen = RunToExit("--cell 5");
        Assert.Contains("03-aim-step-by-step: --cell 5 is not a code cell of this lesson; expected one of 4, 6, 8,", screen);
        Assert.Contains("exited with 2", screen);
    }

    // Runs the lesson with options that need no keys and returns the screen once it has exited.
    private string RunToExit(string options)
    {
        using TmuxTerminal terminal = TmuxTerminal.Start(Lesson(options), _root);
        return terminal.WaitFor("exited with", s_firstCell);
    }

    private string Lesson(string options) =>
        $"AIM_FAST=1 dotnet run notebooks/scripts/03-aim-step-by-step.cs -- {options} {_output}";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aim.Notebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Aim.Notebooks.sln above {AppContext.BaseDirectory}.");
    }
}
