using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookTwins;

/// <summary>
/// Translates one code cell of a .NET Interactive notebook into the statements of a file-based C# app, mechanically:
/// <list type="bullet">
/// <item><c>#r "nuget: Id, Version"</c> becomes a reference at the top of the twin (the line stays as a comment);</item>
/// <item><c>#i</c> lines and <c>#!</c> magic commands are kernel features: they stay as comments only;</item>
/// <item>using directives move to the top and type declarations to the end, where a C# program needs them;</item>
/// <item>a cell whose first line is <c>// Notebook only: why</c> (the package-feed cell) is left out, and so is a cell
/// in another language;</item>
/// <item>a cell that ends in a bare expression is rejected: only a kernel displays it, so cells end in
/// <c>Show(x);</c> instead (<c>Aim.Interactive.CellOutput</c>).</item>
/// </list>
/// Everything else is copied unchanged.
/// </summary>
internal static partial class CellTranslator
{
    /// <summary>The first-line marker of a cell that only makes sense in the kernel.</summary>
    public const string NotebookOnlyMarker = "// Notebook only";

    private static readonly CSharpParseOptions s_scriptOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Preview);

    // Kernel names that #! can select besides C#; such a cell is in another language.
    private static readonly HashSet<string> s_otherKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "mermaid", "sql", "kql",
        "http", "value", "python", "r",
    };

    private static readonly HashSet<string> s_csharpKernels = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#" };

    /// <summary>Translates <paramref name="cell"/> (a code cell) of <paramref name="notebookPath"/>.</summary>
    /// <exception cref="NotebookTranslationException">The cell ends in a bare expression or references an assembly by path.</exception>
    public static TranslatedCell Translate(NotebookCell cell, string notebookPath)
    {
        string[] lines = cell.Source.Split('\n');
        string firstLine = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? string.Empty;
        string language = firstLine.StartsWith("#!", StringComparison.Ordinal) && IsKernelName(firstLine[2..])
            ? firstLine[2..]
            : cell.Language;
        if (!s_csharpKernels.Contains(language))
        {
            return Skipped($"({language}): not in the twin, which runs the C# cells");
        }

        if (firstLine.StartsWith(NotebookOnlyMarker, StringComparison.OrdinalIgnoreCase))
        {
            string why = firstLine[NotebookOnlyMarker.Length..].TrimStart(':', '.', ',', ' ');
            return Skipped(why.Length > 0 ? $"(notebook only): {why}" : "(notebook only)");
        }

        var references = new List<PackageReference>();
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = TranslateDirective(lines[i], references, cell, notebookPath);
        }

        return TranslateCode(string.Join('\n', lines), references, cell, notebookPath);
    }

    /// <summary>Whether the translated cell runs anything in the twin (not only comments, such as a <c>#r</c> line).</summary>
    public static bool Runs(TranslatedCell cell) =>
        cell.Note is null && CSharpSyntaxTree.ParseText(cell.Body, s_scriptOptions).GetCompilationUnitRoot().Members.Count > 0;

    private static bool IsKernelName(string name) => s_csharpKernels.Contains(name) || s_otherKernels.Contains(name);

    private static TranslatedCell Skipped(string note) => new(string.Empty, [], [], [], note);

    // Directives are whole lines in a notebook; a twin keeps them as comments so that a reader sees what the cell did.
    private static string TranslateDirective(string line, List<PackageReference> references, NotebookCell cell, string notebookPath)
    {
        string trimmed = line.Trim();
        if (trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#r\t", StringComparison.Ordinal))
        {
            Match nuget = NugetReference().Match(trimmed);
            if (!nuget.Success)
            {
                throw new NotebookTranslationException(
                    $"{notebookPath}, cell {cell.Number}: {trimmed} references an assembly by path, which a file-based app cannot; "
                    + "reference a package (#r \"nuget: Id, Version\") instead.");
            }

            string version = nuget.Groups["version"].Value.Trim();
            references.Add(new PackageReference(nuget.Groups["id"].Value.Trim(), version.Length > 0 ? version : null));
            return $"// {trimmed}: a #: directive at the top of the twin";
        }

        if (trimmed.StartsWith("#i ", StringComparison.Ordinal) || trimmed.StartsWith("#!", StringComparison.Ordinal))
        {
            return $"// {trimmed} (notebook only)";
        }

        return line;
    }

    private static TranslatedCell TranslateCode(string code, List<PackageReference> references, NotebookCell cell, string notebookPath)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, s_scriptOptions).GetRoot();
        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax last } && last.SemicolonToken.IsMissing)
        {
            throw new NotebookTranslationException(
                $"{notebookPath}, cell {cell.Number} ends in a bare expression ({Abbreviate(last.Expression)}), which only a kernel "
                + "displays; end the cell with Show(…); (using static Aim.Interactive.CellOutput;) so that its twin shows it too.");
        }

        MemberDeclarationSyntax[] typeNodes = root.Members.Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax).ToArray();
        string[] types = typeNodes.Select(t => TrimBlankLines(t.ToFullString())).ToArray();
        root = root.RemoveNodes(typeNodes, SyntaxRemoveOptions.KeepNoTrivia)!;

        string[] usings = root.Usings.Select(u => u.ToString()).ToArray();
        root = root.RemoveNodes(root.Usings, SyntaxRemoveOptions.KeepLeadingTrivia)!;
        return new TranslatedCell(TrimBlankLines(root.ToFullString()), usings, types, references, Note: null);
    }

    private static string Abbreviate(ExpressionSyntax expression)
    {
        string text = expression.ToString().Split('\n')[0].Trim();
        return text.Length <= 40 ? text : text[..40] + "…";
    }

    // Drops blank lines at either end and trailing white space on each line.
    private static string TrimBlankLines(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToArray();
        int first = Array.FindIndex(lines, l => l.Length > 0);
        int last = Array.FindLastIndex(lines, l => l.Length > 0);
        return first < 0 ? string.Empty : string.Join('\n', lines[first..(last + 1)]);
    }

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<id>[^,"]+)(,(?<version>[^"]*))?"\s*$""")]
    private static partial Regex NugetReference();
}
