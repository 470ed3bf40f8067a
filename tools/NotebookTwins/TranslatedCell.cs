namespace NotebookTwins;

/// <summary>A package that a cell references with <c>#r "nuget: Id, Version"</c>.</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The version, or <see langword="null"/> when the cell gives none.</param>
internal sealed record PackageReference(string Id, string? Version);

/// <summary>A code cell as its twin runs it (see <see cref="CellTranslator"/>).</summary>
/// <param name="Body">The statements, in the cell's own text; empty when nothing is left to run.</param>
/// <param name="Usings">The cell's using directives, which a C# program must put at the top.</param>
/// <param name="Types">The cell's type declarations, which a C# program must put after its statements.</param>
/// <param name="References">The packages the cell references, which become <c>#:</c> directives.</param>
/// <param name="Note">Why the cell has nothing in the twin, e.g. <c>(notebook only): why</c>; <see langword="null"/> when it has.</param>
internal sealed record TranslatedCell(
    string Body,
    IReadOnlyList<string> Usings,
    IReadOnlyList<string> Types,
    IReadOnlyList<PackageReference> References,
    string? Note);
