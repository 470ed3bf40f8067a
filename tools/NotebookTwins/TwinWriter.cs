using System.Text;
using System.Text.RegularExpressions;

namespace NotebookTwins;

/// <summary>
/// Writes a notebook's twin: a file-based C# app (<c>dotnet run notebooks/scripts/NN-topic.cs</c>) that runs the
/// notebook's C# cells in order, each under a comment naming the cell, with the markdown headings as comments.
/// </summary>
/// <remarks>
/// The header is generated: the <c>#:</c> directives for the packages the cells reference (a package built in this
/// repository becomes <c>#:project</c>), the C# kernel's default namespaces in place of the SDK's implicit usings, and
/// the cells' using directives. A twin of a notebook that loads <see cref="InteractivePackage"/> then does what that
/// package's kernel extension does in a notebook, and sends <c>Show(…)</c> to the twin's output folder.
/// </remarks>
internal static partial class TwinWriter
{
    /// <summary>The command that regenerates every twin, from the repository root.</summary>
    public const string RegenerateCommand = "dotnet run --project tools/NotebookTwins";

    /// <summary>The package whose kernel extension a twin's prologue stands in for.</summary>
    public const string InteractivePackage = "Aim.Interactive";

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
        var blocks = new List<string>();
        var usings = KernelImports.Select(n => $"using {n};").ToList();
        var references = new List<PackageReference>();
        var types = new List<string>();
        foreach (NotebookCell cell in notebook.Cells)
        {
            if (cell.Kind == CellKind.Markdown)
            {
                if (Headings(cell) is { Length: > 0 } headings)
                {
                    blocks.Add(headings);
                }

                continue;
            }

            TranslatedCell code = CellTranslator.Translate(cell, notebookPath);
            usings.AddRange(code.Usings.Where(u => !usings.Contains(u)));
            references.AddRange(code.References.Where(r => !references.Any(known => known.Id == r.Id)));
            if (code.Types.Count > 0)
            {
                types.Add($"// Cell {cell.Number}'s type declarations (a C# program declares types after its statements)\n{string.Join("\n\n", code.Types)}");
            }

            blocks.Add(CodeBlock(cell, code));
        }

        var text = new StringBuilder();
        foreach (PackageReference reference in references)
        {
            text.Append(projectOf(reference.Id) is { } project
                ? $"#:project {project}\n"
                : $"#:package {reference.Id}{(reference.Version is null ? string.Empty : "@" + reference.Version)}\n");
        }

        text.Append("#:property ImplicitUsings=disable\n\n");
        text.Append(Header(notebookPath, twinPath, name));
        text.Append("\n// The C# kernel's default namespaces (the SDK's implicit usings differ), then the notebook's usings.\n");
        usings.ForEach(u => text.Append(u).Append('\n'));
        if (references.Any(r => r.Id == InteractivePackage))
        {
            text.Append('\n').Append(Prologue(name));
        }

        foreach (string block in blocks.Concat(types))
        {
            text.Append('\n').Append(block).Append('\n');
        }

        return text.ToString();
    }

    private static string Header(string notebookPath, string twinPath, string name) =>
        $"""
        // Generated from {notebookPath} by tools/NotebookTwins: do not edit. Change the notebook, then run
        //   {RegenerateCommand}
        // The notebook's C# cells in order, as a file-based app: dotnet run {twinPath} [output-folder]
        // (AIM_FAST=1 shrinks the budgets). "Cell N" is the notebook's Nth cell, markdown cells counted. What a cell shows
        // with Show(…) is printed here, or written to the output folder (default artifacts/scripts/{name}/): charts as
        // HTML pages, frames as PNG images.

        """;

    private static string Prologue(string name) =>
        $"""
        // What #r "nuget: {InteractivePackage}" does in a notebook (its kernel extension initialises the library), and where
        // Show(…) writes in a twin.
        Aim.Interactive.Notebook.Initialize();
        Aim.Interactive.CellOutput.Script = Aim.Interactive.ScriptOutput.For("{name}", args);

        """;

    // Only the headings of a markdown cell, as comments: the prose stays in the notebook, the structure shows in the
    // twin. Lines in fenced code blocks are not headings.
    private static string Headings(NotebookCell cell)
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
                headings.Add("// " + line.TrimEnd());
            }
        }

        return string.Join('\n', headings);
    }

    private static string CodeBlock(NotebookCell cell, TranslatedCell code)
    {
        if (code.Note is not null)
        {
            return $"// Cell {cell.Number} {code.Note}";
        }

        if (code.Body.Length == 0)
        {
            return $"// Cell {cell.Number}: {(code.Usings.Count > 0 ? "using directives only (at the top of the twin)" : "nothing to run")}";
        }

        return $"// Cell {cell.Number}\n{code.Body}";
    }

    [GeneratedRegex("^#{1,6} ")]
    private static partial Regex Heading();
}
