using Aim.Interactive;
using Aim.Interactive.Lessons;
using Plotly.NET.CSharp;

namespace Aim.Tests.Interactive;

public sealed class LessonTests : IDisposable
{
    private static readonly int[] s_cells = [2, 4, 6];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aim-lesson-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _console = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void SteppingPausesAfterEachCellWithItsHeadingAndCharts()
    {
        ScriptOutput output = ScriptOutput.For("99-lesson", [_folder]);
        Lesson lesson = Create("--step", input: "\n\n", output);
        var ran = new List<int>();

        lesson.Begin(2, "Setup");
        ran.Add(2);
        string chart = output.Save(Chart.Line<int, int, string>(x: [1, 2], y: [2, 1]), "line");
        lesson.Begin(4, "Phase 1");
        ran.Add(4);
        lesson.Begin(6, "Phase 1");
        ran.Add(6);
        lesson.Finish();

        string text = _console.ToString();
        Assert.Equal([2, 4, 6], ran);
        Assert.Contains("── cell 2 · Setup\n", text);
        Assert.Contains($"── paused after cell 2 · Setup\n   chart: {chart}\n   Enter: cell 4 · c: run to the end · q: quit > ", text);
        Assert.Contains("── paused after cell 4 · Phase 1\n   Enter: cell 6", text);
        Assert.DoesNotContain("paused after cell 6", text);
        Assert.EndsWith("── end of lesson 99-lesson\n", text.Replace("\r\n", "\n"));
        Assert.Equal(2, Count(text, "Enter: cell"));
    }

    [Fact]
    public void QuitStopsTheLessonAtThePause()
    {
        Lesson lesson = Create("--step", input: "q\n");
        lesson.Begin(2, "Setup");
        var exit = Assert.Throws<LessonExited>(() => lesson.Begin(4, "Phase 1"));
        Assert.Equal(0, exit.Code);
        Assert.Contains("── stopped after cell 2\n", _console.ToString());
        Assert.DoesNotContain("── cell 4", _console.ToString());
    }

    [Fact]
    public void ContinueRunsTheRestWithoutPausing()
    {
        Lesson lesson = Create("--step", input: "c\n");
        RunAllCells(lesson);
        Assert.Equal(1, Count(_console.ToString(), "paused after"));
    }

    [Fact]
    public void ClosedInputRunsToTheEndAndSaysSo()
    {
        Lesson lesson = Create("--step", input: string.Empty);
        RunAllCells(lesson);
        Assert.Equal(1, Count(_console.ToString(), "paused after"));
        Assert.Contains("input closed: running to the end without pausing", _console.ToString());
    }

    [Fact]
    public void AnUnknownChoiceIsNamedAndAskedAgain()
    {
        Lesson lesson = Create("--step", input: "next\n\n");
        lesson.Begin(2, string.Empty);
        lesson.Begin(4, string.Empty);
        string text = _console.ToString();
        Assert.Contains("'next' is not a choice: Enter runs cell 4, c runs to the end, q quits", text);
        Assert.Equal(2, Count(text, "Enter: cell 4"));
        Assert.Contains("── cell 4", text);
    }

    [Fact]
    public void RunToACellStopsAfterIt()
    {
        Lesson lesson = Create("--cell 4", input: string.Empty);
        lesson.Begin(2, string.Empty);
        lesson.Begin(4, string.Empty);
        var exit = Assert.Throws<LessonExited>(() => lesson.Begin(6, string.Empty));
        Assert.Equal(0, exit.Code);
        string text = _console.ToString();
        Assert.Contains("── stopped after cell 4 (--cell 4)", text);
        Assert.DoesNotContain("paused", text);
        Assert.DoesNotContain("── cell 6", text);
    }

    [Fact]
    public void RunToACellWhileSteppingPausesFromThatCellOn()
    {
        Lesson lesson = Create("--step --cell 4", input: "\n");
        RunAllCells(lesson);
        string text = _console.ToString();
        Assert.DoesNotContain("paused after cell 2", text);
        Assert.Contains("paused after cell 4", text);
        Assert.Equal(1, Count(text, "paused after"));
    }

    [Fact]
    public void WithoutOptionsALessonPrintsNothingOfItsOwn()
    {
        Lesson lesson = Create(string.Empty, input: string.Empty);
        lesson.Announce();
        RunAllCells(lesson);
        Assert.Equal(string.Empty, _console.ToString());
    }

    [Theory]
    [InlineData("--cell 5", "--cell 5 is not a code cell of this lesson; expected one of 2, 4, 6 (notebook cell numbers, markdown counted)")]
    [InlineData("--cell four", "--cell four is not a code cell of this lesson; expected one of 2, 4, 6 (notebook cell numbers, markdown counted)")]
    [InlineData("--cell", "--cell needs a cell number; this lesson's code cells are 2, 4, 6")]
    [InlineData("--steps", "unknown option --steps; expected --step, --cell N, --break or an output folder")]
    [InlineData("out other", "a second output folder other (the first was out); expected at most one")]
    public void BadArgumentsAreNamedWithWhatWasExpected(string args, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => LessonOptions.Parse(args.Split(' '), s_cells));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void OptionsAreRead()
    {
        Assert.Equal(new LessonOptions(Step: true, RunTo: 6, Break: true, OutputFolder: "out"),
            LessonOptions.Parse(["out", "--cell", "6", "--break", "--step"], s_cells));
        Assert.Equal(LessonOptions.Default, LessonOptions.Parse([], s_cells));
    }

    private Lesson Create(string args, string input, ScriptOutput? output = null) =>
        new("99-lesson", s_cells, LessonOptions.Parse(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), s_cells),
            output ?? ScriptOutput.For("99-lesson", [_folder]), new StringReader(input), _console,
            code => throw new LessonExited(code));

    private static void RunAllCells(Lesson lesson)
    {
        foreach (int cell in s_cells)
        {
            lesson.Begin(cell, $"heading {cell}");
        }

        lesson.Finish();
    }

    private static int Count(string text, string value) =>
        text.Split(value).Length - 1;

    private sealed class LessonExited(int code) : Exception($"exit {code}")
    {
        public int Code { get; } = code;
    }
}
