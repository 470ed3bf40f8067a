using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookTwins;

/// <summary>
/// Writes a notebook's twin: a file-based C# app (<c>dotnet run notebooks/scripts/NN-topic.cs</c>) that runs the
/// notebook's C# cells in order, each under a comment naming the cell, with the markdown headings as comments.
/// </summary>
/// <remarks>
/// The header is generated: the <c>#:</c> directives for the packages the cells reference (a package built in this
/// repository becomes <c>#:project</c>), the C# kernel's default namespaces in place of the SDK's implicit usings, and
/// the cells' using directives. A twin of a notebook that loads <see cref="InteractivePackage"/> is a lesson: it starts
/// <see cref="LessonType"/> from its arguments, does what that package's kernel extension does in a notebook, and marks
/// each code cell with a <c>Lesson.Cell(N, heading)</c> call, so that it can pause after any cell.
/// </remarks>
internal static partial class TwinWriter
{
    /// <summary>The command that regenerates every twin, from the repository root.</summary>
    public const string RegenerateCommand = "dotnet run --project tools/NotebookTwins";

    /// <summary>The package whose kernel extension a twin's prologue stands in for.</summary>
    public const string InteractivePackage = "Aim.Interactive";

    /// <summary>The type whose calls make a twin that loads <see cref="InteractivePackage"/> a lesson.</summary>
    public const string LessonType = "Aim.Interactive.Lessons.Lesson";

    /// <summary>
    /// The namespaces the .NET Interactive C# kernel (1.0.712001) imports into every submission. Twins import exactly
    /// these (with the SDK's implicit usings, which add System.IO and System.Threading, off), so a cell finds the same
    /// names in both forms.
    /// </summary>
    public static readonly IReadOnlyList<string> KernelImports =
    [
        "System",
        "System.Collections",
        "System.Collections.Generic",
        "System.Linq",
        "System.Text",
        "System.Threading.Tasks",
    ];

    /// <summary>Writes the twin of <paramref name="notebook"/>.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="notebookPath">The notebook's path from the repository root, e.g. <c>notebooks/00-setup.ipynb</c>.</param>
    /// <param name="twinPath">The twin's path from the repository root, e.g. <c>notebooks/scripts/00-setup.cs</c>.</param>
    /// <param name="projectOf">The project path, relative to the twin's folder, of a package built in this repository;
    /// <see langword="null"/> for any other package.</param>
    /// <returns>The twin's text, with <c>\n</c> line breaks and a final line break.</returns>
    /// <exception cref="NotebookTranslationException">A cell cannot be translated.</exception>
    public static string Write(NotebookDocument notebook, string notebookPath, string twinPath, Func<string, string?> projectOf)
    {
        string name = Path.GetFileNameWithoutExtension(twinPath);
        var usings = KernelImports.Select(n => $"using {n};").ToList();
        var references = new List<PackageReference>();
        var types = new List<string>();
        var translated = new List<(NotebookCell Cell, TranslatedCell? Code, string Heading)>();
        string heading = string.Empty;
        foreach (NotebookCell cell in notebook.Cells)
        {
            if (cell.Kind == CellKind.Markdown)
            {
                string[] headings = Headings(cell);
                heading = headings.Length > 0 ? HeadingText(headings[^1]) : heading;
                translated.Add((cell, null, heading));
                continue;
            }

            TranslatedCell code = CellTranslator.Translate(cell, notebookPath);
            usings.AddRange(code.Usings.Where(u => !usings.Contains(u)));
            references.AddRange(code.References.Where(r => !references.Any(known => known.Id == r.Id)));
            if (code.Types.Count > 0)
            {
                types.Add($"// Cell {cell.Number}'s type declarations (a C# program declares types after its statements)\n{string.Join("\n\n", code.Types)}");
            }

            translated.Add((cell, code, heading));
        }

        // A twin that loads Aim.Interactive is a lesson: it can stop at each cell (Aim.Interactive.Lessons.Lesson).
        bool lesson = references.Any(r => r.Id == InteractivePackage);
        var blocks = new List<string>();
        foreach ((NotebookCell cell, TranslatedCell? code, string cellHeading) in translated)
        {
            if (code is null)
            {
                if (Headings(cell) is { Length: > 0 } headings)
                {
                    blocks.Add(string.Join('\n', headings.Select(h => "// " + h)));
                }
            }
            else
            {
                blocks.Add(CodeBlock(cell, code, lesson ? cellHeading : null));
            }
        }

        if (lesson)
        {
            blocks.Add($"// End of the notebook\n{LessonType}.End();");
        }

        var text = new StringBuilder();
        foreach (PackageReference reference in references)
        {
            text.Append(projectOf(reference.Id) is { } project
                ? $"#:project {project}\n"
                : $"#:package {reference.Id}{(reference.Version is null ? string.Empty : "@" + reference.Version)}\n");
        }

        text.Append("#:property ImplicitUsings=disable\n\n");
        text.Append(Header(notebookPath, twinPath, name, lesson));
        text.Append("\n// The C# kernel's default namespaces (the SDK's implicit usings differ), then the notebook's usings.\n");
        usings.ForEach(u => text.Append(u).Append('\n'));
        if (lesson)
        {
            int[] codeCells = translated.Where(t => t.Code is { } code && CellTranslator.Runs(code)).Select(t => t.Cell.Number).ToArray();
            text.Append('\n').Append(Prologue(name, codeCells));
        }

        foreach (string block in blocks.Concat(types))
        {
            text.Append('\n').Append(block).Append('\n');
        }

        return text.ToString();
    }

    private static string Header(string notebookPath, string twinPath, string name, bool lesson) =>
        $"""
        // Generated from {notebookPath} by tools/NotebookTwins: do not edit. Change the notebook, then run
        //   {RegenerateCommand}
        // The notebook's C# cells in order, as a file-based app: dotnet run {twinPath} [output-folder]
        // (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
        // with Show(…) is printed here, or written to the output folder (default artifacts/scripts/{name}/): charts as
        // HTML pages, frames as PNG images.

        """ + (lesson
            ? $"""
              // As a lesson, cell by cell: dotnet run {twinPath} -- --step
              // pauses after each cell (Enter continues); --cell N runs to cell N; --break stops before each cell under a
              // debugger (.vscode/launch.json).

              """
            : string.Empty);

    private static string Prologue(string name, int[] codeCells) =>
        $"""
        // The lesson's options (--step, --cell N, --break, output folder) and where Show(…) writes; then what
        // #r "nuget: {InteractivePackage}" does in a notebook (its kernel extension initialises the library).
        {LessonType}.Start("{name}", [{string.Join(", ", codeCells)}], args);
        Aim.Interactive.Notebook.Initialize();

        """;

    // Only the headings of a markdown cell: the prose stays in the notebook, the structure shows in the twin. Lines in
    // fenced code blocks are not headings.
    private static string[] Headings(NotebookCell cell)
    {
        var headings = new List<string>();
        bool fenced = false;
        foreach (string line in cell.Source.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced && Heading().IsMatch(line))
            {
                headings.Add(line.TrimEnd());
            }
        }

        return headings.ToArray();
    }

    // "## Phase 2: what Q<sup>I</sup> learned" → "Phase 2: what QI learned": what a terminal shows at a pause.
    private static string HeadingText(string heading) => Markup().Replace(heading.TrimStart('#').Trim(), string.Empty);

    private static string CodeBlock(NotebookCell cell, TranslatedCell code, string? lessonHeading)
    {
        if (code.Note is not null)
        {
            return $"// Cell {cell.Number} {code.Note}";
        }

        if (code.Body.Length == 0)
        {
            return $"// Cell {cell.Number}: {(code.Usings.Count > 0 ? "using directives only (at the top of the twin)" : "nothing to run")}";
        }

        string marker = lessonHeading is null || !CellTranslator.Runs(code)
            ? string.Empty
            : $"{LessonType}.Cell({cell.Number}, {SymbolDisplay.FormatLiteral(lessonHeading, quote: true)});\n";
        return $"// Cell {cell.Number}\n{marker}{code.Body}";
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();

    [GeneratedRegex("^#{1,6} ")]
    private static partial Regex Heading();
}
