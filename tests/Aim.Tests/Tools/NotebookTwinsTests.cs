using System.Text.Json;
using NotebookTwins;

namespace Aim.Tests.Tools;

public class NotebookTwinsTests
{
    private const string InteractiveProject = "../../src/Aim.Interactive/Aim.Interactive.csproj";

    [Fact]
    public void TwinHasAGeneratedHeaderAndEveryCSharpCellInOrder()
    {
        string twin = Write(
            Markdown("# 99 · Title\n\nProse stays in the notebook.\n```bash\n# not a heading\n```"),
            Code("// Notebook only: register the feed\nvar feed = \"x\";\nfeed"),
            Code("#r \"nuget: Aim.Interactive, 0.1.0-dev\"\n#r \"nuget: Foo.Bar, 1.2.3\""),
            Code("using System.IO;\nusing static Aim.Interactive.CellOutput;\n\nShow(1);"),
            Markdown("## 1. Section"),
            Code("#!time\nusing System.IO;\nrecord Point(int X, int Y);\nShow(new Point(1, 2));\nenum Mode { A, B }"));

        Assert.StartsWith($"#:project {InteractiveProject}\n#:package Foo.Bar@1.2.3\n#:property ImplicitUsings=disable\n", twin);
        Assert.Contains("using System.Threading.Tasks;\nusing System.IO;\nusing static Aim.Interactive.CellOutput;\n", twin);
        Assert.Single(Occurrences(twin, "using System.IO;"));
        Assert.Contains("Aim.Interactive.Lessons.Lesson.Start(\"99-title\", [4, 6], args);\nAim.Interactive.Notebook.Initialize();\n", twin);
        Assert.Contains("// # 99 · Title\n", twin);
        Assert.DoesNotContain("not a heading", twin);
        Assert.Contains("// Cell 2 (notebook only): register the feed\n", twin);
        Assert.DoesNotContain("var feed", twin);
        Assert.Contains("// Cell 3\n// #r \"nuget: Aim.Interactive, 0.1.0-dev\": a #: directive at the top of the twin\n", twin);
        Assert.Contains(
            "// Cell 4\nAim.Interactive.Lessons.Lesson.Cell(4, \"99 · Title\");\nShow(1);\n\n// ## 1. Section\n\n"
            + "// Cell 6\nAim.Interactive.Lessons.Lesson.Cell(6, \"1. Section\");\n// #!time (notebook only)\nShow(new Point(1, 2));\n\n"
            + "// End of the notebook\nAim.Interactive.Lessons.Lesson.End();\n",
            twin);
        Assert.EndsWith(
            "\n\n// Cell 6's type declarations (a C# program declares types after its statements)\nrecord Point(int X, int Y);\n\nenum Mode { A, B }\n",
            twin);
    }

    [Fact]
    public void ABareTrailingExpressionIsRejectedWithTheFix()
    {
        var e = Assert.Throws<NotebookTranslationException>(() => Write(Markdown("# x"), Code("var a = 1;\na + 1")));
        Assert.Contains("notebooks/99-title.ipynb, cell 2 ends in a bare expression (a + 1)", e.Message);
        Assert.Contains("Show(…);", e.Message);
    }

    [Fact]
    public void AnAssemblyReferenceByPathIsRejected()
    {
        var e = Assert.Throws<NotebookTranslationException>(() => Write(Code("#r \"lib/Foo.dll\"")));
        Assert.Contains("cell 1: #r \"lib/Foo.dll\" references an assembly by path", e.Message);
    }

    [Fact]
    public void ALessonCellCarriesItsNearestHeadingAsPlainText()
    {
        string twin = Write(
            Code("#r \"nuget: Aim.Interactive, 0.1.0-dev\""),
            Markdown("## Phase 2: what Q<sup>I</sup> learned \"here\"\n\nProse."),
            Code("Show(1);"),
            Markdown("Prose without a heading."),
            Code("Show(2);"));
        Assert.Contains("Lesson.Start(\"99-title\", [3, 5], args);", twin);
        Assert.Contains("// Cell 3\nAim.Interactive.Lessons.Lesson.Cell(3, \"Phase 2: what QI learned \\\"here\\\"\");\nShow(1);", twin);
        Assert.Contains("// Cell 5\nAim.Interactive.Lessons.Lesson.Cell(5, \"Phase 2: what QI learned \\\"here\\\"\");\nShow(2);", twin);
    }

    [Fact]
    public void ATwinWithoutTheInteractivePackageIsNoLesson()
    {
        string twin = Write(Code("Show(2);"));
        Assert.DoesNotContain("Lesson", twin);
        Assert.Contains("// Cell 1\nShow(2);\n", twin);
    }

    [Fact]
    public void CellsInAnotherLanguageAreLeftOut()
    {
        string twin = Write(Code("#!fsharp\nlet x = 1"), Code("Show(2);"));
        Assert.Contains("// Cell 1 (fsharp): not in the twin, which runs the C# cells\n", twin);
        Assert.DoesNotContain("let x", twin);
        Assert.Contains("// Cell 2\nShow(2);\n", twin);
    }

    [Fact]
    public void CommittedTwinsAreUpToDateWithTheirNotebooks()
    {
        string root = TwinFiles.FindRepositoryRoot(AppContext.BaseDirectory);
        IReadOnlyList<TwinPair> pairs = TwinFiles.Pairs(root);
        Assert.NotEmpty(pairs);
        string[] stale = pairs.Where(p => !TwinFiles.IsUpToDate(root, p, TwinFiles.Generate(root, p))).Select(p => p.TwinPath)
            .Concat(TwinFiles.Orphans(root)).ToArray();
        Assert.True(stale.Length == 0, $"out of date: {string.Join(", ", stale)}; run {TwinWriter.RegenerateCommand}");
    }

    private static string Write(params object[] cells)
    {
        string json = JsonSerializer.Serialize(new { cells, metadata = new { }, nbformat = 4, nbformat_minor = 5 });
        return TwinWriter.Write(NotebookDocument.Parse(json), "notebooks/99-title.ipynb", "notebooks/scripts/99-title.cs",
            id => id == "Aim.Interactive" ? InteractiveProject : null);
    }

    private static object Markdown(string source) => new { cell_type = "markdown", metadata = new { }, source = Lines(source) };

    private static object Code(string source) => new { cell_type = "code", metadata = new { }, outputs = Array.Empty<object>(), source = Lines(source) };

    // nbformat keeps each line's break in a list of lines.
    private static string[] Lines(string source)
    {
        string[] lines = source.Split('\n');
        return lines.Select((l, i) => i < lines.Length - 1 ? l + "\n" : l).ToArray();
    }

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
